import Foundation
import PoolSimCore
import Testing
@testable import PoolSimReport

/// The analysis reports (compare, sweep, sensitivity), from small JSON values built by hand.
struct AnalysisReportTests {
    static let awkward = "A <b>bold</b> & \"quoted\" 河北"
    static let awkwardEscaped = "A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; 河北"

    // MARK: Building JSON

    /// A results document: the fixture's, renamed, with its claims scaled and its exhaustion probability set.
    static func run(name: String, stress: String?, scale: Double, p: Double) throws -> JSONValue {
        var text = Fixtures.text
        text = text.replacingOccurrences(of: "\"scenario_name\": \"hebei-2022\"",
                                         with: "\"scenario_name\": \(JSONValue.string(name).rendered(indent: false))")
        text = text.replacingOccurrences(of: "\"stress\": null",
                                         with: "\"stress\": \(stress.map { JSONValue.string($0).rendered(indent: false) } ?? "null")")
        text = text.replacingOccurrences(of: "\"claims_total\": \(Fixtures.stat(146_778_264.72247687))",
                                         with: "\"claims_total\": \(Fixtures.stat(146_778_264.72247687 * scale))")
        text = text.replacingOccurrences(of: "\"estimate\": 0.765, \"ci_low\": 0.7494946988108554, \"ci_high\": 0.7798275113647218",
                                         with: "\"estimate\": \(p), \"ci_low\": \(p - 0.02), \"ci_high\": \(p + 0.02)")
        return try JSONValue(parsing: text)
    }

    static func delta(_ difference: Double, _ low: Double?, _ high: Double?) -> JSONValue {
        .object([("difference", .number(difference)), ("ci_low", low.map(JSONValue.number) ?? .null),
                 ("ci_high", high.map(JSONValue.number) ?? .null)])
    }

    static func comparison() throws -> JSONValue {
        let statistics: [(String, JSONValue)] = HeadlineStatistic.allCases.map { statistic in
            switch statistic {
            case .pExhaustion: (statistic.rawValue, delta(0.2545, 0.2354054, 0.2735945))
            case .claimsVaR99, .claimsES99: (statistic.rawValue, delta(451_422_351.1, nil, nil))
            default: (statistic.rawValue, delta(1_000_000, 900_000, 1_100_000))
            }
        }
        return .object([
            ("runs", .array([try run(name: "hebei-2022", stress: nil, scale: 1, p: 0.7395),
                             try run(name: "hebei-2022", stress: "severe-downturn", scale: 2.5, p: 0.994)])),
            ("deltas", .array([.object([("run", .string("hebei-2022 + severe-downturn")), ("versus", .string("hebei-2022")),
                                        ("statistics", .object(statistics))])])),
        ])
    }

    static func summary(p: Double, unpaid: Double) -> JSONValue {
        .object([
            ("p_exhaustion", .object([("estimate", .number(p)), ("ci_low", .number(max(0, p - 0.02))),
                                      ("ci_high", .number(min(1, p + 0.02)))])),
            ("claims_total", .object([("mean", .number(146e6)), ("mcse", .number(1e6))])),
            ("unpaid_total", .object([("mean", .number(unpaid)), ("mcse", .number(unpaid / 50))])),
            ("claims_var", .object([("0.99", .number(287e6))])),
            ("claims_es", .object([("0.99", .number(331e6))])),
        ])
    }

    static func sweep(_ axes: [(String, [JSONValue])]) -> JSONValue {
        var sets: [[(String, JSONValue)]] = [[]]
        for (path, values) in axes { sets = sets.flatMap { prefix in values.map { prefix + [(path, $0)] } } }
        return .object([
            ("axes", .array(axes.map { .object([("path", .string($0.0)), ("values", .array($0.1))]) })),
            ("trials", .int(1000)), ("seed", .int(7)),
            ("points", .array(sets.enumerated().map { i, set in
                let p = max(0, 0.9 - 0.2 * Double(i))
                return .object([("set", .object(set)), ("headline", .object([("p_exhaustion", .number(p))])),
                                ("summary", summary(p: p, unpaid: 5e7 * p))])
            })),
        ])
    }

    static func headline(p: Double, var99: Double) -> JSONValue {
        .object(HeadlineStatistic.allCases.map {
            ($0.rawValue, .number($0 == .pExhaustion ? p : $0 == .claimsVaR99 ? var99 : 1e8))
        })
    }

