import PoolSimCore
@testable import PoolSimScenario
import Testing

@Suite struct TapeTests {
    @Test func tapeWithBOMQuotesAndCRLF() throws {
        let scenario = try ScenarioLoader.load(path: Fixtures.path("tape-ok.yaml")).scenario
        #expect(scenario.loanTape == "tape-ok.csv")
        #expect(scenario.tapeLoans == [
            Loan(id: "A-1", bank: "alpha", type: "credit", sector: "robotics, automation", amount: 2_500_000, pd: 0.02,
                 lgd: LGDSpec(mean: 0.6, sd: 0.2), originationYear: 1, termYears: 2, firmID: "F \"1\""),
            Loan(id: "B-1", bank: "beta", type: "credit", sector: "general", amount: 1000, pd: 0.05,
                 lgd: LGDSpec(mean: 0.4, sd: 0), originationYear: 2, termYears: 1, firmID: nil),
        ])
    }

    @Test func csvWriterReadsBack() throws {
        let loans = try ScenarioLoader.load(path: Fixtures.path("tape-ok.yaml")).scenario.tapeLoans
        let csv = LoanTape.csv(loans)
        let log = DiagnosticLog()
        let read = LoanTape.read(csv, file: "t.csv", bankIDs: ["alpha", "beta"], horizon: 2, log: log)
        #expect(log.items.isEmpty)
        #expect(read.loans == loans)
        #expect(read.lines == [2, 3])
    }

    @Test func csvParser() throws {
        let records = try CSV.parse("a,\"b,\"\"c\"\"\",\n\"x\ny\",2\n").get()
        #expect(records.map { $0.fields.map(\.text) } == [["a", "b,\"c\"", ""], ["x\ny", "2"]])
        #expect(records.map(\.line) == [1, 2])
        #expect(records[0].fields.map(\.column) == [1, 3, 13])
        guard case let .failure(problem) = CSV.parse("a,\"b\n") else {
            Issue.record("an unclosed quote was accepted")
            return
        }
        #expect(problem.message.description == "a quoted field is not closed")
    }

    @Test func exampleTapeScenario() throws {
        let scenario = try ScenarioLoader.load(path: Fixtures.scenarios + "/example-tape.yaml").scenario
        #expect(scenario.tapeLoans.count == 33)
        #expect(Set(scenario.tapeLoans.map(\.bank)) == ["ccb-hebei", "bank-of-hebei"])
        #expect(scenario.tapeLoans.last?.sector == "robotics, automation")
    }
}
