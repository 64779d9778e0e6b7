import PoolSimCore

/// HTML reports of the analyses (compare, sweep, sensitivity): one
/// self-contained page each, in the style of the single-run report and built
/// from the same pieces (page, stylesheet, `SVGPlot`, the claims and balance
/// series). Everything comes from the analysis's results alone.
public enum AnalysisReport {
    /// The runs side by side, with each one's paired differences from the first.
    public static func compare(_ results: CompareResults) -> String {
        ReportPage.render(title: "Pool comparison: " + results.columns.map(\.label).joined(separator: " vs "),
                          style: style, body: CompareReport(results).body())
    }

    /// Line charts for one swept key, heat maps for two, and a table of every point.
    public static func sweep(_ results: SweepResults) -> String {
        ReportPage.render(title: "\(results.scenarioName): sweep of " + results.axes.map(\.path).joined(separator: " × "),
                          style: style, body: SweepReport(results).body())
    }

    /// Each parameter's swing as tornado charts, with the caveat of one-at-a-time swings.
    public static func sensitivity(_ results: SensitivityResults) -> String {
        ReportPage.render(title: "\(results.scenarioName): sensitivity, one-at-a-time swings", style: style,
                          body: SensitivityReport(results).body())
    }

    // MARK: Shared

    /// Series colours for runs drawn on one chart: distinct hues, the odd ones dashed as well,
    /// so that they stay apart in print.
    static let palette = ["#1d4ed8", "#d97706", "#047857", "#be185d", "#7c3aed", "#0891b2", "#4b5563", "#92400e"]
    static let dashes = ["", "7 4", "", "2 3", "", "10 3 2 3", "", "7 4"]

    static func series(_ k: Int) -> Int { k % palette.count }

    static var style: String {
        var css = """
            .note { border-left: 4px solid #1d4ed8; background: #eff6ff; padding: .5rem .8rem; margin: 1rem 0; max-width: 48rem; }
            .caveat { border: 2px solid #b45309; background: #fffbeb; padding: .6rem .85rem; margin: 1rem 0; font-size: 1.02rem; max-width: 48rem; }
            th.num { white-space: normal; }
            table.headline td:first-child { white-space: nowrap; }
            table.headline tr.group td { border-top: 2px solid #d0d7de; }
            table.settings td:first-child { white-space: nowrap; }
            svg .cell { stroke: #fff; stroke-width: 2; }
            svg .cell-text { font-size: 12.5px; font-weight: 600; fill: #111827; }
            svg .cell-text-light { font-size: 12.5px; font-weight: 600; fill: #fff; }
            svg .low-setting { fill: #0e7490; }
            svg .high-setting { fill: #c2410c; }
            svg .base-line { stroke: #111827; stroke-width: 1.8; }
            svg .row-label { font-size: 12.5px; font-weight: 600; fill: #1b1f24; }

            """
        for (k, colour) in palette.enumerated() {
            let dash = dashes[k].isEmpty ? "" : " stroke-dasharray: \(dashes[k]);"
            css += "svg .line-\(k) { fill: none; stroke: \(colour); stroke-width: 2.3;\(dash) }\n"
            css += "svg .band-\(k) { fill: \(colour); fill-opacity: .16; stroke: \(colour); stroke-opacity: .35; stroke-width: .8; }\n"
            css += "svg .dot-\(k) { fill: \(colour); }\n"
        }
        return css + "\n"
    }

    /// A headline statistic for people: percent for probabilities, yuan otherwise.
    static func value(_ statistic: HeadlineStatistic, _ value: Double) -> String {
        statistic == .pExhaustion ? NumberFormat.percent(value) : NumberFormat.money(value)
    }

    /// A difference with its interval: "+25.45 pp [23.54, 27.36]" or "+218,111,919 [214,059,483, 222,164,354]".
    static func difference(_ statistic: HeadlineStatistic, _ delta: PairedDifference?) -> String {
        guard let d = delta?.difference, d.isFinite else { return "–" }
        let format = { (v: Double) -> String in
            statistic == .pExhaustion ? NumberFormat.fixed(v * 100, digits: 2) : NumberFormat.money(v)
        }
        var text = (d > 0 ? "+" : "") + format(d) + (statistic == .pExhaustion ? " pp" : "")
        if let low = delta?.ciLow, let high = delta?.ciHigh, low.isFinite, high.isFinite {
            text += " [\(format(low)), \(format(high))]"
        }
        return text
    }

    static func years(_ count: Int) -> String { count == 1 ? "1 year" : "\(count) years" }

    /// "80 M" for large numbers, the number in plain decimals otherwise.
    static func compact(_ value: Double) -> String {
        abs(value) >= 1e6 ? ChartFormat.axisMillions(value) + " M" : NumberFormat.plain(value)
    }

    /// A swept value on an axis: numbers `compact`, words as they are.
    static func compact(_ text: String) -> String { Double(text).map(compact) ?? text }