    static func sensitivity() -> JSONValue {
        func parameter(_ name: String, _ low: String, _ high: String, p: (Double, Double), v: (Double, Double)) -> JSONValue {
            .object([("name", .string(name)), ("low_setting", .string(low)), ("high_setting", .string(high)),
                     ("low", headline(p: p.0, var99: v.0)), ("high", headline(p: p.1, var99: v.1))])
        }
        return .object([
            ("trials", .int(1000)), ("seed", .int(20220126)),
            ("caveat", .string("One-at-a-time swings <ignore> interactions & more.")),
            ("base", headline(p: 0.742, var99: 287.6e6)),
            ("parameters", .array([
                parameter("PD", "0.5", "1.5", p: (0.094, 0.971), v: (156.8e6, 399.6e6)),
                parameter("pool size", "0.8", "1.2", p: (0.899, 0.56), v: (287.6e6, 287.6e6)),
                parameter(awkward, "1", "2", p: (0.7, 0.8), v: (100e6, 500e6)),
            ])),
        ])
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
        let html = AnalysisReport.compare(try Self.comparison(), labels: ["hebei-2022", "hebei-2022 + severe-downturn"])
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

    @Test func compareEscapesLabelsAndFallsBackToTheMetadata() throws {
        let escaped = AnalysisReport.compare(try Self.comparison(), labels: [Self.awkward, "second"])
        #expect(escaped.contains(Self.awkwardEscaped))
        #expect(!escaped.contains("<b>bold</b>"))
        let unlabelled = AnalysisReport.compare(try Self.comparison(), labels: [])
        #expect(unlabelled.contains("hebei-2022 + severe-downturn"))
    }

    @Test func sweepOfOneKeyDrawsLineCharts() throws {
        let json = Self.sweep([("pool.initial_balance", [.int(80_000_000), .int(110_000_000), .int(150_000_000)])])
        let html = AnalysisReport.sweep(json)
        let exhaustion = try Self.chart("sweep-exhaustion", in: html)
        #expect(exhaustion.contains("class=\"whisker\""))
        #expect(exhaustion.contains(">80 M<"))
        _ = try Self.chart("sweep-unpaid", in: html)
        #expect(!html.contains("heatmap"))
        #expect(html.contains("<td>110,000,000</td>"))
        Self.isSelfContained(html)
    }

    @Test func sweepOfTwoKeysDrawsHeatMaps() throws {
        let json = Self.sweep([("pool.initial_balance", [.int(1_000_000), .int(2_000_000), .int(3_000_000)]),
                               ("rules.shortfall", [.string("pro_rata"), .string(Self.awkward)])])
        let html = AnalysisReport.sweep(json)
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
        let html = AnalysisReport.sensitivity(Self.sensitivity())
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

    @Test func survivesAlmostEmptyJSON() throws {
        let empty = try JSONValue(parsing: "{}")
        let compare = AnalysisReport.compare(empty, labels: [])
        for name in ["compare-claims", "compare-balance", "compare-exhaustion"] { #expect(compare.contains("data-chart=\"\(name)\"")) }
        let oneAxis = try JSONValue(parsing: #"{"axes": [{"path": "x", "values": [1, 2]}], "points": []}"#)
        let sweep = AnalysisReport.sweep(oneAxis)
        for name in ["sweep-exhaustion", "sweep-unpaid"] { #expect(sweep.contains("data-chart=\"\(name)\"")) }
        let sensitivity = AnalysisReport.sensitivity(empty)
        for name in ["sensitivity-exhaustion", "sensitivity-var"] { #expect(sensitivity.contains("data-chart=\"\(name)\"")) }
        #expect(sensitivity.contains("interactions"))
        for html in [compare, sweep, sensitivity, AnalysisReport.sweep(empty)] { Self.isSelfContained(html) }
    }

    @Test func sharesThePageWithTheSingleRunReport() throws {
        let single = HTMLReport.render(try Fixtures.document)
        let sweep = AnalysisReport.sweep(Self.sweep([("x", [.int(1), .int(2)])]))
        #expect(single.contains(ReportPage.stylesheet) && sweep.contains(ReportPage.stylesheet))
        #expect(AnalysisReport.sensitivity(Self.sensitivity()) == AnalysisReport.sensitivity(Self.sensitivity()))
    }
}
