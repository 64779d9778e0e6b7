import Foundation
import PoolSimCore
import Testing
@testable import PoolSimReport

struct HTMLReportTests {
    static let chartNames = ["claims-distribution", "balance-fan", "exhaustion-by-year", "bank-claims", "pool-size"]

    @Test func hasTheFiveChartsEachWithATitle() throws {
        let html = HTMLReport.render(try Fixtures.results)
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
        let html = HTMLReport.render(try Fixtures.results)
        let withoutNamespaces = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespaces.contains("http://"))
        #expect(!withoutNamespaces.contains("https://"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
    }

    @Test func headlineComesFirstWithTheNumbers() throws {
        let html = HTMLReport.render(try Fixtures.results)
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
        let html = HTMLReport.render(try Fixtures.results)
        #expect(html.contains("中国建设银行 &lt;Hebei&gt; &amp; &quot;Co&quot;"))
        #expect(!html.contains("<Hebei>"))
    }

    @Test func saysWhenThePoolSizeIsNotAvailable() throws {
        var text = Fixtures.text
        text = text.replacingOccurrences(of: "\"available\": true", with: "\"available\": false")
        let html = HTMLReport.render(try RunResults(json: text))
        #expect(html.contains("not available"))
        #expect(html.contains("leverage cap or a pool floor"))
        for name in Self.chartNames { #expect(html.contains("data-chart=\"\(name)\"")) }
    }

    @Test func survivesAlmostEmptyResults() throws {
        let html = HTMLReport.render(try Self.almostEmpty())
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
        #expect(HTMLReport.render(try Fixtures.results) == HTMLReport.render(try Fixtures.results))
    }
}