    /// A swept value in a table: yuan-sized numbers grouped ("80,000,000"), other numbers
    /// in plain decimals, words as they are.
    static func cellText(_ text: String?) -> String {
        guard let text else { return "–" }
        guard let v = Double(text) else { return text }
        return abs(v) >= 1e4 && v == v.rounded() ? NumberFormat.money(v) : NumberFormat.plain(v)
    }

    /// A sequential colour scale: `t` in [0, 1] from pale to dark, through `stops`.
    static func colour(_ t: Double, stops: [(Double, Double, Double)]) -> (hex: String, dark: Bool) {
        let clamped = t.isFinite ? min(max(t, 0), 1) : 0
        let position = clamped * Double(stops.count - 1)
        let i = min(Int(position), stops.count - 2)
        let f = position - Double(i)
        let (a, b) = (stops[i], stops[i + 1])
        let rgb = [a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f]
        let hex = "#" + rgb.map { component -> String in
            let byte = String(Int(component.rounded()), radix: 16)
            return byte.count == 1 ? "0" + byte : byte
        }.joined()
        let luminance = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255
        return (hex, luminance < 0.55)
    }

    /// Yellow to dark red, for probabilities of running dry.
    static let heat: [(Double, Double, Double)] = [(255, 255, 204), (254, 217, 118), (253, 141, 60), (227, 26, 28), (128, 0, 38)]
    /// Pale to dark blue, for money.
    static let blues: [(Double, Double, Double)] = [(239, 246, 255), (191, 219, 254), (96, 165, 250), (29, 78, 216), (30, 58, 138)]

