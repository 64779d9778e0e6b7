import Foundation
import PoolSimCore
import PoolSimText
import Testing
@testable import PoolSimReport

/// The analysis reports (compare, sweep, sensitivity), from small results built by hand.
struct AnalysisReportTests {
    static let awkward = "A <b>bold</b> & \"quoted\" 河北"
    static let awkwardEscaped = "A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; 河北"

    // MARK: Building results

    /// A run: the fixture's, renamed, with its claims scaled and its exhaustion probability set.
    static func run(name: String, stress: String?, scale: Double, p: Double) throws -> RunResults {
        var results = try Fixtures.results
        results.metadata.scenarioName = name
        results.metadata.stress = stress
        let claims = results.statistics.summary.total(.claims)
        results.statistics.summary.totals[TotalQuantity.claims.rawValue] = Stat(
            mean: claims.mean * scale, sd: claims.sd * scale, mcse: claims.mcse, min: claims.min * scale,
            max: claims.max * scale, percentiles: claims.percentiles.map { $0 * scale })
        results.statistics.summary.pExhaustion = ProbabilityEstimate(estimate: p, low: p - 0.02, high: p + 0.02)
        return results
    }

    static func comparison(labels: [String] = ["hebei-2022", "hebei-2022 + severe-downturn"]) throws -> CompareResults {
        let differences = HeadlineStatistic.allCases.map { statistic in
            switch statistic {
            case .pExhaustion: PairedDifference(difference: 0.2545, ciLow: 0.2354054, ciHigh: 0.2735945)
            case .claimsVaR99, .claimsES99: PairedDifference(difference: 451_422_351.1, ciLow: nil, ciHigh: nil)
            default: PairedDifference(difference: 1_000_000, ciLow: 900_000, ciHigh: 1_100_000)
            }
        }
        let runs = [try run(name: "hebei-2022", stress: nil, scale: 1, p: 0.7395),
                    try run(name: "hebei-2022", stress: "severe-downturn", scale: 2.5, p: 0.994)]
        return CompareResults(columns: zip(labels, runs).map { CompareResults.Column(label: $0, results: $1) },
                              deltas: [CompareResults.Delta(run: labels[1], versus: labels[0], differences: differences)])
    }

    /// The fixture's summary with the exhaustion probability and mean unpaid claims set.
    static func summary(p: Double, unpaid: Double) throws -> RunSummary {
        var summary = try Fixtures.results.statistics.summary
        summary.pExhaustion = ProbabilityEstimate(estimate: p, low: max(0, p - 0.02), high: min(1, p + 0.02))
        summary.totals[TotalQuantity.unpaid.rawValue].mean = unpaid
        summary.totals[TotalQuantity.unpaid.rawValue].mcse = unpaid / 50
        return summary
    }

    /// Every combination of the axes' values, the first axis outermost, less likely to run dry point by point.
    static func sweep(_ axes: [(path: String, values: [String])]) throws -> SweepResults {
        var grid: [[SweepSetting]] = [[]]
        for axis in axes {
            grid = grid.flatMap { prefix in axis.values.map { prefix + [SweepSetting(path: axis.path, text: $0)] } }
        }
        let points = try grid.enumerated().map { i, settings in
            let p = max(0, 0.9 - 0.2 * Double(i))
            let summary = try summary(p: p, unpaid: 5e7 * p)
            return SweepResults.Point(settings: settings, headline: HeadlineValues(summary), summary: summary)
        }
        return SweepResults(scenarioName: "hebei-2022", axes: axes.map { SweepResults.Axis(path: $0.path, values: $0.values) },
                            trials: 1000, seed: 7, points: points)
    }

    static func headline(p: Double, var99: Double) throws -> HeadlineValues {
        var summary = try Fixtures.results.statistics.summary
        summary.pExhaustion.estimate = p
        summary.claimsVaR[TailLevel.p99.rawValue] = var99
        return HeadlineValues(summary)
    }

