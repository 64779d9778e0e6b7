import PoolSimCore
import PoolSimText
import Testing
@testable import PoolSimScenario

/// Default histories for calibration: every problem located, as for loan tapes.
@Suite struct HistoryFileTests {
    static func problems(_ text: String) -> [String] {
        do {
            _ = try HistoryFile.read(text, file: "h.csv")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func readsAHistory() throws {
        let read = try HistoryFile.read("\u{FEFF}year,bank,loans,defaults,note\n2016,ccb,212,3,x\n2016,boc,140,4,\n\n2017,ccb,250,0,\n",
                                        file: "h.csv")
        #expect(read.history.records == [
            HistoryRecord(year: 2016, bank: "ccb", loans: 212, defaults: 3),
            HistoryRecord(year: 2016, bank: "boc", loans: 140, defaults: 4),
            HistoryRecord(year: 2017, bank: "ccb", loans: 250, defaults: 0),
        ])
        #expect(read.history.banks == ["ccb", "boc"] && read.history.years == [2016, 2017])
        #expect(read.warnings.map(\.description) == ["h.csv:1:26: warning: unknown column 'note' is ignored (note)"])
    }

    @Test("comment lines before the header are skipped, and the lines of later errors are the file's own")
    func leadingComments() throws {
        let text = "# Simulated, not observed.\n# Second line, with, commas\n\nyear,bank,loans,defaults\n2016,ccb,212,3\n2017,ccb,5,9\n"
        #expect(Self.problems(text) == ["h.csv:6:12: error: defaults (9) are more than loans (5) (defaults)"])
        let read = try HistoryFile.read("# note\nyear,bank,loans,defaults\n2016,ccb,212,3\n", file: "h.csv")
        #expect(read.history.records == [HistoryRecord(year: 2016, bank: "ccb", loans: 212, defaults: 3)])
        #expect(read.bankLocations["ccb"] == SourceLocation(file: "h.csv", line: 3, column: 6))
    }

    @Test("every bad row is reported at its line and column")
    func badRows() {
        let text = """
            year,bank,loans,defaults
            2016,ccb,212,3
            2016,boc,1.5,0
            2017,ccb,-4,0
            2017,boc,100,-1
            2018,ccb,10,11
            2016,ccb,50,1
            x,boc,10,1
            2019,,10,1
            """
        #expect(Self.problems(text) == [
            "h.csv:3:10: error: loans must be a whole number, got '1.5' (loans)",
            "h.csv:4:10: error: loans must be at least 1, got -4 (loans)",
            "h.csv:5:14: error: defaults must not be negative, got -1 (defaults)",
            "h.csv:6:13: error: defaults (11) are more than loans (10) (defaults)",
            "h.csv:7:6: error: bank 'ccb' has a second row for 2016 (bank)\n  hint: the first is on line 2",
            "h.csv:8:1: error: year must be a whole number, got 'x' (year)",
            "h.csv:9:6: error: bank is empty (bank)",
        ])
    }

    @Test func missingColumnsAndEmptyFiles() {
        #expect(Self.problems("year,bank,loans\n2016,a,3\n").first?.contains("missing column 'defaults'") == true)
        #expect(Self.problems("") == ["h.csv: error: the history is empty; it needs the header year,bank,loans,defaults and a row per bank and year"])
        #expect(Self.problems("year,bank,loans,defaults\n") == Self.problems(""))
        #expect(Self.problems("year,bank,loans,defaults\n2016,a,3\n").first?.contains("h.csv:2") == true)
    }

    @Test("in Chinese, still located and with the column")
    func chinese() {
        do {
            _ = try HistoryFile.read("year,bank,loans,defaults\n2018,ccb,10,11\n", file: "h.csv")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.map { $0.rendered(.zh) }.first == "h.csv:2:13: 错误：违约笔数（11）多于贷款笔数（10）（defaults）")
        }
    }
}