    /// A domain with round ends around `values`, kept within `limits`.
    static func roundDomain(_ values: [Double], limits: (Double, Double) = (-.infinity, .infinity)) -> (Double, Double) {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return (0, 1) }
        if high - low <= abs(high) * 1e-12 {
            let pad = high == 0 ? 1 : abs(high) * 0.1
            return (max(limits.0, low - pad), min(limits.1, high + pad))
        }
        let step = LinearScale.niceStep(high - low, count: 5)
        return (max(limits.0, (low / step).rounded(.down) * step), min(limits.1, (high / step).rounded(.up) * step))
    }

    /// Words that could be a long label, cut to `limit` characters.
    static func shortened(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

// MARK: - Compare

private extension CompareResults.Column {
    var summary: RunSummary { results.statistics.summary }
    var initialBalance: Double { ReportSeries.initialBalance(results) }
}

private struct CompareReport {
    let runs: [CompareResults.Column]
    let deltas: [CompareResults.Delta]
    /// The longest horizon of the runs, in years.
    let horizon: Int

    init(_ results: CompareResults) {
        runs = results.columns
        deltas = results.deltas
        horizon = runs.map(\.results.statistics.byYear.count).max() ?? 0
    }

    /// Column k's difference from the first column (k ≥ 1).
    func delta(_ k: Int, _ statistic: HeadlineStatistic) -> PairedDifference? {
        deltas.indices.contains(k - 1) ? deltas[k - 1][statistic] : nil
    }

    func body() -> String {
        var html = "<header>\n<h1>Side by side: \(HTML.escape(runs.map(\.label).joined(separator: " vs ")))</h1>\n"
        // Every run has the first one's trials and seed.
        let first = runs.first?.results.metadata
        var facts = "\(runs.count) runs"
        if let first { facts += ", \(NumberFormat.count(Double(first.trials))) simulated periods each" }
        if horizon > 0 { facts += " of \(AnalysisReport.years(horizon))" }
        if let first { facts += ", seed \(first.seed)" }
        html += "<p class=\"subtitle\">\(facts)</p>\n</header>\n"
        html += "<p class=\"note\"><b>Common random numbers.</b> Every run uses the same seed and the same trials, so "
            + "trial <i>i</i> of one run meets the same economic conditions (the economy-wide, sector and bank factors) as "
            + "trial <i>i</i> of the first, and the same defaults where the default model is unchanged; differences "
            + "come from the changed assumptions rather than sampling noise. The intervals on differences are paired: "
            + "95% intervals from the spread of the trial-by-trial differences, much narrower than comparing two "
            + "independent intervals. VaR and ES are quantile statistics and carry no interval. "
            + "“pp”: percentage points.</p>\n"
        html += headlineTable()
        html += "<section id=\"charts\">\n<h2>Charts</h2>\n"
        html += ReportPage.figure(claims(), caption: """
            <b>Distribution of total claims over the horizon, one curve per run.</b> The cumulative share of simulated \
            periods (vertical) whose claims were at most a given amount (horizontal), drawn through each run's stored \
            percentiles (minimum, P1 … P99.9, maximum). A curve further right means larger claims.
            """)
        html += ReportPage.figure(balance(), caption: """
            <b>Pool balance at the end of each year.</b> For each run the shaded band holds 90% of the simulated \
            periods (P5 to P95) and the line is the median. Year 0 is the starting balance.
            """)
        html += ReportPage.figure(exhaustion(), caption: """
            <b>Probability the pool runs dry within the horizon</b>, each run with its 95% Wilson interval; \
            the difference from the first run, with its paired 95% interval, is printed by each run after the first.
            """)
        html += "</section>\n"
        html += runsTable()
        return html
    }

    /// Two runs: one column each, as on the terminal. More: one row per statistic and run, so the
    /// table keeps to the page's width however many runs there are.
    func headlineTable() -> String {
        guard !runs.isEmpty else { return "<p>This comparison holds no runs.</p>\n" }
        var html = "<section id=\"headline\">\n<h2>Headline statistics</h2>\n<div class=\"wide\"><table class=\"headline\">\n"
        let versus = "Δ vs \(runs[0].label) (95% CI)"
        if runs.count <= 2 {
            var header = ["statistic", runs[0].label]
            for run in runs.dropFirst() { header += [run.label, versus] }
            html += ReportPage.row(header, header: true)
            for statistic in HeadlineStatistic.allCases {
                var cells = [statistic.label]
                for (k, run) in runs.enumerated() {
                    cells.append(AnalysisReport.value(statistic, statistic.value(run.summary)))
                    if k > 0 { cells.append(AnalysisReport.difference(statistic, delta(k, statistic))) }
                }
                html += ReportPage.row(cells)
            }
        } else {
            html += "<tr><th>statistic</th><th>run</th><th class=\"num\">value</th><th class=\"num\">\(HTML.escape(versus))</th></tr>\n"
            for statistic in HeadlineStatistic.allCases {
                for (k, run) in runs.enumerated() {
                    let value = AnalysisReport.value(statistic, statistic.value(run.summary))
                    let cells = [k == 0 ? statistic.label : "", run.label, value,
                                 k == 0 ? "" : AnalysisReport.difference(statistic, delta(k, statistic))]
                    html += "<tr\(k == 0 ? " class=\"group\"" : "")>" + cells.enumerated().map { i, cell in
                        "<td\(i < 2 ? "" : " class=\"num\"")>\(HTML.escape(cell))</td>"
                    }.joined() + "</tr>\n"
                }
            }
        }
        return html + "</table></div>\n</section>\n"
    }

    func claims() -> String {
        let curves = runs.map { ReportSeries.cumulative($0.summary.total(.claims)) }
        let balances = Set(runs.map(\.initialBalance).filter(\.isFinite))
        let shared = balances.count == 1 ? balances.first : nil
        let highest = (curves.flatMap { $0.map(\.0) } + [shared ?? 0]).filter(\.isFinite).max() ?? 0
        var plot = SVGPlot(kind: "compare-claims", title: "Cumulative distribution of total claims, one curve per run",
                           xDomain: LinearScale.zeroTo(highest, count: 7), yDomain: (0, 1))
        guard curves.contains(where: { $0.count > 1 }) else {
            plot.message("No claims statistics in these runs.")
            return plot.rendered()
        }
        plot.axes(xLabel: "total claims over the horizon (million yuan)", yLabel: "cumulative probability (%)",
                  yTicks: [0, 0.2, 0.4, 0.6, 0.8, 1.0], xFormat: ChartFormat.axisMillions, yFormat: ChartFormat.axisPercent)
        var legend: [(mark: SVGPlot.LegendMark, class: String, label: String)] = []
        if let shared {
            plot.vertical(at: shared, class: "pool-line")
        }
        for (k, curve) in curves.enumerated() {
            let s = AnalysisReport.series(k)
            plot.line(curve, class: "line-\(s)")
            for (value, level) in curve {
                plot.dot((value, level), class: "dot-\(s)", radius: 2.8,
                         title: "\(runs[k].label): \(ChartFormat.axisPercent(level)) of periods at most \(ChartFormat.millions(value))")
            }
            let mean = runs[k].summary.total(.claims).mean
            legend.append((.line, "line-\(s)", "\(runs[k].label): mean \(NumberFormat.millions(mean))"))
        }
        if let shared { legend.append((.line, "pool-line", "starting balance: \(NumberFormat.millions(shared))")) }
        plot.legend(legend)
        return plot.rendered()
    }

    func balance() -> String {
        let fans = runs.map { run in
            (p5: ReportSeries.balance(run.results, .p5), p50: ReportSeries.balance(run.results, .p50),
             p95: ReportSeries.balance(run.results, .p95))
        }
        let highest = fans.flatMap { $0.p95.map(\.1) + $0.p50.map(\.1) }.filter(\.isFinite).max() ?? 0
        var plot = SVGPlot(kind: "compare-balance", title: "Pool balance by year for each run: median and P5 to P95",
                           xDomain: (0, Double(max(horizon, 1))), yDomain: LinearScale.zeroTo(highest))
        guard horizon > 0 else {
            plot.message("No yearly statistics in these runs.")
            return plot.rendered()
        }
        plot.axes(xLabel: "end of year", yLabel: "pool balance (million yuan)", xTicks: (0...horizon).map(Double.init),
                  xFormat: { NumberFormat.fixed($0, digits: 0) }, yFormat: ChartFormat.axisMillions)
        for (k, fan) in fans.enumerated() {
            plot.band(lower: fan.p5, upper: fan.p95, class: "band-\(AnalysisReport.series(k))")
        }
        var legend: [(mark: SVGPlot.LegendMark, class: String, label: String)] = []
        for (k, fan) in fans.enumerated() {
            let s = AnalysisReport.series(k)
            plot.line(fan.p50, class: "line-\(s)")
            for (year, value) in fan.p50 {
                plot.dot((year, value), class: "dot-\(s)", radius: 2.8,
                         title: "\(runs[k].label), year \(Int(year)): median \(ChartFormat.millions(value))")
            }
            legend.append((.line, "line-\(s)", "\(runs[k].label): median"))
            legend.append((.swatch, "band-\(s)", "\(runs[k].label): P5 to P95"))
        }
        plot.legend(legend)
        return plot.rendered()
    }

    func exhaustion() -> String {
        let rowHeight = 52.0
        let estimates = runs.map(\.summary.pExhaustion)
        let highest = estimates.map { max($0.estimate, $0.high) }.filter(\.isFinite).max() ?? 0
        let top = min(1, max(LinearScale.zeroTo(highest * 1.05, count: 5).high, 0.01))
        let rows = Double(max(runs.count, 1))
        var plot = SVGPlot(kind: "compare-exhaustion",
                           title: "Probability the pool runs dry within the horizon, by run, with 95% intervals",
                           height: 10 + rowHeight * rows + 58, margins: (24, 190, 10, 58),
                           xDomain: (0, top), yDomain: (rows, 0))
        guard !runs.isEmpty else {
            plot.message("No runs to compare.")
            return plot.rendered()
        }
        plot.axes(xLabel: "probability of running dry within the horizon (%)", yLabel: "", yTicks: [],
                  xFormat: ChartFormat.axisPercent, yFormat: { _ in "" })
        for (k, p) in estimates.enumerated() {
            let row = Double(k), s = AnalysisReport.series(k)
            var label = runs[k].label
            if k > 0 { label += " — " + AnalysisReport.difference(.pExhaustion, delta(k, .pExhaustion)) + " vs first" }
            plot.text(label, atX: plot.plotLeft + 2, y: plot.y(row) + 15, class: "label")
            plot.rect(x0: 0, x1: p.estimate, y0: row + 0.4, y1: row + 0.88, class: "dot-\(s)",
                      title: "\(runs[k].label): \(NumberFormat.percent(p.estimate)) (95% interval \(NumberFormat.percent(p.low)) to \(NumberFormat.percent(p.high)))")
            let mid = row + 0.64
            plot.segment((p.low, mid), (p.high, mid), class: "whisker")
            plot.segment((p.low, row + 0.5), (p.low, row + 0.78), class: "whisker")
            plot.segment((p.high, row + 0.5), (p.high, row + 0.78), class: "whisker")
            let end = [p.estimate, p.high].filter(\.isFinite).max() ?? 0
            plot.text("\(NumberFormat.percent(p.estimate)) (\(NumberFormat.percent(p.low))–\(NumberFormat.percent(p.high)))",
                      atX: plot.x(end) + 8, y: plot.y(mid) + 4, class: "label-muted")
        }
        return plot.rendered()
    }

    func runsTable() -> String {
        var html = "<section id=\"runs\">\n<h2>The runs</h2>\n<div class=\"wide\"><table>\n"
        html += ReportPage.row(["run", "scenario", "stress", "overrides (--set)", "starting balance (yuan)", "trials", "seed"],
                               header: true)
        for run in runs {
            let metadata = run.results.metadata
            html += ReportPage.row([
                run.label, metadata.scenarioName, metadata.stress ?? "none",
                metadata.overrides.isEmpty ? "none" : metadata.overrides.joined(separator: "; "),
                NumberFormat.money(run.initialBalance), NumberFormat.count(Double(metadata.trials)), String(metadata.seed),
            ])
        }
        return html + "</table></div>\n<p class=\"small\">Each run's own results directory (numbered in this order) "
            + "holds its full report, tables and workbook.</p>\n</section>\n"
    }
}

