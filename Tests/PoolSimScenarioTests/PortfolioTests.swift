import PoolSimCore
import PoolSimRandom
import PoolSimScenario
import Testing

@Suite struct PortfolioTests {
    let scenario: Scenario

    init() throws {
        scenario = try ScenarioLoader.load(path: Fixtures.path("tape-ok.yaml")).scenario
    }

    @Test func tapeLoansFirstThenSegmentsInOrder() {
        let portfolio = Portfolio(scenario: scenario, generatorType: .mt19937, seed: 1)
        // beta/new: 2 loans in year 1, 2 × 1.5 = 3 in year 2.
        #expect(portfolio.loans.map(\.id) == ["A-1", "B-1", "beta-new-1-1", "beta-new-1-2", "beta-new-2-1", "beta-new-2-2", "beta-new-2-3"])
        #expect(portfolio.loans[4].originationYear == 2)
        #expect(portfolio.loans[4].amount == 1000)
    }

    @Test func countsFollowGrowth() throws {
        let small = try ScenarioLoader.load(path: Fixtures.path("small.yaml")).scenario
        let loans = Portfolio(scenario: small, generatorType: .mt19937, seed: 3).loans
        let alphaCredit = loans.filter { $0.id.hasPrefix("alpha-credit-") }
        // 20, 22, 24.2 → 24
        #expect([1, 2, 3].map { year in alphaCredit.filter { $0.originationYear == year }.count } == [20, 22, 24])
        #expect(loans.count == 66 + 15 + 24)
        #expect(loans.first?.id == "alpha-credit-1-1")
        #expect(loans.last?.id == "beta-credit-3-8")
    }

    @Test func amountsAreReproducibleAndCapped() throws {
        let small = try ScenarioLoader.load(path: Fixtures.path("small.yaml")).scenario
        let first = Portfolio(scenario: small, generatorType: .mt19937, seed: 11)
        let second = Portfolio(scenario: small, generatorType: .mt19937, seed: 11)
        let other = Portfolio(scenario: small, generatorType: .mt19937, seed: 12)
        #expect(first == second)
        #expect(first != other)
        let drawn = first.loans.filter { $0.id.hasPrefix("alpha-credit-") }.map(\.amount)
        #expect(drawn.allSatisfy { $0 > 0 && $0 <= 3_000_000 })
        #expect(Set(drawn).count > drawn.count / 2)
        #expect(first.loans.filter { $0.id.hasPrefix("alpha-ip-") }.allSatisfy { $0.amount == 2_000_000 })
    }

    @Test func hebeiPortfolioSize() throws {
        let hebei = try ScenarioLoader.load(path: Fixtures.scenarios + "/hebei-2022.yaml").scenario
        let loans = Portfolio(scenario: hebei, generatorType: .mt19937, seed: hebei.seed).loans
        #expect(loans.count == 1_250 * 5)
        #expect(loans.allSatisfy { $0.amount <= 5_000_000 })
        #expect(loans.contains { $0.id == "ccb-hebei-credit-loans-2-17" })
    }
}