    static func sensitivity() throws -> SensitivityResults {
        func parameter(_ name: String, _ low: String, _ high: String, p: (Double, Double),
                       v: (Double, Double)) throws -> SensitivityResults.Swing {
            SensitivityResults.Swing(name: name, lowSetting: low, highSetting: high,
                                     low: try headline(p: p.0, var99: v.0), high: try headline(p: p.1, var99: v.1))
        }
        var results = SensitivityResults(scenarioName: "hebei-2022", trials: 1000, seed: 20220126,
                                         base: try headline(p: 0.742, var99: 287.6e6), parameters: [
            try parameter("PD", "0.5", "1.5", p: (0.094, 0.971), v: (156.8e6, 399.6e6)),
            try parameter("pool size", "0.8", "1.2", p: (0.899, 0.56), v: (287.6e6, 287.6e6)),
            try parameter(awkward, "1", "2", p: (0.7, 0.8), v: (100e6, 500e6)),
        ])
        results.caveat = "One-at-a-time swings <ignore> interactions & more."
        return results
    }

    // MARK: Checks

    /// The SVG of chart `name`, which must be there with a title.
    static func chart(_ name: String, in html: String) throws -> Substring {
        let tag = try #require(html.range(of: "<svg class=\"chart\" data-chart=\"\(name)\""), "missing chart \(name)")
        let rest = html[tag.upperBound...]
        let end = try #require(rest.range(of: "</svg>"))
        let svg = rest[..<end.lowerBound]
        #expect(svg.contains("<title"), "chart \(name) has no title")
        return svg
    }

