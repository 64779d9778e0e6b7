import Foundation
import PoolSimCore
import Testing
import ZIPFoundation
@testable import PoolSimReport

struct XLSXTests {
    static func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    static func trialTable(count: Int) -> TrialTable {
        var records = TrialRecords(horizonYears: 1, bankCount: 1)
        for i in 0..<count {
            var outcome = TrialOutcome(horizonYears: 1, bankCount: 1)
            outcome.years[0].newClaims = 1000.5 + Double(i)
            outcome.years[0].paid = 1000.5
            outcome.bankYears[0].claims = 1000.5 + Double(i)
            outcome.exhaustionYear = i.isMultiple(of: 2) ? 1 : nil
            records.append(outcome)
        }
        return TrialTable(records: records, bankIDs: ["ccb-hebei"])
    }

    @Test func packageHoldsTheOfficeOpenXMLParts() throws {
        let parts = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: nil))
        for name in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                     "xl/styles.xml", "docProps/app.xml", "docProps/core.xml"] {
            #expect(parts[name] != nil, "missing \(name)")
        }
        for n in 1...6 { #expect(parts["xl/worksheets/sheet\(n).xml"] != nil) }
        #expect(parts["xl/worksheets/sheet7.xml"] == nil)
        let workbook = try #require(parts["xl/workbook.xml"])
        for name in ["Summary", "ByYear", "ByBank", "PoolSize", "Inputs", "Metadata"] {
            #expect(workbook.contains("<sheet name=\"\(name)\""))
        }
        #expect(parts["[Content_Types].xml"]?.contains("/xl/worksheets/sheet6.xml") == true)
        #expect(parts["xl/styles.xml"]?.contains("<b/>") == true)
    }

    @Test func numbersAreStoredAsNumbersWithEveryDigit() throws {
        let parts = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: nil))
        let summary = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(summary.contains("<c r=\"C2\" s=\"2\"><v>146778264.72247687</v></c>"))
        #expect(summary.contains("<v>0.7494946988108554</v>"))
        #expect(summary.contains("<v>297652732.13824856</v>"))
        #expect(!summary.contains("t=\"inlineStr\"><is><t xml:space=\"preserve\">146778264"))
        let byYear = try #require(parts["xl/worksheets/sheet2.xml"])
        #expect(byYear.contains("<c r=\"A2\"><v>1</v></c>"))
        #expect(byYear.contains("<v>29147647.27485573</v>"))
    }

    @Test func headerRowsAreBoldAndFrozen() throws {
        let parts = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: Self.trialTable(count: 3)))
        for n in 1...7 {
            let sheet = try #require(parts["xl/worksheets/sheet\(n).xml"])
            #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
            #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\">"))
            #expect(sheet.contains("<cols><col min=\"1\" max=\"1\" width="))
        }
    }

    @Test func textIsEscapedAndChineseSurvives() throws {
        let parts = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: nil))
        let byBank = try #require(parts["xl/worksheets/sheet3.xml"])
        #expect(byBank.contains("中国建设银行 &lt;Hebei&gt; &amp; &quot;Co&quot;"))
        #expect(byBank.contains("华夏银行石家庄分行"))
        #expect(!byBank.contains("<Hebei>"))
    }

    @Test func inputsAndMetadataSheets() throws {
        let parts = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: nil))
        let inputs = try #require(parts["xl/worksheets/sheet5.xml"])
        #expect(inputs.contains("pool.initial_balance"))
        #expect(inputs.contains("banks[0].name"))
        #expect(inputs.contains("pool.initial_balance=110000000"))
        let metadata = try #require(parts["xl/worksheets/sheet6.xml"])
        for key in ["tool_version", "gsl_version", "rng", "seed", "trials", "jobs", "elapsed_seconds", "method", "block_size"] {
            #expect(metadata.contains(">\(key)</t>"), "metadata lacks \(key)")
        }
    }

    @Test func trialsSheetIsCutAtTheRowLimitAndSaysSo() throws {
        let table = Self.trialTable(count: 10)
        let parts = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: table, rowLimit: 5))
        let trials = try #require(parts["xl/worksheets/sheet7.xml"])
        #expect(trials.contains("<row r=\"5\">"))
        #expect(!trials.contains("<row r=\"6\">"))
        #expect(trials.contains("first 4 of 10 trials"))
        #expect(parts["xl/worksheets/sheet6.xml"]?.contains("first 4 of 10 trials") == true)

        let whole = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: table))
        #expect(whole["xl/worksheets/sheet7.xml"]?.contains("<row r=\"11\">") == true)
        #expect(whole["xl/worksheets/sheet7.xml"]?.contains("<v>1009.5</v>") == true)
        #expect(whole["xl/worksheets/sheet6.xml"]?.contains("trials_sheet") == false)
    }

    @Test func sameResultsSameBytes() throws {
        let first = try XLSXExport.workbook(Fixtures.results, trials: nil)
        let second = try XLSXExport.workbook(Fixtures.results, trials: nil)
        #expect(first == second)
    }

    @Test func columnNames() {
        #expect(XLSXExport.columnName(0) == "A")
        #expect(XLSXExport.columnName(25) == "Z")
        #expect(XLSXExport.columnName(26) == "AA")
        #expect(XLSXExport.columnName(701) == "ZZ")
        #expect(XLSXExport.columnName(702) == "AAA")
    }

    @Test func xmlEscapingDropsCharactersXMLCannotHold() {
        #expect(XML.escape("a<b>&\"'\u{1}c\td") == "a&lt;b&gt;&amp;&quot;&apos;c\td")
    }
}