// MARK: - Sweep

// A swept value is a number when it reads as one, as `SweepSetting.value` records it.

private extension SweepResults.Axis {
    /// Every value a number, not all the same: the axis is drawn to scale.
    var toScale: Bool {
        let numbers = values.compactMap { Double($0) }
        return numbers.count == values.count && Set(numbers).count > 1
    }

    /// " (M = million)" when the axis's ticks are shown in millions.
    var unit: String { values.contains { (Double($0).map(abs) ?? 0) >= 1e6 } ? " (M = million)" : "" }
}

private extension SweepResults.Point {
    /// The value this point gives the axis's key, as written.
    func text(_ axis: SweepResults.Axis) -> String? { settings.first { $0.path == axis.path }?.text }

    /// Mean unpaid claims with a 95% interval from its Monte Carlo error.
    var unpaid: (mean: Double, low: Double, high: Double) {
        let stat = summary.total(.unpaid)
        let half = stat.mcse.isFinite ? 1.959964 * stat.mcse : .nan
        return (stat.mean, stat.mean - half, stat.mean + half)
    }
}

private struct SweepReport {
    let axes: [SweepResults.Axis]
    let points: [SweepResults.Point]
    let trials: Int
    let seed: UInt64

    init(_ results: SweepResults) {
        axes = results.axes
        points = results.points
        trials = results.trials
        seed = results.seed
    }

