import PoolSimCore
import PoolSimText

/// What every HTML report of poolsim shares: the page around the sections,
/// the stylesheet, figures and table rows. `HTMLReport` (one run) and
/// `AnalysisReport` (compare, sweep, sensitivity) are both built from it.
enum ReportPage {
    /// A complete page in `language` (its `lang` attribute): `title` is
    /// escaped here; `body` is HTML already. `style` is appended to the shared stylesheet.
    static func render(title: String, style: String = "", body: String, language: Language) -> String {
        var html = "<!doctype html>\n<html lang=\"\(language.tag)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(HTML.escape(title))</title>\n"
        html += "<style>\n\(stylesheet)\(style)</style>\n</head>\n<body>\n"
        html += body
        html += "</body>\n</html>\n"
        return html
    }

    /// A chart with its caption (HTML).
    static func figure(_ svg: String, caption: String) -> String {
        "<figure>\n\(svg)\n<figcaption>\(caption)</figcaption>\n</figure>\n"
    }

    /// A table row of escaped text; every cell but the first right-aligned.
    static func row(_ cells: [String], header: Bool = false) -> String {
        let tag = header ? "th" : "td"
        return "<tr>" + cells.enumerated().map { i, cell in
            "<\(tag)\(i == 0 ? "" : " class=\"num\"")>\(HTML.escape(cell))</\(tag)>"
        }.joined() + "</tr>\n"
    }

    static let stylesheet = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC",
               "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
               color: #1b1f24; background: #fff; max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem;
               line-height: 1.45; font-size: 15px; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #d0d7de; padding-bottom: .2rem; }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
        .subtitle { color: #4b5563; margin: 0 0 1rem; }
        .warning { border: 2px solid #b45309; padding: .5rem .75rem; margin: 1rem 0; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(13.5rem, 1fr)); gap: .75rem; margin: .5rem 0 1rem; }
        .card { border: 1px solid #d0d7de; border-radius: 6px; padding: .6rem .8rem; }
        .card.key { border: 2px solid #1d4ed8; }
        .card .label { font-size: .85rem; color: #374151; }
        .card .value { font-size: 1.55rem; font-weight: 650; margin: .15rem 0; font-variant-numeric: tabular-nums; }
        .card .note { font-size: .8rem; color: #4b5563; }
        figure { margin: 1.25rem 0 1.75rem; }
        figcaption { font-size: .88rem; color: #374151; margin-top: .3rem; max-width: 48rem; }
        figcaption b { color: #1b1f24; }
        svg.chart { width: 100%; height: auto; max-width: 760px; display: block; font-family: inherit; }
        svg .grid { stroke: #e5e7eb; stroke-width: 1; }
        svg .axis { stroke: #374151; stroke-width: 1; }
        svg .tick { font-size: 12px; fill: #374151; }
        svg .axis-title { font-size: 13px; fill: #1b1f24; }
        svg .label { font-size: 12px; fill: #1b1f24; }
        svg .label-muted { font-size: 11.5px; fill: #4b5563; }
        svg .message { font-size: 15px; fill: #4b5563; }
        svg .legend { font-size: 12px; fill: #1b1f24; }
        svg .legend-box { fill: #fff; stroke: #d0d7de; }
        svg .curve { fill: none; stroke: #1d4ed8; stroke-width: 2.2; }
        svg .point { fill: #1d4ed8; }
        svg .band-outer { fill: #bfdbfe; stroke: none; }
        svg .band-inner { fill: #60a5fa; stroke: none; }
        svg .median { fill: none; stroke: #1e3a8a; stroke-width: 2.4; }
        svg .mean-line { fill: none; stroke: #111827; stroke-width: 1.3; stroke-dasharray: 2 3; }
        svg .var95 { stroke: #d97706; stroke-width: 1.8; stroke-dasharray: 6 4; }
        svg .var99 { stroke: #dc2626; stroke-width: 1.8; stroke-dasharray: 6 4; }
        svg .var995 { stroke: #7f1d1d; stroke-width: 1.8; stroke-dasharray: 2 3; }
        svg .pool-line { stroke: #047857; stroke-width: 2; }
        svg .bar { fill: #1d4ed8; }
        svg .whisker { stroke: #111827; stroke-width: 1.4; }
        svg .paid { fill: #1d4ed8; }
        svg .unpaid { fill: #f59e0b; }
        svg .ruin5 { fill: #d97706; stroke: #fff; stroke-width: 1; }
        svg .ruin1 { fill: #dc2626; stroke: #fff; stroke-width: 1; }
        svg .guide { stroke: #6b7280; stroke-width: 1; stroke-dasharray: 3 3; }
        table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .86rem; font-variant-numeric: tabular-nums; }
        th, td { padding: .22rem .55rem; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; }
        th { border-bottom: 2px solid #9ca3af; font-weight: 600; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        table.banks td:first-child { min-width: 11rem; }
        table.kv td:first-child { color: #374151; white-space: nowrap; }
        table.scenario { font-size: .8rem; }
        table.scenario td:first-child { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        .wide { overflow-x: auto; }
        .methods p, .methods li { max-width: 48rem; }
        .small { font-size: .85rem; color: #4b5563; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          h2, h3 { break-after: avoid; }
          .page-break { break-before: page; }
          figure, table, .cards, .card { break-inside: avoid; }
          .wide { overflow: visible; }
          svg.chart { max-width: 100%; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          @page { size: A4; margin: 14mm; }
        }

        """
}

/// Formatting numbers for charts.
enum ChartFormat {
    /// "146.8 M yuan".
    static func millions(_ value: Double) -> String { value.isFinite ? NumberFormat.millions(value) + " yuan" : "–" }
    /// Axis ticks in millions: "80", "2.5".
    static func axisMillions(_ value: Double) -> String { axisAmount(value, divisor: 1e6) }
    /// Axis ticks in units of `divisor` yuan (see `MoneyFormat.axis`): "80", "2.5".
    static func axisAmount(_ value: Double, divisor: Double) -> String {
        let m = (value / divisor * 1e6).rounded() / 1e6
        return m == m.rounded() ? NumberFormat.fixed(m, digits: 0) : NumberFormat.fixed(m, digits: 1)
    }
    /// Axis ticks in percent: "20%", "2.5%".
    static func axisPercent(_ value: Double) -> String {
        let p = (value * 100 * 1e6).rounded() / 1e6
        return (p == p.rounded() ? NumberFormat.fixed(p, digits: 0) : NumberFormat.fixed(p, digits: 1)) + "%"
    }
}

/// Series drawn the same way in the single-run report and the analyses.
enum ReportSeries {
    /// A quantile curve through a statistic: (value, cumulative probability)
    /// from the minimum through the stored percentiles to the maximum.
    static func cumulative(_ stat: Stat) -> [(Double, Double)] {
        var points = [(stat.min, 0.0)]
        points += Percentile.allCases.map { (stat.percentile($0), $0.level) }
        points.append((stat.max, 1.0))
        return points.filter { $0.0.isFinite }
    }

    /// One statistic of the closing balance by year (a percentile, or the
    /// mean when `percentile` is nil), starting at year 0 with the initial balance.
    static func balance(_ results: RunResults, _ percentile: Percentile?) -> [(Double, Double)] {
        [(0, initialBalance(results))] + results.statistics.byYear.map {
            let stat = $0.stat(.closingBalance)
            return (Double($0.year), percentile.map(stat.percentile) ?? stat.mean)
        }
    }

    /// A run's starting balance: the scenario's, else year 1's mean opening balance.
    static func initialBalance(_ results: RunResults) -> Double {
        results.scenario?.initialBalance ?? results.statistics.byYear.first?.stat(.openingBalance).mean ?? .nan
    }
}