    static func isSelfContained(_ html: String) {
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("url("))
        #expect(html.contains("@media print"))
        #expect(!html.contains(">nan") && !html.contains(" nan") && !html.contains("\"nan") && !html.contains("inf<"))
    }

    @Test func compareDrawsTheThreeChartsAndThePairedDifferences() throws {
        let html = AnalysisReport.compare(try Self.comparison(), language: .en)
        for name in ["compare-claims", "compare-balance", "compare-exhaustion"] {
            let svg = try Self.chart(name, in: html)
            #expect(svg.contains("line-1") || svg.contains("dot-1"), "chart \(name) does not draw the second run")
        }
        let balance = try Self.chart("compare-balance", in: html)
        #expect(balance.contains("band-0") && balance.contains("band-1"))
        #expect(html.contains("+25.45 pp [23.54, 27.36]"))
        #expect(html.contains("+451,422,351<"), "a quantile statistic's difference has no interval")
        #expect(html.contains("Common random numbers"))
        #expect(html.contains("paired"))
        Self.isSelfContained(html)
    }

    @Test func compareEscapesLabelsAndReadsThemBackFromTheJSON() throws {
        let escaped = AnalysisReport.compare(try Self.comparison(labels: [Self.awkward, "second"]), language: .en)
        #expect(escaped.contains(Self.awkwardEscaped))
        #expect(!escaped.contains("<b>bold</b>"))
        // analysis.json holds no labels of its own: they come back from the deltas.
        let comparison = try Self.comparison()
        let decoded = try JSONValueDecoder().decode(CompareResults.self, from: try JSONValueEncoder().encode(comparison))
        let html = AnalysisReport.compare(decoded, language: .en)
        #expect(html.contains("hebei-2022 + severe-downturn"))
        #expect(html == AnalysisReport.compare(comparison, language: .en))
    }

    @Test func sweepOfOneKeyDrawsLineCharts() throws {
        let html = AnalysisReport.sweep(try Self.sweep([("pool.initial_balance", ["80000000", "110000000", "150000000"])]), language: .en)
        let exhaustion = try Self.chart("sweep-exhaustion", in: html)
        #expect(exhaustion.contains("class=\"whisker\""))
        #expect(exhaustion.contains(">80 M<"))
        _ = try Self.chart("sweep-unpaid", in: html)
        #expect(!html.contains("heatmap"))
        #expect(html.contains("<td>110,000,000</td>"))
        Self.isSelfContained(html)
    }

    @Test func sweepOfTwoKeysDrawsHeatMaps() throws {
        let html = AnalysisReport.sweep(try Self.sweep([("pool.initial_balance", ["1000000", "2000000", "3000000"]),
                                                        ("rules.shortfall", ["pro_rata", Self.awkward])]), language: .en)
        for name in ["sweep-exhaustion-heatmap", "sweep-unpaid-heatmap"] {
            let svg = try Self.chart(name, in: html)
            #expect(svg.components(separatedBy: "class=\"cell\" fill=\"#").count - 1 == 6 + 5, "six cells and five legend steps")
            #expect(svg.contains("pool.initial_balance") && svg.contains("rules.shortfall"))
        }
        #expect(html.contains(">90.0%<"), "the value is printed in its cell")
        #expect(html.contains(Self.awkwardEscaped))
        #expect(!html.contains("<b>bold</b>"))
        #expect(!html.contains("data-chart=\"sweep-exhaustion\""))
        Self.isSelfContained(html)
    }

    @Test func sensitivityDrawsTornadosInOrderOfSwingWithTheCaveat() throws {
        let html = AnalysisReport.sensitivity(try Self.sensitivity(), language: .en)
        let exhaustion = try Self.chart("sensitivity-exhaustion", in: html)
        let var99 = try Self.chart("sensitivity-var", in: html)
        #expect(exhaustion.contains("low-setting") && exhaustion.contains("high-setting") && exhaustion.contains("base-line"))
        // Ordered by the swing of each statistic: PD first for exhaustion, the awkward key first for VaR.
        let pd = try #require(exhaustion.range(of: ">PD<")), pool = try #require(exhaustion.range(of: ">pool size<"))
        #expect(pd.lowerBound < pool.lowerBound)
        let key = try #require(var99.range(of: Self.awkwardEscaped)), pdVaR = try #require(var99.range(of: ">PD<"))
        #expect(key.lowerBound < pdVaR.lowerBound)
        #expect(var99.contains("no change"))
        #expect(exhaustion.contains("low ×0.5, high ×1.5"))
        #expect(html.contains("class=\"caveat\""))
        #expect(html.contains("One-at-a-time swings &lt;ignore&gt; interactions &amp; more."))
        let caveat = try #require(html.range(of: "class=\"caveat\"")), charts = try #require(html.range(of: "id=\"charts\""))
        #expect(caveat.lowerBound < charts.lowerBound, "the caveat comes before the charts")
        Self.isSelfContained(html)
    }

    @Test func survivesAlmostEmptyResults() throws {
        let compare = AnalysisReport.compare(CompareResults(columns: [], deltas: []), language: .en)
        for name in ["compare-claims", "compare-balance", "compare-exhaustion"] { #expect(compare.contains("data-chart=\"\(name)\"")) }
        let oneAxis = [SweepResults.Axis(path: "x", values: ["1", "2"])]
        let sweep = AnalysisReport.sweep(SweepResults(scenarioName: "", axes: oneAxis, trials: 0, seed: 0, points: []), language: .en)
        for name in ["sweep-exhaustion", "sweep-unpaid"] { #expect(sweep.contains("data-chart=\"\(name)\"")) }
        let noAxes = AnalysisReport.sweep(SweepResults(scenarioName: "", axes: [], trials: 0, seed: 0, points: []), language: .en)
        let unknown = try Self.headline(p: .nan, var99: .nan)
        let sensitivity = AnalysisReport.sensitivity(SensitivityResults(scenarioName: "", trials: 0, seed: 0,
                                                                        base: unknown, parameters: []), language: .en)
        for name in ["sensitivity-exhaustion", "sensitivity-var"] { #expect(sensitivity.contains("data-chart=\"\(name)\"")) }
        #expect(sensitivity.contains("interactions"))
        for html in [compare, sweep, sensitivity, noAxes] { Self.isSelfContained(html) }
    }

    @Test func sharesThePageWithTheSingleRunReport() throws {
        let single = HTMLReport.render(try Fixtures.results, language: .en)
        let sweep = AnalysisReport.sweep(try Self.sweep([("x", ["1", "2"])]), language: .en)
        #expect(single.contains(ReportPage.stylesheet) && sweep.contains(ReportPage.stylesheet))
        #expect(AnalysisReport.sensitivity(try Self.sensitivity(), language: .en) == AnalysisReport.sensitivity(try Self.sensitivity(), language: .en))
    }

    // MARK: Chinese

    /// What a reader sees of a page: no styles, scripts or tags, entities decoded (chart tooltips included).
    static func visibleText(_ html: String) throws -> String {
        var text = html
        for pattern in ["(?s)<style>.*?</style>", "(?s)<script.*?</script>", "<[^>]*>"] {
            text = text.replacing(try Regex(pattern), with: " ")
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// The English words left in a page's visible text once `data` (labels, keys, values,
    /// file names from the results) is taken out; the shared abbreviations are allowed.
    static func englishWords(_ html: String, data: [String]) throws -> Set<String> {
        var text = try visibleText(html)
        for item in data.sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: item, with: " ") }
        let words = text.matches(of: try Regex("[A-Za-z]{2,}")).map { String(text[$0.range]) }
        return Set(words).subtracting(["VaR", "ES", "PD", "LGD"])
    }

    /// What every page takes from the fixture's results: scenario and stress names, overrides, the awkward label.
    static let fixtureData = ["hebei-2022", "severe-downturn", "pool.initial_balance=110000000", Self.awkward, "--set"]

    @Test func compareInChinese() throws {
        let html = AnalysisReport.compare(try Self.comparison(), language: .zh)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        for term in ["情景对比", "耗尽概率", "资金池初始规模（万元）", "补偿申请额均值（万元）", "个百分点", "共同随机数", "置信区间"] {
            #expect(html.contains(term), "missing \(term)")
        }
        #expect(html.contains("+25.45 个百分点 [23.54, 27.36]"))
        #expect(html.contains("<td class=\"num\">11,000.00</td>"), "the starting balance in 万元")
        #expect(html.contains("+45,142.24<"), "a quantile statistic's difference in 万元, without interval")
        let claims = try Self.chart("compare-claims", in: html)
        #expect(claims.contains("模拟期限内补偿申请总额（亿元）"))
        #expect(claims.contains("资金池初始规模：1.10 亿元"))
        let words = try Self.englishWords(html, data: Self.fixtureData)
        #expect(words.isEmpty, "English words in the Chinese page: \(words.sorted())")
        #expect(html.contains("data-chart=\"compare-exhaustion\""))
        Self.isSelfContained(html)
        // The same results in English stay as they were.
        #expect(AnalysisReport.compare(try Self.comparison(), language: .en).contains("<html lang=\"en\">"))
    }

    @Test func sweepInChinese() throws {
        let one = AnalysisReport.sweep(try Self.sweep([("pool.initial_balance", ["80000000", "110000000", "150000000"])]),
                                       language: .zh)
        let two = AnalysisReport.sweep(try Self.sweep([("pool.initial_balance", ["1000000", "2000000", "3000000"]),
                                                       ("rules.shortfall", ["pro_rata", Self.awkward])]), language: .zh)
        for html in [one, two] {
            #expect(html.contains("<html lang=\"zh-CN\">"))
            for term in ["参数扫描", "耗尽概率", "未获补偿均值", "补偿申请额 VaR 99%（万元）"] { #expect(html.contains(term), "missing \(term)") }
            let data = Self.fixtureData + ["pool.initial_balance", "rules.shortfall", "pro_rata", "sweep.csv"]
            let words = try Self.englishWords(html, data: data)
            #expect(words.isEmpty, "English words in the Chinese page: \(words.sorted())")
            Self.isSelfContained(html)
        }
        let exhaustion = try Self.chart("sweep-exhaustion", in: one)
        #expect(exhaustion.contains(">8,000 万<") && exhaustion.contains(">1.5 亿<"), "swept amounts in 万 and 亿")
        #expect(one.contains("<td>110,000,000</td>"), "swept values as given")
        let unpaid = try Self.chart("sweep-unpaid", in: one)
        #expect(unpaid.contains("未获补偿均值（万元）"))
        let heatMap = try Self.chart("sweep-unpaid-heatmap", in: two)
        #expect(heatMap.contains("万元<"), "the legend states the unit")
        #expect(two.contains("<b>模拟期限内未获补偿均值</b>（万元）"))
        #expect(two.contains(">100 万<"), "swept amounts in 万")
    }

    @Test func sensitivityInChinese() throws {
        let html = AnalysisReport.sensitivity(try Self.sensitivity(), language: .zh)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        for term in ["敏感性分析", "耗尽概率", "违约概率（PD）", "资金池初始规模", "个百分点", "VaR 99%（低值，万元）"] {
            #expect(html.contains(term), "missing \(term)")
        }
        // The caveat in Chinese from the catalogue; analysis.json's English one is not shown.
        #expect(html.contains(AnalysisReportText.oneAtATimeCaveat.text(.zh)))
        #expect(!html.contains("&lt;ignore&gt;"))
        let exhaustion = try Self.chart("sensitivity-exhaustion", in: html)
        let pd = try #require(exhaustion.range(of: ">违约概率（PD）<")), pool = try #require(exhaustion.range(of: ">资金池初始规模<"))
        #expect(pd.lowerBound < pool.lowerBound)
        #expect(exhaustion.contains("低值 ×0.5，高值 ×1.5"))
        let var99 = try Self.chart("sensitivity-var", in: html)
        #expect(var99.contains("补偿申请额 VaR 99%（亿元）") && var99.contains("无变化（2.88 亿元）"))
        #expect(html.contains("<td class=\"num\">28,760.00</td>"), "the base VaR in 万元")
        // The awkward key is cut short by its bar.
        let words = try Self.englishWords(html, data: Self.fixtureData + [AnalysisReport.shortened(Self.awkward, 26), "sensitivity.csv"])
        #expect(words.isEmpty, "English words in the Chinese page: \(words.sorted())")
        Self.isSelfContained(html)
        let unknown = try Self.headline(p: .nan, var99: .nan)
        let empty = AnalysisReport.sensitivity(SensitivityResults(scenarioName: "", trials: 0, seed: 0, base: unknown, parameters: []),
                                               language: .zh)
        let emptyWords = try Self.englishWords(empty, data: ["sensitivity.csv"])
        #expect(emptyWords.isEmpty, "English words in the Chinese page: \(emptyWords.sorted())")
        Self.isSelfContained(empty)
    }

    @Test func chineseNamesTheBuiltInParametersAndKeepsScenarioKeys() throws {
        func swing(_ name: String, _ low: String, _ high: String) throws -> SensitivityResults.Swing {
            SensitivityResults.Swing(name: name, lowSetting: low, highSetting: high,
                                     low: try Self.headline(p: 0.5, var99: 2e8), high: try Self.headline(p: 0.9, var99: 3e8))
        }
        let results = SensitivityResults(scenarioName: "hebei-2022", trials: 10, seed: 1, base: try Self.headline(p: 0.7, var99: 2.5e8),
                                         parameters: [try swing("correlation", "0.5", "1.5"), try swing("lgd", "-0.1", "0.1"),
                                                      try swing("ratio", "0.8", "1.2"), try swing("pool", "0.8", "1.2"),
                                                      try swing("pool.initial_balance", "80000000", "150000000")])
        let html = AnalysisReport.sensitivity(results, language: .zh)
        for name in ["资产相关系数", "违约损失率（LGD）", "补偿比例", "资金池初始规模", "pool.initial_balance"] {
            #expect(html.contains("<td>\(name)</td>"), "missing \(name)")
        }
        #expect(html.contains("−0.1") && html.contains("+0.1") && html.contains("80,000,000"))
        #expect(html.contains(">低值 80,000,000，高值 150,000…<"), "a Chinese label is cut by its width, not its characters")
        let english = AnalysisReport.sensitivity(results, language: .en)
        #expect(english.contains("<td>correlation</td>") && english.contains("<td>pool</td>"), "English keeps the names as given")
    }
}