    func body() -> String {
        let names = axes.map(\.path).joined(separator: " × ")
        var html = "<header>\n<h1>Sweep over \(HTML.escape(names.isEmpty ? "no keys" : names))</h1>\n"
        let facts = "\(points.count) points, \(NumberFormat.count(Double(trials))) simulated periods each, seed \(seed)"
        html += "<p class=\"subtitle\">\(facts)</p>\n</header>\n"
        html += "<p class=\"note\">Every point runs the same trials with the same seed (common random numbers), "
            + "so the differences between points come from the swept settings, not from sampling noise; each point's "
            + "own 95% interval is wider than the uncertainty of a difference between neighbours.</p>\n"
        html += "<section id=\"charts\">\n<h2>Charts</h2>\n"
        if axes.count == 1 {
            let axis = axes[0]
            html += ReportPage.figure(lineChart(axis, exhaustion: true), caption: """
                <b>Probability the pool runs dry within the horizon against \(HTML.escape(axis.path))</b>, \
                with 95% Wilson intervals as whiskers.
                """)
            html += ReportPage.figure(lineChart(axis, exhaustion: false), caption: """
                <b>Mean unpaid claims over the horizon against \(HTML.escape(axis.path))</b>: claims the pool could not pay, \
                borne by the banks; whiskers are 95% intervals from the Monte Carlo error.
                """)
        } else if axes.count == 2 {
            html += ReportPage.figure(heatMap(exhaustion: true), caption: """
                <b>Probability the pool runs dry within the horizon</b> for each combination of \
                \(HTML.escape(axes[0].path)) (across) and \(HTML.escape(axes[1].path)) (down); darker is more likely.
                """)
            html += ReportPage.figure(heatMap(exhaustion: false), caption: """
                <b>Mean unpaid claims over the horizon</b> (million yuan) for each combination; darker is more.
                """)
        } else {
            html += "<p>Charts are drawn for one or two swept keys; this sweep has \(axes.count).</p>\n"
        }
        html += "</section>\n"
        return html + table()
    }

    /// Where each point sits along `axis`: its value when the axis is numeric, else its index.
    func position(_ axis: SweepResults.Axis, _ text: String?) -> Double? {
        guard let text else { return nil }
        if axis.toScale { return Double(text) }
        return axis.values.firstIndex(of: text).map(Double.init)
    }

    func lineChart(_ axis: SweepResults.Axis, exhaustion: Bool) -> String {
        let kind = exhaustion ? "sweep-exhaustion" : "sweep-unpaid"
        let title = exhaustion
            ? "Probability the pool runs dry within the horizon against \(axis.path), with 95% intervals"
            : "Mean unpaid claims over the horizon against \(axis.path), with 95% intervals"
        let rows: [(x: Double, label: String, y: Double, low: Double, high: Double)] = points.compactMap { point in
            guard let x = position(axis, point.text(axis)) else { return nil }
            let p = point.summary.pExhaustion
            let (y, low, high) = exhaustion ? (p.estimate, p.low, p.high) : point.unpaid
            return (x, AnalysisReport.cellText(point.text(axis)), y, low, high)
        }.sorted { $0.x < $1.x }
        let scaled = axis.toScale
        let xs = rows.map(\.x)
        var xDomain = (-0.5, Double(max(axis.values.count, 1)) - 0.5)
        if scaled, let low = xs.min(), let high = xs.max() {
            let pad = (high - low) * 0.06
            xDomain = (low - pad, high + pad)
        }
        let highest = rows.map { max($0.y, $0.high) }.filter(\.isFinite).max() ?? 0
        let yDomain = exhaustion ? (0, min(1, max(LinearScale.zeroTo(highest * 1.08).high, 0.01)))
            : LinearScale.zeroTo(highest * 1.08)
        var plot = SVGPlot(kind: kind, title: title, xDomain: xDomain, yDomain: yDomain)
        guard !rows.isEmpty else {
            plot.message("No points in this sweep.")
            return plot.rendered()
        }
        let values = axis.values
        let xFormat: (Double) -> String = scaled
            ? { value in AnalysisReport.compact(value) }
            : { index in values.indices.contains(Int(index)) ? AnalysisReport.compact(values[Int(index)]) : "" }
        let ticks = scaled && values.count > 9 ? nil : (scaled ? xs : values.indices.map(Double.init))
        plot.axes(xLabel: axis.path + axis.unit,
                  yLabel: exhaustion ? "probability of running dry (%)" : "mean unpaid claims (million yuan)",
                  xTicks: ticks, xFormat: xFormat,
                  yFormat: exhaustion ? ChartFormat.axisPercent : ChartFormat.axisMillions)
        plot.line(rows.map { ($0.x, $0.y) }, class: "curve")
        let span = xDomain.1 - xDomain.0
        for row in rows {
            plot.whisker(at: row.x, low: row.low, high: row.high, cap: span * 0.008)
            let text = exhaustion ? NumberFormat.percent(row.y) : NumberFormat.millions(row.y)
            plot.dot((row.x, row.y), class: "point", radius: 4,
                     title: "\(axis.path) = \(row.label): \(text) (95% interval \(exhaustion ? NumberFormat.percent(row.low) : NumberFormat.millions(row.low)) to \(exhaustion ? NumberFormat.percent(row.high) : NumberFormat.millions(row.high)))")
            if rows.count <= 12, row.high.isFinite {
                plot.text(text, atX: plot.x(row.x) + 7, y: plot.y(row.y) - 7, class: "label")
            }
        }
        return plot.rendered()
    }

