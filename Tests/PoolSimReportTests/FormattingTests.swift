import PoolSimCore
import PoolSimText
import Testing
@testable import PoolSimReport

struct FormattingTests {
    @Test(arguments: [
        (1e-05, "0.00001"),
        (1.5e20, "150000000000000000000"),
        (-3.25e-7, "-0.000000325"),
        (123456789.125, "123456789.125"),
        (0.1, "0.1"),
        (-0.0, "0"),
        (110_000_000, "110000000"),
        (1e15, "1000000000000000"),
        (2.5e-300, "0." + String(repeating: "0", count: 299) + "25"),
        (146778264.72247687, "146778264.72247687"),
    ])
    func plainDecimal(value: Double, expected: String) {
        #expect(NumberFormat.plain(value) == expected)
        #expect(Double(expected) == value)
    }

    @Test("people's formats never trap, whatever the number", arguments: [
        1e300, -1e300, Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude, 9.3e18, -9.3e18,
        Double.leastNonzeroMagnitude, 1e15, .nan, .infinity, -.infinity,
    ])
    func formatsNeverTrap(value: Double) {
        let texts = [NumberFormat.money(value), NumberFormat.millions(value), NumberFormat.percent(value),
                     NumberFormat.count(value), NumberFormat.fixed(value, digits: 2), NumberFormat.plain(value)]
        #expect(texts.allSatisfy { !$0.contains("e") && !$0.contains("inf") && !$0.contains("nan") })
    }

    @Test func hugeMoneyKeepsEveryDigit() {
        #expect(NumberFormat.money(1e300) == NumberFormat.money(1e300 / 1e3) + ",000")
        #expect(NumberFormat.money(-9.3e18) == "-9,300,000,000,000,000,000")
        #expect(NumberFormat.money(1e15) == "1,000,000,000,000,000")
        #expect(NumberFormat.fixed(9.3e18, digits: 1) == "9,300,000,000,000,000,000.0")
        #expect(NumberFormat.fixed(-1234.5, digits: 2) == "-1,234.50")
        #expect(NumberFormat.fixed(-0.004, digits: 2) == "0.00")
        #expect(NumberFormat.money(.nan) == "–" && NumberFormat.fixed(.infinity, digits: 1) == "–")
    }

    @Test func plainLeavesNonFiniteEmpty() {
        #expect(NumberFormat.plain(.nan) == "")
        #expect(NumberFormat.plain(.infinity) == "")
    }

    @Test func csvQuotesOnlyWhereNeeded() {
        let text = CSVExport.render([["a", "b,c", "say \"hi\"", "two\nlines", "中国银行"]])
        #expect(text == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",中国银行\n")
    }

    @Test func csvTablesHoldTheResultsNumbers() throws {
        let results = try Fixtures.results
        let byBank = CSVExport.byBank(results)
        #expect(byBank.hasPrefix("bank,name,quantity,statistic,value\n"))
        #expect(byBank.contains("ccb-hebei,\"中国建设银行 <Hebei> & \"\"Co\"\"\",claims,mean,35137641.36457989\n"))
        let summary = CSVExport.summary(results)
        #expect(summary.contains("p_exhaustion_year_2,ci_high,0.07403593810612755\n"))
        #expect(summary.contains("claims_var,0.995,297652732.13824856\n"))
    }

