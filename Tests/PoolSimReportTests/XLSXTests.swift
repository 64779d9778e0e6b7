import Foundation
import PoolSimCore
import PoolSimText
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
        let parts = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: nil, language: .en))
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
        let parts = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: nil, language: .en))
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
        let parts = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: Self.trialTable(count: 3), language: .en))
        for n in 1...7 {
            let sheet = try #require(parts["xl/worksheets/sheet\(n).xml"])
            #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
            #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\">"))
            #expect(sheet.contains("<cols><col min=\"1\" max=\"1\" width="))
        }
    }

    @Test func textIsEscapedAndChineseSurvives() throws {
        let parts = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: nil, language: .en))
        let byBank = try #require(parts["xl/worksheets/sheet3.xml"])
        #expect(byBank.contains("中国建设银行 &lt;Hebei&gt; &amp; &quot;Co&quot;"))
        #expect(byBank.contains("华夏银行石家庄分行"))
        #expect(!byBank.contains("<Hebei>"))
    }

    @Test func inputsAndMetadataSheets() throws {
        let parts = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: nil, language: .en))
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

        let whole = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: table, language: .en))
        #expect(whole["xl/worksheets/sheet7.xml"]?.contains("<row r=\"11\">") == true)
        #expect(whole["xl/worksheets/sheet7.xml"]?.contains("<v>1009.5</v>") == true)
        #expect(whole["xl/worksheets/sheet6.xml"]?.contains("trials_sheet") == false)
    }

    @Test func sameResultsSameBytes() throws {
        let first = try XLSXExport.workbook(Fixtures.results, trials: nil, language: .en)
        let second = try XLSXExport.workbook(Fixtures.results, trials: nil, language: .en)
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

    // MARK: Chinese

    /// A sheet's cells by reference ("B2"): a number's digits or a text, as written.
    static func cells(_ sheet: String) throws -> [String: String] {
        let cell = try Regex(#"<c r="([A-Z]+[0-9]+)"[^>]*>(?:<v>([^<]*)</v>|<is><t xml:space="preserve">([^<]*)</t></is>)</c>"#)
        var cells: [String: String] = [:]
        for match in sheet.matches(of: cell) {
            let reference = String(match.output[1].substring!)
            cells[reference] = String((match.output[2].substring ?? match.output[3].substring)!)
        }
        return cells
    }

    /// The cells of row `row` (1-based) in column order.
    static func row(_ row: Int, of cells: [String: String]) -> [String] {
        (0..<30).compactMap { cells[XLSXExport.columnName($0) + String(row)] }
    }

    /// Latin words of two letters or more in `text` that are not in `allowed`:
    /// what Chinese text may not show, identifiers and abbreviations aside.
    static func englishWords(_ text: String, allowed: Set<String> = []) -> [String] {
        let shared: Set<String> = ["VaR", "ES", "PD", "LGD", "PoolSim", "GSL", "SHA", "MPI"]
        return text.matches(of: try! Regex("[A-Za-z]{2,}")).map { String(text[$0.range]) }
            .filter { !shared.contains($0) && !allowed.contains($0) }
    }

    /// The fixture's identifiers: its scenario's and banks' ids.
    static let identifiers: Set<String> = ["hebei", "ccb", "huaxia", "sjz"]

    @Test func chineseSheetNamesAreChineseAndValid() throws {
        let parts = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: Self.trialTable(count: 3), language: .zh))
        let workbook = try #require(parts["xl/workbook.xml"])
        let names = workbook.matches(of: try Regex(#"<sheet name="([^"]*)""#)).map { String($0.output[1].substring!) }
        #expect(names == ["汇总", "分年度", "分银行", "资金池规模", "输入参数", "元数据", "逐次模拟"])
        for name in names {
            #expect(name.count <= 31 && !name.contains(where: { "[]:*?/\\".contains($0) }))
        }
        #expect(parts["xl/worksheets/sheet1.xml"]?.contains("tabSelected=\"1\"") == true)
        #expect(parts["docProps/core.xml"]?.contains("<dc:title>PoolSim 模拟结果：hebei-2022</dc:title>") == true)
    }

    @Test func chineseHeadersAndLabelsHaveNoEnglishWords() throws {
        let parts = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: Self.trialTable(count: 3), language: .zh))
        for n in 1...7 {
            let cells = try Self.cells(try #require(parts["xl/worksheets/sheet\(n).xml"]))
            let header = Self.row(1, of: cells)
            #expect(!header.isEmpty)
            #expect(Self.englishWords(header.joined(separator: " "), allowed: Self.identifiers).isEmpty,
                    "sheet \(n) header: \(header)")
        }
        // The labels of the summary, by-year, by-bank and metadata sheets (column A or C), and the units.
        let summary = try Self.cells(try #require(parts["xl/worksheets/sheet1.xml"]))
        let labels = summary.filter { $0.key.hasPrefix("A") || $0.key.hasPrefix("B") }.values.joined(separator: " ")
        #expect(Self.englishWords(labels).isEmpty, "\(labels)")
        for expected in ["补偿申请额合计", "资金池实际补偿合计", "未获补偿合计", "违约笔数合计", "期末余额", "测算期内耗尽概率",
                         "截至第 2 年末耗尽概率", "风险价值（VaR）", "预期短缺（ES）", "元", "笔", "概率"] {
            #expect(summary.values.contains(expected), "summary lacks \(expected)")
        }
        #expect(Self.row(1, of: summary).starts(with: ["项目", "单位", "均值", "标准差", "蒙特卡洛标准误", "最小值", "最大值",
                                                        "第 1 百分位数", "第 5 百分位数", "第 25 百分位数", "中位数"]))
        let byBank = try Self.cells(try #require(parts["xl/worksheets/sheet3.xml"]))
        let quantities = byBank.filter { $0.key.hasPrefix("C") || $0.key.hasPrefix("D") }.values.joined(separator: " ")
        #expect(Self.englishWords(quantities).isEmpty, "\(quantities)")
        #expect(byBank.values.contains("尾部贡献（VaR 99%）"))
        let metadata = try Self.cells(try #require(parts["xl/worksheets/sheet6.xml"]))
        let keys = metadata.filter { $0.key.hasPrefix("A") }.values.joined(separator: " ")
        #expect(Self.englishWords(keys).isEmpty, "\(keys)")
        #expect(metadata.values.contains("随机种子") && metadata.values.contains("已完成"))
        let inputs = try Self.cells(try #require(parts["xl/worksheets/sheet5.xml"]))
        #expect(inputs["A2"] == "（本次运行）参数覆盖" && inputs["B3"] == "无")
        #expect(inputs.values.contains("pool.initial_balance"), "key paths stay identifiers")
    }

    @Test func chineseNumbersAreTheSameYuanNumbers() throws {
        let english = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: Self.trialTable(count: 3), language: .en))
        let chinese = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: Self.trialTable(count: 3), language: .zh))
        for n in 1...7 {
            let en = try Self.cells(try #require(english["xl/worksheets/sheet\(n).xml"]))
            let zh = try Self.cells(try #require(chinese["xl/worksheets/sheet\(n).xml"]))
            for (reference, value) in en where Double(value) != nil {
                #expect(zh[reference] == value, "sheet \(n) \(reference): \(zh[reference] ?? "nil") ≠ \(value)")
            }
        }
        let summary = try #require(chinese["xl/worksheets/sheet1.xml"])
        #expect(summary.contains("<c r=\"C2\" s=\"2\"><v>146778264.72247687</v></c>"))
        #expect(summary.contains("<c r=\"B2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">元</t></is></c>"))
        let poolSize = try Self.cells(try #require(chinese["xl/worksheets/sheet4.xml"]))
        #expect(poolSize["A1"] == "资金池初始规模（元）" && poolSize["E1"] == "所需资金池初始规模（元）")
    }

    @Test func chineseTrialsSheetSaysItWasCutInChinese() throws {
        let parts = try Self.parts(XLSXExport.workbook(Fixtures.results, trials: Self.trialTable(count: 10), rowLimit: 5,
                                                       language: .zh))
        let trials = try Self.cells(try #require(parts["xl/worksheets/sheet7.xml"]))
        #expect(Self.row(1, of: trials).prefix(4) == ["模拟序号", "耗尽年度（0 表示未耗尽）", "补偿申请额合计（元）", "资金池实际补偿合计（元）"])
        #expect(trials.values.contains("ccb-hebei 补偿申请额（元）"))
        #expect(trials.values.contains("注：仅列出前 4 次模拟（共 10 次）：单个工作表最多容纳 5 行"))
        #expect(trials["C5"] == "1003.5")
        let metadata = try Self.cells(try #require(parts["xl/worksheets/sheet6.xml"]))
        #expect(metadata.values.contains("逐次模拟工作表"))
    }

    static var sizeTable: AnalysisTable {
        get throws {
            let estimates = try JSONValueDecoder().decode([SizeEstimate].self, from: JSONValue(parsing: """
                [{"ruin_probability": 0.05, "initial_balance": 234359110.74647558, "ci_low": 229071924.7498915,
                  "ci_high": 241577450.74102452, "method": "required-pool-quantile", "trials": 2000}]
                """))
            return AnalysisExport.size(estimates)
        }
    }

    @Test func chineseAnalysisWorkbookKeepsTheCSVRows() throws {
        let table = try Self.sizeTable
        let csv = CSVExport.render(table.rows)
        let chinese = try Self.parts(XLSXExport.workbook(tables: [table], title: "hebei-2022 size", language: .zh))
        #expect(CSVExport.render(table.rows) == csv)
        #expect(csv.hasPrefix("ruin_probability,initial_balance,ci_low,ci_high,method,trials\n0.05,234359110.74647558,"))
        #expect(chinese["xl/workbook.xml"]?.contains("<sheet name=\"规模测算\"") == true)
        #expect(chinese["docProps/core.xml"]?.contains("<dc:title>PoolSim 模拟结果：hebei-2022 规模测算</dc:title>") == true)
        let cells = try Self.cells(try #require(chinese["xl/worksheets/sheet1.xml"]))
        #expect(Self.row(1, of: cells) == ["目标耗尽概率", "资金池初始规模（元）", "95% 置信区间下限（元）", "95% 置信区间上限（元）",
                                           "测算方法", "模拟次数"])
        #expect(Self.row(2, of: cells) == ["0.05", "234359110.74647558", "229071924.7498915", "241577450.74102452",
                                           "所需资金池规模分位数法", "2000"])
        #expect(chinese["xl/worksheets/sheet1.xml"]?.contains("<c r=\"B2\"><v>234359110.74647558</v></c>") == true)

        let english = try Self.parts(XLSXExport.workbook(tables: [table], title: "hebei-2022 size", language: .en))
        #expect(english["xl/workbook.xml"]?.contains("<sheet name=\"size\"") == true)
        #expect(english["docProps/core.xml"]?.contains("<dc:title>PoolSim results: hebei-2022 size</dc:title>") == true)
        let englishCells = try Self.cells(try #require(english["xl/worksheets/sheet1.xml"]))
        #expect(Self.row(1, of: englishCells) == table.rows[0])
        #expect(englishCells["E2"] == "required-pool-quantile")
    }

    @Test func chineseAnalysisWordsAreTranslatedAndNamesKept() throws {
        let sensitivity = AnalysisExport.sensitivity(SensitivityResults(
            scenarioName: "hebei-2022", trials: 10, seed: 1, base: HeadlineValues(try Fixtures.results.statistics.summary),
            parameters: [SensitivityResults.Swing(name: "pd", lowSetting: "0.5", highSetting: "1.5",
                                                  low: HeadlineValues(try Fixtures.results.statistics.summary),
                                                  high: HeadlineValues(try Fixtures.results.statistics.summary))]))
        let sheet = sensitivity.sheet(.zh)
        #expect(sheet.name == "敏感性分析")
        #expect(sheet.rows[0] == ["参数", "设定值", "统计量", "数值（金额单位：元）"])
        #expect(sheet.rows[1][0] == "基准" && sheet.rows[1][2] == "耗尽概率")
        #expect(sheet.rows.contains { $0[0] == "pd" && $0[1] == "0.5" && $0[2] == "补偿申请额 VaR 99%（元）" })
        #expect(sheet.rows.dropFirst().map { $0[3] } == sensitivity.rows.dropFirst().map { $0[3] }, "numbers as in the CSV")
        #expect(sensitivity.sheet(.en).rows == sensitivity.rows)
        let words = sheet.rows.flatMap { [$0[0], $0[2]] }.joined(separator: " ")
        #expect(Self.englishWords(words, allowed: ["pd"]).isEmpty, "\(words)")

        for (word, chinese) in [("p99.5", "第 99.5 百分位数"), ("p50", "中位数"), ("mcse", "蒙特卡洛标准误"),
                                ("p_exhaustion_year_3", "截至第 3 年末耗尽概率"), ("claims_total", "补偿申请额合计"),
                                ("common-random-number-search", "共同随机数二分搜索法"), ("ci_low", "95% 置信区间下限")] {
            #expect(WorkbookWords.word(word, .zh) == chinese)
        }
        #expect(WorkbookWords.word("pool.initial_balance", .zh) == nil)
    }
}