    func heatMap(exhaustion: Bool) -> String {
        let (across, down) = (axes[0], axes[1])
        let kind = exhaustion ? "sweep-exhaustion-heatmap" : "sweep-unpaid-heatmap"
        let title = (exhaustion ? "Probability the pool runs dry within the horizon" : "Mean unpaid claims over the horizon")
            + " by \(across.path) and \(down.path)"
        var cells: [(column: Int, row: Int, value: Double, detail: String)] = []
        for point in points {
            guard let column = across.values.firstIndex(where: { $0 == point.text(across) }),
                  let row = down.values.firstIndex(where: { $0 == point.text(down) }) else { continue }
            if exhaustion {
                let p = point.summary.pExhaustion
                cells.append((column, row, p.estimate,
                              "\(NumberFormat.percent(p.estimate)) (95% interval \(NumberFormat.percent(p.low)) to \(NumberFormat.percent(p.high)))"))
            } else {
                let unpaid = point.unpaid.mean
                cells.append((column, row, unpaid, "\(NumberFormat.money(unpaid)) yuan"))
            }
        }
        let columns = max(across.values.count, 1), rowCount = max(down.values.count, 1)
        let longest = down.values.map { AnalysisReport.compact($0).count }.max() ?? 1
        let left = min(200, max(84, 44 + Double(longest) * 7.5))
        let cellHeight = rowCount > 8 ? 34.0 : 48.0
        var plot = SVGPlot(kind: kind, title: title, height: 20 + cellHeight * Double(rowCount) + 58,
                           margins: (left, 24, 20, 58),
                           xDomain: (0, Double(columns)), yDomain: (Double(rowCount), 0))
        guard !cells.isEmpty else {
            plot.message("No points in this sweep.")
            return plot.rendered()
        }
        let downValues = down.values, acrossValues = across.values
        plot.axes(xLabel: across.path + across.unit, yLabel: down.path + down.unit,
                  xTicks: (0..<columns).map { Double($0) + 0.5 }, yTicks: (0..<rowCount).map { Double($0) + 0.5 },
                  xFormat: { acrossValues.indices.contains(Int($0)) ? AnalysisReport.compact(acrossValues[Int($0)]) : "" },
                  yFormat: { downValues.indices.contains(Int($0)) ? AnalysisReport.compact(downValues[Int($0)]) : "" })
        let highest = max(cells.map(\.value).filter(\.isFinite).max() ?? 0, exhaustion ? 0.001 : 1)
        let stops = exhaustion ? AnalysisReport.heat : AnalysisReport.blues
        let fontFits = (plot.plotRight - plot.plotLeft) / Double(columns) > 52
        let digits = highest < 1e6 ? 3 : highest < 1e7 ? 2 : 1
        for cell in cells {
            let (fill, dark) = AnalysisReport.colour(cell.value / highest, stops: stops)
            let (c, r) = (Double(cell.column), Double(cell.row))
            plot.rect(x0: c, x1: c + 1, y0: r, y1: r + 1, class: "cell", fill: cell.value.isFinite ? fill : "#f3f4f6",
                      title: "\(across.path) = \(AnalysisReport.cellText(across.values[cell.column])), "
                          + "\(down.path) = \(AnalysisReport.cellText(down.values[cell.row])): \(cell.detail)")
            if fontFits {
                let text = exhaustion ? NumberFormat.percent(cell.value, digits: 1)
                    : NumberFormat.millions(cell.value, digits: digits)
                plot.text(text, atX: plot.x(c + 0.5), y: plot.y(r + 0.5) + 4.5, anchor: "middle",
                          class: dark ? "cell-text-light" : "cell-text")
            }
        }
        plot.legend((0...4).map { step in
            let value = highest * Double(step) / 4
            let label = exhaustion ? NumberFormat.percent(value, digits: 1) : NumberFormat.millions(value, digits: digits)
            return (mark: .fill(AnalysisReport.colour(Double(step) / 4, stops: stops).hex), class: "cell", label: label)
        })
        return plot.rendered()
    }