    @Test func terminalSummaryLeadsWithExhaustion() throws {
        let text = SummaryReport.render(try Fixtures.results, language: .en)
        #expect(text.hasPrefix("hebei-2022: 3,000 trials, seed 20220126\n\n"
            + "P(pool exhausted within the horizon): 76.50% (95% CI 74.95%–77.98%)\n"))
        #expect(text.contains("claims VaR 99%: 281,580,695   ES 99%: 307,636,328\n"))
        #expect(text.contains("Initial balance needed for a ruin probability of: 5.0% → 235.0 M, 1.0% → 281.6 M\n"))
    }

    // MARK: Chinese terminal tables

    @Test func displayWidthCountsWideCharactersTwice() {
        #expect(TextTable.displayWidth("claims") == 6)
        #expect(TextTable.displayWidth("资金池") == 6)
        #expect(TextTable.displayWidth("（万元）：") == 10)
        #expect(TextTable.displayWidth("Δ (95% CI) ±–→") == 14, "narrow symbols stay one column")
        #expect(TextTable.displayWidth("") == 0)
    }

    /// Each line of a rendered table (title aside) ends in the same terminal column.
    static func linesUp(_ table: String) -> Bool {
        let lines = table.split(separator: "\n").dropFirst().map(String.init)
        return Set(lines.map(TextTable.displayWidth)).count == 1
    }

    @Test func tableAlignsByDisplayWidth() {
        var table = TextTable(title: "分银行（万元）", header: ["银行", "补偿申请额", "Δ"])
        table.add(["ccb-hebei", "3,513.76", "+1.00"])
        table.add(["中国银行", "12.00", "0"])
        let text = table.rendered()
        #expect(Self.linesUp(text))
        #expect(text == """
            分银行（万元）
            银行       补偿申请额      Δ
            ---------  ----------  -----
            ccb-hebei    3,513.76  +1.00
            中国银行        12.00      0

            """)
    }

    /// Identifiers a Chinese table may show: the fixture's scenario and bank ids.
    static let identifiers: Set<String> = ["hebei", "ccb", "huaxia", "sjz"]

    @Test func chineseSummaryIsChineseAndLinesUp() throws {
        let text = SummaryReport.render(try Fixtures.results, language: .zh)
        #expect(text.hasPrefix("hebei-2022：模拟 3,000 次，随机种子 20220126\n\n"
            + "测算期内资金池耗尽概率：76.50%（95% 置信区间 74.95%–77.98%）\n"))
        for expected in ["测算期内合计（万元）", "补偿申请额", "资金池实际补偿", "未获补偿（由银行承担）", "违约笔数", "期末余额",
                         "均值", "中位数", "第 95 百分位数", "分年度（均值，万元）", "期初余额", "分银行（测算期内均值，万元）",
                         "尾部贡献（VaR 99%）", "补偿申请额 VaR 99%：28,158.07 万元；ES 99%：30,763.63 万元\n",
                         "14,677.83", "各目标耗尽概率对应的所需资金池规模：5.0% → 2.35 亿元，1.0% → 2.82 亿元\n"] {
            #expect(text.contains(expected), "zh summary lacks \(expected)")
        }
        #expect(XLSXTests.englishWords(text, allowed: Self.identifiers).isEmpty, "\(XLSXTests.englishWords(text))")
        for block in text.components(separatedBy: "\n\n") where block.contains("----") {
            let table = block.split(separator: "\n").filter { !$0.contains("：") }.joined(separator: "\n")
            #expect(Self.linesUp(table), "\(table)")
        }
    }

    static var sizeResults: SizeResults {
        get throws {
            let estimates = try JSONValueDecoder().decode([SizeEstimate].self, from: JSONValue(parsing: """
                [{"ruin_probability": 0.05, "initial_balance": 234359110.74647558, "ci_low": 229071924.7498915,
                  "ci_high": 241577450.74102452, "method": "required-pool-quantile", "trials": 2000}]
                """))
            return SizeResults(run: try Fixtures.results, estimates: estimates)
        }
    }

    @Test func chineseAnalysisTablesAreChineseAndLineUp() throws {
        let results = try Fixtures.results
        let summary = results.statistics.summary
        let headline = HeadlineValues(summary)
        let compare = CompareResults(
            columns: [.init(label: "hebei-2022", results: results), .init(label: "hebei-2022 + severe-downturn", results: results)],
            deltas: [.init(run: "hebei-2022 + severe-downturn", versus: "hebei-2022", differences: HeadlineStatistic.allCases.map {
                $0 == .claimsVaR99 ? PairedDifference(difference: 4e8, ciLow: nil, ciHigh: nil)
                    : PairedDifference(difference: 0.25, ciLow: 0.2, ciHigh: 0.3)
            })])
        let sweep = SweepResults(scenarioName: "hebei-2022", axes: [.init(path: "pool.initial_balance", values: ["80000000"])],
                                 trials: 10, seed: 1, points: [
                                     .init(settings: [SweepSetting(path: "pool.initial_balance", text: "80000000")],
                                           headline: headline, summary: summary),
                                 ])
        let sensitivity = SensitivityResults(scenarioName: "hebei-2022", trials: 10, seed: 1, base: headline, parameters: [
            .init(name: "pd", lowSetting: "0.5", highSetting: "1.5", low: headline, high: headline),
        ])
        let tables = [
            ("size", AnalysisExport.sizeTable(try Self.sizeResults, language: .zh)),
            ("compare", AnalysisExport.compareTable(compare, language: .zh)),
            ("sweep", AnalysisExport.sweepTable(sweep, language: .zh)),
            ("sensitivity", AnalysisExport.sensitivityTable(sensitivity, language: .zh)),
        ]
        for (name, text) in tables {
            let allowed = Self.identifiers.union(["severe", "downturn", "pool", "initial", "balance", "pd"])
            #expect(XLSXTests.englishWords(text, allowed: allowed).isEmpty, "\(name): \(XLSXTests.englishWords(text, allowed: allowed))")
            #expect(text.contains("万元"), "\(name) states no unit")
            let lines = text.split(separator: "\n")
            let table = lines[1..<lines.count - (name == "sweep" ? 0 : 1)].joined(separator: "\n")
            #expect(Self.linesUp("title\n" + table), "\(name):\n\(table)")
        }
        #expect(tables[0].1.contains("23,435.91") && tables[0].1.contains("所需资金池规模分位数法"))
        #expect(tables[1].1.contains("补偿申请额均值（万元）") && tables[1].1.contains("+40,000.00"))
        #expect(tables[3].1.hasSuffix("因此未考虑各项假设之间的交互影响。\n"))
    }

    @Test func chineseReplayTable() {
        let scenario = Scenario(name: "example-tape", horizonYears: 2, pool: PoolSettings(initialBalance: 10_000_000),
                                banks: [Bank(id: "ccb-hebei", name: "中国建设银行")])
        var outcome = TrialOutcome(horizonYears: 2, bankCount: 1)
        outcome.years[0].openingBalance = 10_000_000
        outcome.years[0].claims = 1_332_000
        outcome.years[0].newClaims = 1_332_000
        outcome.years[0].paid = 1_332_000
        outcome.years[0].closingBalance = 8_668_000
        outcome.years[1].exhausted = true
        outcome.bankYears[0].claims = 1_332_000
        outcome.exhaustionYear = 2
        let text = AnalysisExport.replayTable(outcome, scenario: scenario, language: .zh)
        #expect(text.hasPrefix("example-tape：资金池逐年情况（万元）\n年度  期初余额"))
        for expected in ["已耗尽", "正常", "各合作银行逐年情况（万元）", "不良率", "补偿申请额 133.20 万元", "资金池于第 2 年耗尽\n",
                         "所需资金池规模：不适用（补偿覆盖范围取决于资金池余额）\n"] {
            #expect(text.contains(expected), "zh replay lacks \(expected)")
        }
        #expect(XLSXTests.englishWords(text, allowed: ["example", "tape", "ccb", "hebei"]).isEmpty)
        for block in text.components(separatedBy: "\n\n").prefix(2) {
            #expect(Self.linesUp(block), "\(block)")
        }
    }
}
