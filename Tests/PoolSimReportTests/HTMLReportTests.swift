import Foundation
import PoolSimCore
import PoolSimText
import Testing
@testable import PoolSimReport

struct HTMLReportTests {
    static let chartNames = ["claims-distribution", "balance-fan", "exhaustion-by-year", "bank-claims", "pool-size"]

    @Test func hasTheFiveChartsEachWithATitle() throws {
        let html = HTMLReport.render(try Fixtures.results, language: .en)
        for name in Self.chartNames {
            let tag = try #require(html.range(of: "<svg class=\"chart\" data-chart=\"\(name)\""), "missing chart \(name)")
            let rest = html[tag.upperBound...]
            let end = try #require(rest.range(of: "</svg>"))
            let svg = rest[..<end.lowerBound]
            #expect(svg.contains("<title"), "chart \(name) has no title")
            #expect(svg.contains("million yuan") || svg.contains("%"), "chart \(name) has no units")
        }
    }

    @Test func fetchesNothingFromTheNetwork() throws {
        let html = HTMLReport.render(try Fixtures.results, language: .en)
        let withoutNamespaces = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespaces.contains("http://"))
        #expect(!withoutNamespaces.contains("https://"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
    }

    @Test func headlineComesFirstWithTheNumbers() throws {
        let html = HTMLReport.render(try Fixtures.results, language: .en)
        let headline = try #require(html.range(of: "id=\"headline\""))
        let charts = try #require(html.range(of: "id=\"charts\""))
        let tables = try #require(html.range(of: "id=\"tables\""))
        let scenario = try #require(html.range(of: "id=\"scenario\""))
        let methods = try #require(html.range(of: "id=\"methods\""))
        #expect(headline.lowerBound < charts.lowerBound && charts.lowerBound < tables.lowerBound)
        #expect(tables.lowerBound < scenario.lowerBound && scenario.lowerBound < methods.lowerBound)
        #expect(html.contains("76.50%"))
        #expect(html.contains("74.95% to 77.98%"))
        #expect(html.contains("235.0 / 281.6"))
        #expect(html.contains("@media print"))
    }

    @Test func escapesTextFromTheDocument() throws {
        let html = HTMLReport.render(try Fixtures.results, language: .en)
        #expect(html.contains("中国建设银行 &lt;Hebei&gt; &amp; &quot;Co&quot;"))
        #expect(!html.contains("<Hebei>"))
    }

    @Test func saysWhenThePoolSizeIsNotAvailable() throws {
        var text = Fixtures.text
        text = text.replacingOccurrences(of: "\"available\": true", with: "\"available\": false")
        let html = HTMLReport.render(try RunResults(json: text), language: .en)
        #expect(html.contains("not available"))
        #expect(html.contains("leverage cap or a pool floor"))
        for name in Self.chartNames { #expect(html.contains("data-chart=\"\(name)\"")) }
    }

    @Test func survivesAlmostEmptyResults() throws {
        let html = HTMLReport.render(try Self.almostEmpty(), language: .en)
        for name in Self.chartNames { #expect(html.contains("data-chart=\"\(name)\"")) }
        #expect(!html.contains(">nan") && !html.contains(" nan") && !html.contains("\"nan"))
    }

    /// The fixture with no years, banks, scenario or pool sizes, and every number unknown.
    static func almostEmpty() throws -> RunResults {
        var results = try Fixtures.results
        let unknown = Stat(mean: .nan, sd: .nan, mcse: .nan, min: .nan, max: .nan,
                           percentiles: Percentile.allCases.map { _ in .nan })
        results.statistics.summary = RunSummary(
            pExhaustion: ProbabilityEstimate(estimate: .nan, low: .nan, high: .nan), pExhaustionByYear: [],
            totals: TotalQuantity.allCases.map { _ in unknown },
            claimsVaR: TailLevel.allCases.map { _ in .nan }, claimsES: TailLevel.allCases.map { _ in .nan })
        results.statistics.byYear = []
        results.statistics.byBank = []
        results.statistics.poolSize.available = false
        results.statistics.poolSize.required = []
        results.statistics.poolSize.curve = []
        results.scenario = nil
        return results
    }

    @Test func sameResultsSameBytes() throws {
        #expect(HTMLReport.render(try Fixtures.results, language: .en) == HTMLReport.render(try Fixtures.results, language: .en))
    }

    // MARK: Chinese

    @Test func chineseReportIsMarkedChineseAndUsesTheGlossary() throws {
        let html = HTMLReport.render(try Fixtures.results, language: .zh)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        let visible = Self.visibleText(html)
        for term in ["耗尽概率", "补偿申请额", "资金池", "合作银行", "蒙特卡洛标准误", "风险价值（VaR）", "预期短缺（ES）"] {
            #expect(visible.contains(term), "missing \(term)")
        }
        #expect(html.contains("<title>资金池风险报告：hebei-2022</title>"))
    }

    @Test func chineseReportStatesMoneyInWanAndYi() throws {
        let html = HTMLReport.render(try Fixtures.results, language: .zh)
        // Tables in 万元, the unit in the header: 146,778,264.72 yuan of claims is 14,677.83 万元.
        #expect(html.contains("<h3>2 年内合计（万元）</h3>"))
        #expect(html.contains("<td class=\"num\">14,677.83</td>"))
        #expect(!html.contains("146,778,265"))
        // Text, cards and charts in 亿元 from 1亿 up: the mean claims and the axis.
        #expect(html.contains("<div class=\"value\">1.47 亿元</div>"))
        #expect(html.contains("模拟期内补偿申请总额（亿元）"))
        // Below 1亿 in 万元: the mean claims of a bank, 35,137,641 yuan.
        #expect(html.contains("3,513.8 万元（未获补偿 29%）"))
        #expect(html.contains("2.35 / 2.82"))
    }

    @Test func chineseReportHasNoEnglishWords() throws {
        var interrupted = try Fixtures.results
        interrupted.metadata.stopReason = .interrupted
        interrupted.metadata.trialsRequested = 5000
        interrupted.metadata.stress = "severe-downturn"
        interrupted.scenario?.copula = .t
        var notAvailable = try RunResults(json: Fixtures.text.replacingOccurrences(of: "\"available\": true",
                                                                                  with: "\"available\": false"))
        notAvailable.scenario?.copula = .creditriskplus
        var gaussian = try Fixtures.results
        gaussian.scenario?.copula = .gaussian
        for results in [try Fixtures.results, interrupted, notAvailable, gaussian, try Self.almostEmpty()] {
            let html = HTMLReport.render(results, language: .zh)
            let english = Self.englishWords(Self.visibleText(html), allowed: Self.dataWords(results))
            #expect(english.isEmpty, "English in the Chinese report: \(english.sorted())")
        }
    }

    @Test func chineseWarningsAndReasonsAreChinese() throws {
        var results = try Fixtures.results
        results.metadata.stopReason = .interrupted
        results.metadata.trialsRequested = 5000
        results.metadata.stress = "severe-downturn"
        let html = HTMLReport.render(results, language: .zh)
        #expect(html.contains("<b>本次运行已中断。</b>以下结果仅基于已完成的 3,000 次模拟（原计划 5,000 次）。"))
        #expect(html.contains("已施加压力情景：<b>severe-downturn</b>。"))
        let text = Fixtures.text.replacingOccurrences(of: "\"available\": true", with: "\"available\": false")
        let unavailable = HTMLReport.render(try RunResults(json: text), language: .zh)
        #expect(unavailable.contains("放大倍数上限或余额下限"))
        #expect(unavailable.contains("<div class=\"value\">无法给出</div>"))
    }

    @Test func chineseMessagesWrapBetweenCharacters() {
        var plot = SVGPlot(kind: "test", title: "标题", height: 120, xDomain: (0, 1), yDomain: (0, 1))
        plot.message(String(repeating: "资金池规模无法给出，", count: 8))
        let lines = plot.body.components(separatedBy: "<text class=\"message\"").count - 1
        #expect(lines == 2)
        #expect(!plot.body.contains(">，"), "a line starts with a comma")
        // English still breaks at spaces only.
        #expect(SVGPlot.breakableParts("Not available: the run").map(\.part) == ["Not", "available:", "the", "run"])
        #expect(SVGPlot.breakableParts("规模（万元）").map(\.part) == ["规", "模", "（万", "元）"])
    }

    /// The text a reader sees: without styles, scripts, tags, code (identifiers)
    /// and passages marked as English (a cited title), entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = html
        for pattern in ["<style[^>]*>[\\s\\S]*?</style>", "<script[^>]*>[\\s\\S]*?</script>",
                        "<code>[\\s\\S]*?</code>", "<span lang=\"en\">[\\s\\S]*?</span>", "<!doctype[^>]*>", "<[^>]+>"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// Words of two or more Latin letters in `text` that are neither in
    /// `allowed` nor shared abbreviations and names; option names (`--set`)
    /// and file names (`results.json`) are identifiers.
    static func englishWords(_ text: String, allowed: Set<String>) -> Set<String> {
        let shared: Set<String> = ["VaR", "ES", "PD", "LGD", "GSL", "SHA", "MPI", "PoolSim", "numpy", "CreditRisk"]
        let identifiers = text.replacingOccurrences(of: "--[a-z][a-z-]*|[A-Za-z_-]+\\.json", with: " ",
                                                    options: .regularExpression)
        let words = identifiers.matches(of: /[A-Za-z]{2,}/).map { String($0.output) }
        return Set(words).subtracting(shared).subtracting(allowed)
    }

    /// The words of the run's own data: names, ids, descriptions, metadata
    /// values and the resolved scenario's keys and values.
    static func dataWords(_ results: RunResults) -> Set<String> {
        var data = [results.metadata.scenarioName, results.metadata.stress ?? ""] + results.metadata.overrides
        data += results.statistics.byBank.flatMap { [$0.id, $0.name] }
        data += XLSXExport.fields(of: results.metadata).map { CSVExport.cell($0.1) }
        if let scenario = results.scenario {
            data.append(scenario.description ?? "")
            data += XLSXExport.flatten(scenario.document, path: "").flatMap { [$0.0, CSVExport.cell($0.1)] }
        }
        return Set(data.flatMap { $0.matches(of: /[A-Za-z]{2,}/).map { String($0.output) } })
    }
}