    func table() -> String {
        var html = "<section id=\"points\">\n<h2>The points</h2>\n<div class=\"wide\"><table>\n"
        html += ReportPage.row(axes.map(\.path) + ["P(exhaustion)", "95% CI", "claims, mean", "unpaid, mean",
                                                   "claims VaR 99%", "claims ES 99%"], header: true)
        for point in points {
            let p = point.summary.pExhaustion
            html += ReportPage.row(axes.map { AnalysisReport.cellText(point.text($0)) } + [
                NumberFormat.percent(p.estimate), "\(NumberFormat.percent(p.low))–\(NumberFormat.percent(p.high))",
                NumberFormat.money(point.headline[.claimsMean]), NumberFormat.money(point.unpaid.mean),
                NumberFormat.money(point.headline[.claimsVaR99]), NumberFormat.money(point.headline[.claimsES99]),
            ])
        }
        return html + "</table></div>\n<p class=\"small\">Money in yuan, over the horizon. sweep.csv holds every "
            + "statistic of every point.</p>\n</section>\n"
    }
}

// MARK: - Sensitivity

private extension SensitivityResults.Swing {
    /// How a setting reads: factors "×0.5", shifts "−0.1", scenario keys as given.
    func setting(_ text: String) -> String {
        switch name.lowercased() {
        case "pd", "correlation", "ratio", "compensation ratio", "pool", "pool size": "×" + text
        case "lgd": (text.hasPrefix("-") || text.hasPrefix("+") ? text : "+" + text).replacingOccurrences(of: "-", with: "−")
        default:
            if let number = Double(text), abs(number) >= 1e4, number == number.rounded() { NumberFormat.money(number) } else { text }
        }
    }

    var settings: String { "low \(setting(lowSetting)), high \(setting(highSetting))" }
}

private struct SensitivityReport {
    let trials: Int
    let seed: UInt64
    let caveat: String
    let base: HeadlineValues
    let parameters: [SensitivityResults.Swing]

    init(_ results: SensitivityResults) {
        trials = results.trials
        seed = results.seed
        caveat = results.caveat
        base = results.base
        parameters = results.parameters
    }

    func body() -> String {
        var html = "<header>\n<h1>Sensitivity: which assumption matters most</h1>\n"
        let facts = "\(parameters.count) parameters, each at a low and a high setting; "
            + "\(NumberFormat.count(Double(trials))) simulated periods per setting, seed \(seed)"
        html += "<p class=\"subtitle\">\(facts)</p>\n</header>\n"
        html += "<p class=\"caveat\"><b>Caveat:</b> \(HTML.escape(caveat)) Two assumptions that are both pessimistic "
            + "at once can move the results further than the sum of their bars.</p>\n"
        let p = base[.pExhaustion], var99 = base[.claimsVaR99]
        html += "<p>With every assumption at the scenario's value, the pool runs dry in <b>\(NumberFormat.percent(p))</b> "
            + "of the simulated periods and claims reach <b>\(ChartFormat.millions(var99))</b> in one period out of a "
            + "hundred (VaR 99%). Every setting runs on the same random numbers as the base.</p>\n"
        html += "<section id=\"charts\">\n<h2>Charts</h2>\n"
        html += ReportPage.figure(tornado(.pExhaustion), caption: """
            <b>Swing in the probability the pool runs dry within the horizon.</b> Each bar runs from the value at the \
            parameter's low setting (teal) to the value at its high setting (orange), around the base value (black line); \
            the longest swing is at the top.
            """)
        html += ReportPage.figure(tornado(.claimsVaR99), caption: """
            <b>Swing in claims at VaR 99%</b> (total claims over the horizon exceeded in one period out of a hundred), \
            drawn the same way. The pool's size changes what is paid, not what is claimed, so it does not move this one.
            """)
        html += "</section>\n"
        return html + table()
    }

    func tornado(_ statistic: HeadlineStatistic) -> String {
        let probability = statistic == .pExhaustion
        let kind = probability ? "sensitivity-exhaustion" : "sensitivity-var"
        let what = probability ? "probability the pool runs dry within the horizon" : "claims VaR 99%"
        let baseValue = base[statistic]
        let rows = parameters.map { (parameter: $0, low: $0.low[statistic], high: $0.high[statistic]) }
            .enumerated().sorted {
                let a = abs($0.element.high - $0.element.low), b = abs($1.element.high - $1.element.low)
                return a != b && a.isFinite && b.isFinite ? a > b : $0.offset < $1.offset
            }.map(\.element)
        let rowHeight = 46.0
        let count = Double(max(rows.count, 1))
        let format: (Double) -> String = probability ? { NumberFormat.percent($0) } : { NumberFormat.millions($0) }
        var domain = AnalysisReport.roundDomain([baseValue] + rows.flatMap { [$0.low, $0.high] },
                                                limits: probability ? (0, 1) : (0, .infinity))
        // Room for the value labels at both ends of the bars.
        let pad = (domain.1 - domain.0) * 0.12
        domain = (probability ? max(0, domain.0 - pad) : max(0, domain.0 - pad), probability ? min(1, domain.1 + pad) : domain.1 + pad)
        var plot = SVGPlot(kind: kind, title: "Swing in the \(what): each parameter from its low to its high setting",
                           height: 16 + rowHeight * count + 58, margins: (200, 36, 16, 58),
                           xDomain: domain, yDomain: (count, 0))
        guard !rows.isEmpty else {
            plot.message("No parameters in this sensitivity analysis.")
            return plot.rendered()
        }
        plot.axes(xLabel: probability ? "probability of running dry within the horizon (%)" : "claims VaR 99% (million yuan)",
                  yLabel: "", yTicks: [], xFormat: probability ? ChartFormat.axisPercent : ChartFormat.axisMillions,
                  yFormat: { _ in "" })
        for (i, row) in rows.enumerated() {
            let r = Double(i)
            let name = AnalysisReport.shortened(row.parameter.name, 26)
            plot.text(name, atX: plot.plotLeft - 10, y: plot.y(r + 0.45), anchor: "end", class: "row-label")
            plot.text(AnalysisReport.shortened(row.parameter.settings, 30), atX: plot.plotLeft - 10,
                      y: plot.y(r + 0.45) + 15, anchor: "end", class: "label-muted")
            // The longer half first, so the shorter stays visible when both lie on one side of the base.
            let halves = [(row.low, "low-setting", row.parameter.lowSetting, "low"),
                          (row.high, "high-setting", row.parameter.highSetting, "high")]
                .sorted { abs($0.0 - baseValue) > abs($1.0 - baseValue) }
            for (end, name, setting, which) in halves where end.isFinite {
                plot.rect(x0: baseValue, x1: end, y0: r + 0.2, y1: r + 0.8, class: name,
                          title: "\(row.parameter.name) at its \(which) setting (\(row.parameter.setting(setting))): \(format(end)) (base \(format(baseValue)))")
            }
            if row.low == baseValue && row.high == baseValue {
                plot.text("no change (\(format(baseValue)))", atX: plot.x(baseValue) + 8, y: plot.y(r + 0.5) + 4,
                          class: "label-muted")
                continue
            }
            for end in [row.low, row.high] where end.isFinite && end != baseValue {
                // Outside the bar's end when there is room before the plot's edge, else just inside it.
                let right = end > baseValue
                let px = plot.x(end)
                let room = right ? plot.width - 4 - px : px - plot.plotLeft
                let outside = room > Double(format(end).count) * 7 + 8
                plot.text(format(end), atX: px + (right == outside ? 5 : -5), y: plot.y(r + 0.5) + 4,
                          anchor: right == outside ? "start" : "end", class: outside ? "label" : "cell-text-light")
            }
        }
        plot.vertical(at: baseValue, class: "base-line")
        plot.legend([(.swatch, "low-setting", "at the low setting"), (.swatch, "high-setting", "at the high setting"),
                     (.line, "base-line", "base: \(format(baseValue))")])
        return plot.rendered()
    }

    func table() -> String {
        var html = "<section id=\"table\">\n<h2>The settings</h2>\n<div class=\"wide\"><table class=\"settings\">\n"
        html += ReportPage.row(["parameter", "low", "high", "P(exhaustion) low", "P(exhaustion) high", "swing",
                                "VaR 99% low", "VaR 99% high", "swing"], header: true)
        html += ReportPage.row(["base", "", "",
                                NumberFormat.percent(base[.pExhaustion]), "", "",
                                NumberFormat.money(base[.claimsVaR99]), "", ""])
        for parameter in parameters {
            let (pl, ph) = (parameter.low[.pExhaustion], parameter.high[.pExhaustion])
            let (vl, vh) = (parameter.low[.claimsVaR99], parameter.high[.claimsVaR99])
            html += ReportPage.row([parameter.name, parameter.setting(parameter.lowSetting), parameter.setting(parameter.highSetting),
                                    NumberFormat.percent(pl), NumberFormat.percent(ph),
                                    NumberFormat.fixed(abs(ph - pl) * 100, digits: 2) + " pp",
                                    NumberFormat.money(vl), NumberFormat.money(vh), NumberFormat.money(abs(vh - vl))])
        }
        return html + "</table></div>\n<p class=\"small\">Settings: PD, correlation, compensation ratio and pool size "
            + "are factors on the scenario's values (×), LGD a shift added to every loss given default; any other name is a "
            + "scenario key set to the value shown. VaR in yuan; “pp”: percentage points. sensitivity.csv holds every "
            + "headline statistic of every setting.</p>\n</section>\n"
    }
}
