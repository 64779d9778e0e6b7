import PoolSimCore
import PoolSimText

/// HTML reports of the analyses (compare, sweep, sensitivity): one
/// self-contained page each, in the style of the single-run report and built
/// from the same pieces (page, stylesheet, `SVGPlot`, the claims and balance
/// series). Everything comes from the analysis's results alone; the words
/// and the ways of writing money come from `PageText` in the reader's language.
public enum AnalysisReport {
    /// The runs side by side, with each one's paired differences from the first.
    public static func compare(_ results: CompareResults, language: Language) -> String {
        let t = PageText(language)
        let runs = results.columns.map(\.label).joined(separator: t(.runsSeparator))
        return page(title: t(.compareTitle, ["runs": runs]), body: CompareReport(results, t).body(), language: language)
    }

    /// Line charts for one swept key, heat maps for two, and a table of every point.
    public static func sweep(_ results: SweepResults, language: Language) -> String {
        let t = PageText(language)
        let title = t(.sweepTitle, ["scenario": results.scenarioName, "keys": results.axes.map(\.path).joined(separator: " × ")])
        return page(title: title, body: SweepReport(results, t).body(), language: language)
    }

    /// Each parameter's swing as tornado charts, with the caveat of one-at-a-time swings.
    public static func sensitivity(_ results: SensitivityResults, language: Language) -> String {
        let t = PageText(language)
        return page(title: t(.sensitivityTitle, ["scenario": results.scenarioName]),
                    body: SensitivityReport(results, t).body(), language: language)
    }

    // MARK: Shared

    /// The page around `body`, in `language` (`<html lang>`); `extraStyle` follows the analyses' stylesheet.
    static func page(title: String, body: String, language: Language, extraStyle: String = "") -> String {
        let css = style + extraStyle + (language == .zh ? chineseStyle : "")
        return ReportPage.render(title: title, style: css, body: body, language: language)
    }

    /// Chinese headers wrap at spaces and brackets, not inside a word: "耗尽概率（低值）", not "耗尽概率（低 / 值）".
    static let chineseStyle = "th { word-break: keep-all; }\n"

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

// MARK: - Words and numbers

/// The words and numbers of an analysis page in one language: the catalogue's
/// texts (`t(.key, [...])`) and the page's ways of writing money, probabilities
/// and swept values. English keeps yuan and millions; Chinese writes 万元 in
/// tables and 亿元/万元 in text and on charts.
struct PageText {
    let language: Language
    let money: MoneyFormat

    init(_ language: Language) {
        self.language = language
        money = MoneyFormat(language)
    }

    func callAsFunction(_ key: AnalysisReportText, _ arguments: [String: String] = [:]) -> String {
        key.text(language, arguments)
    }

    /// A headline statistic's name in a table, with its unit.
    func label(_ statistic: HeadlineStatistic) -> String {
        AnalysisExport.label(statistic).text(language, ["unit": money.tableUnit])
    }

    /// A headline statistic in a table: percent for probabilities, money in the table's unit otherwise.
    func value(_ statistic: HeadlineStatistic, _ value: Double) -> String {
        statistic == .pExhaustion ? NumberFormat.percent(value) : money.cell(value)
    }

    /// A difference with its interval: "+25.45 pp [23.54, 27.36]" or "+218,111,919 [214,059,483, 222,164,354]";
    /// "+25.45 个百分点 [23.54, 27.36]" or "+21,811.19 [21,405.95, 22,216.44]" (万元).
    func difference(_ statistic: HeadlineStatistic, _ delta: PairedDifference?) -> String {
        guard let d = delta?.difference, d.isFinite else { return "–" }
        let format = { (v: Double) -> String in
            statistic == .pExhaustion ? NumberFormat.fixed(v * 100, digits: 2) : money.cell(v)
        }
        let signed = (d > 0 ? "+" : "") + format(d)
        var text = statistic == .pExhaustion ? points(signed) : signed
        if let low = delta?.ciLow, let high = delta?.ciHigh, low.isFinite, high.isFinite {
            text += " [\(format(low)), \(format(high))]"
        }
        return text
    }

    /// A number of percentage points: "25.45 pp"; "25.45 个百分点".
    func points(_ number: String) -> String { self(.percentagePoints, ["value": number]) }

    /// A probability with its 95% interval, for tooltips.
    func estimate(_ value: String, low: String, high: String) -> String {
        self(.estimateWithInterval, ["estimate": value, "low": low, "high": high])
    }

    /// An amount on its own in text and tooltips: "146.8 M yuan"; "1.47 亿元".
    func amount(_ yuan: Double) -> String { money.text(yuan) }

    /// An amount by a chart's marks, where the axis names the unit in English: "146.8 M"; "1.47 亿元".
    func chartAmount(_ yuan: Double) -> String {
        language == .en ? NumberFormat.millions(yuan) : money.text(yuan)
    }

    /// An amount printed by its point on a money axis reaching `largest`: "6.5 M"; "6,485.1", in the axis's 万元 or 亿元.
    func pointAmount(_ yuan: Double, largest: Double) -> String {
        if language == .en { return NumberFormat.millions(yuan) }
        let divisor = money.axis(largest: largest).divisor
        return NumberFormat.fixed(yuan / divisor, digits: divisor >= 1e8 ? 2 : 1)
    }

    /// An amount to the yuan in English ("41,935,607 yuan"), as in text in Chinese.
    func preciseAmount(_ yuan: Double) -> String {
        language == .en ? NumberFormat.money(yuan) + " " + CommonText.yuan.text(.en) : money.text(yuan)
    }

    /// A money axis reaching `largest` yuan: its unit and tick labels ("million yuan", "80"; "亿元", "1.5").
    func moneyAxis(largest: Double) -> (unit: String, format: (Double) -> String) {
        let (divisor, unit) = money.axis(largest: largest)
        if language == .en { return (unit, ChartFormat.axisMillions) }
        return (unit, { PageText.tick($0 / divisor) })
    }

    /// The amounts in a heat map's cells and legend, whose largest is `highest`: English
    /// "12.35 M" in both, Chinese numbers in `unit` in the cells and with it in the legend.
    func heatMapAmounts(highest: Double) -> (unit: String, cell: (Double) -> String, legend: (Double) -> String) {
        if language == .en {
            let digits = highest < 1e6 ? 3 : highest < 1e7 ? 2 : 1
            let format = { (v: Double) in NumberFormat.millions(v, digits: digits) }
            return (CommonText.millionYuan.text(.en), format, format)
        }
        let (divisor, unit) = money.axis(largest: highest)
        let scaled = highest / divisor
        let digits = scaled < 10 ? 2 : scaled < 1000 ? 1 : 0
        let cell = { (v: Double) in NumberFormat.fixed(v / divisor, digits: digits) }
        return (unit, cell, { cell($0) + " " + unit })
    }

    /// `text` cut to about `limit` Latin characters' width. Chinese characters are twice as wide,
    /// so Chinese pages count them twice; English pages cut by characters, as they always have.
    func fitted(_ text: String, _ limit: Int) -> String {
        guard language == .zh else { return AnalysisReport.shortened(text, limit) }
        func width(_ c: Character) -> Int {
            c.unicodeScalars.contains { (0x2E80...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) } ? 2 : 1
        }
        guard text.reduce(0, { $0 + width($1) }) > limit else { return text }
        var cut = "", used = 0
        for c in text {
            used += width(c)
            if used > limit - 1 { break }
            cut.append(c)
        }
        return cut + "…"
    }

    /// A tick value with the decimals it needs (at most three): "1.5", "2", "0.25".
    static func tick(_ value: Double) -> String {
        var scale = 1.0
        for digits in 0..<3 {
            let scaled = value * scale
            if abs(scaled - scaled.rounded()) < 1e-6 { return NumberFormat.fixed(value, digits: digits) }
            scale *= 10
        }
        return NumberFormat.fixed(value, digits: 3)
    }

    /// A large number in few characters: "80 M"; "8,000 万", "1.5 亿". Smaller ones in plain decimals.
    func compact(_ value: Double) -> String {
        switch language {
        case .en:
            return abs(value) >= 1e6 ? ChartFormat.axisMillions(value) + " M" : NumberFormat.plain(value)
        case .zh:
            if abs(value) >= 1e8 { return self(.numberInHundredMillions, ["number": Self.tick(value / 1e8)]) }
            if abs(value) >= 1e4 { return self(.numberInTenThousands, ["number": Self.tick(value / 1e4)]) }
            return NumberFormat.plain(value)
        }
    }

    /// A swept value on an axis: numbers `compact`, words as they are.
    func compact(_ text: String) -> String { Double(text).map(compact) ?? text }
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
    let t: PageText

    init(_ results: CompareResults, _ t: PageText) {
        runs = results.columns
        deltas = results.deltas
        horizon = runs.map(\.results.statistics.byYear.count).max() ?? 0
        self.t = t
    }

    /// Column k's difference from the first column (k ≥ 1).
    func delta(_ k: Int, _ statistic: HeadlineStatistic) -> PairedDifference? {
        deltas.indices.contains(k - 1) ? deltas[k - 1][statistic] : nil
    }

    func body() -> String {
        let names = HTML.escape(runs.map(\.label).joined(separator: t(.runsSeparator)))
        var html = "<header>\n<h1>\(t(.compareHeading, ["runs": names]))</h1>\n"
        // Every run has the first one's trials and seed.
        let first = runs.first?.results.metadata
        var facts = t(.compareFactsRuns, ["count": String(runs.count)])
        if let first { facts += t(.compareFactsTrials, ["trials": NumberFormat.count(Double(first.trials))]) }
        if horizon > 0 { facts += t(.compareFactsHorizon, ["years": CommonText.years(horizon, t.language)]) }
        if let first { facts += t(.compareFactsSeed, ["seed": String(first.seed)]) }
        html += "<p class=\"subtitle\">\(facts)</p>\n</header>\n"
        html += "<p class=\"note\">\(t(.compareNote))</p>\n"
        html += headlineTable()
        html += "<section id=\"charts\">\n<h2>\(t(.chartsHeading))</h2>\n"
        html += ReportPage.figure(claims(), caption: t(.compareClaimsCaption))
        html += ReportPage.figure(balance(), caption: t(.compareBalanceCaption))
        html += ReportPage.figure(exhaustion(), caption: t(.compareExhaustionCaption))
        html += "</section>\n"
        html += runsTable()
        return html
    }

    /// Two runs: one column each, as on the terminal. More: one row per statistic and run, so the
    /// table keeps to the page's width however many runs there are.
    func headlineTable() -> String {
        guard !runs.isEmpty else { return "<p>\(t(.compareNoRuns))</p>\n" }
        var html = "<section id=\"headline\">\n<h2>\(t(.headlineHeading))</h2>\n<div class=\"wide\"><table class=\"headline\">\n"
        let versus = t(.versusFirstWithInterval, ["run": runs[0].label])
        if runs.count <= 2 {
            var header = [t(.columnStatistic), runs[0].label]
            for run in runs.dropFirst() { header += [run.label, versus] }
            html += ReportPage.row(header, header: true)
            for statistic in HeadlineStatistic.allCases {
                var cells = [t.label(statistic)]
                for (k, run) in runs.enumerated() {
                    cells.append(t.value(statistic, statistic.value(run.summary)))
                    if k > 0 { cells.append(t.difference(statistic, delta(k, statistic))) }
                }
                html += ReportPage.row(cells)
            }
        } else {
            html += "<tr><th>\(HTML.escape(t(.columnStatistic)))</th><th>\(HTML.escape(t(.columnRun)))</th>"
                + "<th class=\"num\">\(HTML.escape(t(.columnValue)))</th><th class=\"num\">\(HTML.escape(versus))</th></tr>\n"
            for statistic in HeadlineStatistic.allCases {
                for (k, run) in runs.enumerated() {
                    let value = t.value(statistic, statistic.value(run.summary))
                    let cells = [k == 0 ? t.label(statistic) : "", run.label, value,
                                 k == 0 ? "" : t.difference(statistic, delta(k, statistic))]
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
        let xDomain = LinearScale.zeroTo(highest, count: 7)
        var plot = SVGPlot(kind: "compare-claims", title: t(.compareClaimsTitle), xDomain: xDomain, yDomain: (0, 1))
        guard curves.contains(where: { $0.count > 1 }) else {
            plot.message(t(.compareClaimsEmpty))
            return plot.rendered()
        }
        let axis = t.moneyAxis(largest: xDomain.high)
        plot.axes(xLabel: t(.axisTotalClaims, ["unit": axis.unit]), yLabel: t(.axisCumulativeProbability),
                  yTicks: [0, 0.2, 0.4, 0.6, 0.8, 1.0], xFormat: axis.format, yFormat: ChartFormat.axisPercent)
        var legend: [(mark: SVGPlot.LegendMark, class: String, label: String)] = []
        if let shared {
            plot.vertical(at: shared, class: "pool-line")
        }
        for (k, curve) in curves.enumerated() {
            let s = AnalysisReport.series(k)
            plot.line(curve, class: "line-\(s)")
            for (value, level) in curve {
                plot.dot((value, level), class: "dot-\(s)", radius: 2.8, title: t(.compareClaimsTooltip, [
                    "run": runs[k].label, "share": ChartFormat.axisPercent(level), "amount": t.amount(value),
                ]))
            }
            let mean = runs[k].summary.total(.claims).mean
            legend.append((.line, "line-\(s)", t(.legendMean, ["run": runs[k].label, "amount": t.chartAmount(mean)])))
        }
        if let shared { legend.append((.line, "pool-line", t(.legendStartingBalance, ["amount": t.chartAmount(shared)]))) }
        plot.legend(legend)
        return plot.rendered()
    }

    func balance() -> String {
        let fans = runs.map { run in
            (p5: ReportSeries.balance(run.results, .p5), p50: ReportSeries.balance(run.results, .p50),
             p95: ReportSeries.balance(run.results, .p95))
        }
        let highest = fans.flatMap { $0.p95.map(\.1) + $0.p50.map(\.1) }.filter(\.isFinite).max() ?? 0
        let yDomain = LinearScale.zeroTo(highest)
        var plot = SVGPlot(kind: "compare-balance", title: t(.compareBalanceTitle),
                           xDomain: (0, Double(max(horizon, 1))), yDomain: yDomain)
        guard horizon > 0 else {
            plot.message(t(.compareBalanceEmpty))
            return plot.rendered()
        }
        let axis = t.moneyAxis(largest: yDomain.high)
        plot.axes(xLabel: t(.axisEndOfYear), yLabel: t(.axisPoolBalance, ["unit": axis.unit]), xTicks: (0...horizon).map(Double.init),
                  xFormat: { NumberFormat.fixed($0, digits: 0) }, yFormat: axis.format)
        for (k, fan) in fans.enumerated() {
            plot.band(lower: fan.p5, upper: fan.p95, class: "band-\(AnalysisReport.series(k))")
        }
        var legend: [(mark: SVGPlot.LegendMark, class: String, label: String)] = []
        for (k, fan) in fans.enumerated() {
            let s = AnalysisReport.series(k)
            plot.line(fan.p50, class: "line-\(s)")
            for (year, value) in fan.p50 {
                plot.dot((year, value), class: "dot-\(s)", radius: 2.8, title: t(.compareBalanceTooltip, [
                    "run": runs[k].label, "year": String(Int(year)), "amount": t.amount(value),
                ]))
            }
            legend.append((.line, "line-\(s)", t(.legendMedian, ["run": runs[k].label])))
            legend.append((.swatch, "band-\(s)", t(.legendP5ToP95, ["run": runs[k].label])))
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
        var plot = SVGPlot(kind: "compare-exhaustion", title: t(.compareExhaustionTitle),
                           height: 10 + rowHeight * rows + 58, margins: (24, 190, 10, 58),
                           xDomain: (0, top), yDomain: (rows, 0))
        guard !runs.isEmpty else {
            plot.message(t(.compareExhaustionEmpty))
            return plot.rendered()
        }
        plot.axes(xLabel: t(.axisExhaustionWithinHorizon), yLabel: "", yTicks: [],
                  xFormat: ChartFormat.axisPercent, yFormat: { _ in "" })
        for (k, p) in estimates.enumerated() {
            let row = Double(k), s = AnalysisReport.series(k)
            var label = runs[k].label
            if k > 0 {
                let difference = t.difference(.pExhaustion, delta(k, .pExhaustion))
                label = t(.compareExhaustionVersusFirst, ["run": label, "difference": difference])
            }
            plot.text(label, atX: plot.plotLeft + 2, y: plot.y(row) + 15, class: "label")
            let detail = t.estimate(NumberFormat.percent(p.estimate), low: NumberFormat.percent(p.low),
                                    high: NumberFormat.percent(p.high))
            plot.rect(x0: 0, x1: p.estimate, y0: row + 0.4, y1: row + 0.88, class: "dot-\(s)",
                      title: t(.labelled, ["label": runs[k].label, "text": detail]))
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
        var html = "<section id=\"runs\">\n<h2>\(t(.runsHeading))</h2>\n<div class=\"wide\"><table>\n"
        html += ReportPage.row([t(.columnRun), t(.columnScenario), t(.columnStress), t(.columnOverrides),
                                t(.columnStartingBalance), t(.columnTrials), t(.columnSeed)], header: true)
        let none = CommonText.none.text(t.language)
        for run in runs {
            let metadata = run.results.metadata
            html += ReportPage.row([
                run.label, metadata.scenarioName, metadata.stress ?? none,
                metadata.overrides.isEmpty ? none : metadata.overrides.joined(separator: "; "),
                t.money.cell(run.initialBalance), NumberFormat.count(Double(metadata.trials)), String(metadata.seed),
            ])
        }
        return html + "</table></div>\n<p class=\"small\">\(t(.runsNote))</p>\n</section>\n"
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

    /// The key under its axis: "pool.initial_balance (M = million)" when the ticks are shown in millions.
    func label(_ t: PageText) -> String {
        values.contains { (Double($0).map(abs) ?? 0) >= 1e6 } ? t(.sweptKeyCompact, ["key": path]) : path
    }
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
    let t: PageText

    init(_ results: SweepResults, _ t: PageText) {
        axes = results.axes
        points = results.points
        trials = results.trials
        seed = results.seed
        self.t = t
    }

    func body() -> String {
        let names = axes.map(\.path).joined(separator: " × ")
        var html = "<header>\n<h1>\(t(.sweepHeading, ["keys": HTML.escape(names.isEmpty ? t(.sweepNoKeys) : names)]))</h1>\n"
        let facts = t(.sweepFacts, ["points": String(points.count), "trials": NumberFormat.count(Double(trials)), "seed": String(seed)])
        html += "<p class=\"subtitle\">\(facts)</p>\n</header>\n"
        html += "<p class=\"note\">\(t(.sweepNote))</p>\n"
        html += "<section id=\"charts\">\n<h2>\(t(.chartsHeading))</h2>\n"
        if axes.count == 1 {
            let key = HTML.escape(axes[0].path)
            html += ReportPage.figure(lineChart(axes[0], exhaustion: true), caption: t(.sweepExhaustionLineCaption, ["key": key]))
            html += ReportPage.figure(lineChart(axes[0], exhaustion: false), caption: t(.sweepUnpaidLineCaption, ["key": key]))
        } else if axes.count == 2 {
            html += ReportPage.figure(heatMap(exhaustion: true), caption: t(.sweepExhaustionHeatMapCaption, [
                "across": HTML.escape(axes[0].path), "down": HTML.escape(axes[1].path),
            ]))
            let unit = t.heatMapAmounts(highest: heatMapHighest(heatCells(exhaustion: false), exhaustion: false)).unit
            html += ReportPage.figure(heatMap(exhaustion: false), caption: t(.sweepUnpaidHeatMapCaption, ["unit": unit]))
        } else {
            html += "<p>\(t(.sweepTooManyKeys, ["count": String(axes.count)]))</p>\n"
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
        let title = t(exhaustion ? .sweepExhaustionLineTitle : .sweepUnpaidLineTitle, ["key": axis.path])
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
            plot.message(t(.sweepNoPoints))
            return plot.rendered()
        }
        let values = axis.values
        let xFormat: (Double) -> String = scaled
            ? { [t] value in t.compact(value) }
            : { [t] index in values.indices.contains(Int(index)) ? t.compact(values[Int(index)]) : "" }
        let ticks = scaled && values.count > 9 ? nil : (scaled ? xs : values.indices.map(Double.init))
        let money = t.moneyAxis(largest: yDomain.1)
        plot.axes(xLabel: axis.label(t),
                  yLabel: exhaustion ? t(.axisExhaustion) : t(.axisMeanUnpaid, ["unit": money.unit]),
                  xTicks: ticks, xFormat: xFormat,
                  yFormat: exhaustion ? ChartFormat.axisPercent : money.format)
        plot.line(rows.map { ($0.x, $0.y) }, class: "curve")
        let span = xDomain.1 - xDomain.0
        let format: (Double) -> String = exhaustion ? { NumberFormat.percent($0) } : { [t] in t.chartAmount($0) }
        for row in rows {
            plot.whisker(at: row.x, low: row.low, high: row.high, cap: span * 0.008)
            let text = format(row.y)
            plot.dot((row.x, row.y), class: "point", radius: 4, title: t(.sweepPointTooltip, [
                "key": axis.path, "value": row.label, "detail": t.estimate(text, low: format(row.low), high: format(row.high)),
            ]))
            if rows.count <= 12, row.high.isFinite {
                let label = exhaustion ? text : t.pointAmount(row.y, largest: yDomain.1)
                plot.text(label, atX: plot.x(row.x) + 7, y: plot.y(row.y) - 7, class: "label")
            }
        }
        return plot.rendered()
    }

    /// The heat map's cells: one per point on the grid, with its value and what its tooltip says.
    func heatCells(exhaustion: Bool) -> [(column: Int, row: Int, value: Double, detail: String)] {
        let (across, down) = (axes[0], axes[1])
        var cells: [(column: Int, row: Int, value: Double, detail: String)] = []
        for point in points {
            guard let column = across.values.firstIndex(where: { $0 == point.text(across) }),
                  let row = down.values.firstIndex(where: { $0 == point.text(down) }) else { continue }
            if exhaustion {
                let p = point.summary.pExhaustion
                cells.append((column, row, p.estimate, t.estimate(NumberFormat.percent(p.estimate),
                                                                  low: NumberFormat.percent(p.low), high: NumberFormat.percent(p.high))))
            } else {
                let unpaid = point.unpaid.mean
                cells.append((column, row, unpaid, t.preciseAmount(unpaid)))
            }
        }
        return cells
    }

    /// The top of the heat map's colour scale.
    func heatMapHighest(_ cells: [(column: Int, row: Int, value: Double, detail: String)], exhaustion: Bool) -> Double {
        max(cells.map(\.value).filter(\.isFinite).max() ?? 0, exhaustion ? 0.001 : 1)
    }

    func heatMap(exhaustion: Bool) -> String {
        let (across, down) = (axes[0], axes[1])
        let kind = exhaustion ? "sweep-exhaustion-heatmap" : "sweep-unpaid-heatmap"
        let title = t(exhaustion ? .sweepExhaustionHeatMapTitle : .sweepUnpaidHeatMapTitle, ["across": across.path, "down": down.path])
        let cells = heatCells(exhaustion: exhaustion)
        let columns = max(across.values.count, 1), rowCount = max(down.values.count, 1)
        let longest = down.values.map { t.compact($0).count }.max() ?? 1
        let left = min(200, max(84, 44 + Double(longest) * 7.5))
        let cellHeight = rowCount > 8 ? 34.0 : 48.0
        var plot = SVGPlot(kind: kind, title: title, height: 20 + cellHeight * Double(rowCount) + 58,
                           margins: (left, 24, 20, 58),
                           xDomain: (0, Double(columns)), yDomain: (Double(rowCount), 0))
        guard !cells.isEmpty else {
            plot.message(t(.sweepNoPoints))
            return plot.rendered()
        }
        let downValues = down.values, acrossValues = across.values
        plot.axes(xLabel: across.label(t), yLabel: down.label(t),
                  xTicks: (0..<columns).map { Double($0) + 0.5 }, yTicks: (0..<rowCount).map { Double($0) + 0.5 },
                  xFormat: { [t] in acrossValues.indices.contains(Int($0)) ? t.compact(acrossValues[Int($0)]) : "" },
                  yFormat: { [t] in downValues.indices.contains(Int($0)) ? t.compact(downValues[Int($0)]) : "" })
        let highest = heatMapHighest(cells, exhaustion: exhaustion)
        let stops = exhaustion ? AnalysisReport.heat : AnalysisReport.blues
        let fontFits = (plot.plotRight - plot.plotLeft) / Double(columns) > 52
        let amounts = t.heatMapAmounts(highest: highest)
        for cell in cells {
            let (fill, dark) = AnalysisReport.colour(cell.value / highest, stops: stops)
            let (c, r) = (Double(cell.column), Double(cell.row))
            plot.rect(x0: c, x1: c + 1, y0: r, y1: r + 1, class: "cell", fill: cell.value.isFinite ? fill : "#f3f4f6",
                      title: t(.heatMapCellTooltip, [
                          "across": across.path, "acrossValue": AnalysisReport.cellText(across.values[cell.column]),
                          "down": down.path, "downValue": AnalysisReport.cellText(down.values[cell.row]), "detail": cell.detail,
                      ]))
            if fontFits {
                let text = exhaustion ? NumberFormat.percent(cell.value, digits: 1) : amounts.cell(cell.value)
                plot.text(text, atX: plot.x(c + 0.5), y: plot.y(r + 0.5) + 4.5, anchor: "middle",
                          class: dark ? "cell-text-light" : "cell-text")
            }
        }
        plot.legend((0...4).map { step in
            let value = highest * Double(step) / 4
            let label = exhaustion ? NumberFormat.percent(value, digits: 1) : amounts.legend(value)
            return (mark: .fill(AnalysisReport.colour(Double(step) / 4, stops: stops).hex), class: "cell", label: label)
        })
        return plot.rendered()
    }

    func table() -> String {
        var html = "<section id=\"points\">\n<h2>\(t(.pointsHeading))</h2>\n<div class=\"wide\"><table>\n"
        html += ReportPage.row(axes.map(\.path) + [t(.columnPExhaustion), t(.columnInterval), t(.columnClaimsMean),
                                                   t(.columnUnpaidMean), t(.columnClaimsVaR99), t(.columnClaimsES99)], header: true)
        for point in points {
            let p = point.summary.pExhaustion
            html += ReportPage.row(axes.map { AnalysisReport.cellText(point.text($0)) } + [
                NumberFormat.percent(p.estimate), "\(NumberFormat.percent(p.low))–\(NumberFormat.percent(p.high))",
                t.money.cell(point.headline[.claimsMean]), t.money.cell(point.unpaid.mean),
                t.money.cell(point.headline[.claimsVaR99]), t.money.cell(point.headline[.claimsES99]),
            ])
        }
        return html + "</table></div>\n<p class=\"small\">\(t(.pointsNote))</p>\n</section>\n"
    }
}

// MARK: - Sensitivity

private extension SensitivityResults.Swing {
    /// The built-in parameter this one is, by the name the command line or the defaults gave it; nil for scenario keys.
    var builtIn: AnalysisReportText? {
        switch name.lowercased() {
        case "pd": .parameterPD
        case "correlation": .parameterCorrelation
        case "lgd": .parameterLGD
        case "ratio", "compensation ratio": .parameterCompensationRatio
        case "pool", "pool size": .parameterPoolSize
        default: nil
        }
    }

    /// The parameter's name for people: English keeps it as given ("pd", "pool size"), Chinese
    /// names the built-in ones in words; scenario keys stay as written in both.
    func label(_ t: PageText) -> String {
        guard t.language != .en, let builtIn else { return name }
        return t(builtIn)
    }

    /// How a setting reads: factors "×0.5", shifts "−0.1", scenario keys as given.
    func setting(_ text: String) -> String {
        switch builtIn {
        case .parameterLGD: (text.hasPrefix("-") || text.hasPrefix("+") ? text : "+" + text).replacingOccurrences(of: "-", with: "−")
        case .some: "×" + text
        case nil:
            if let number = Double(text), abs(number) >= 1e4, number == number.rounded() { NumberFormat.money(number) } else { text }
        }
    }

    func settings(_ t: PageText) -> String {
        t(.settingsLowHigh, ["low": setting(lowSetting), "high": setting(highSetting)])
    }
}

private struct SensitivityReport {
    let trials: Int
    let seed: UInt64
    let caveat: String
    let base: HeadlineValues
    let parameters: [SensitivityResults.Swing]
    let t: PageText

    init(_ results: SensitivityResults, _ t: PageText) {
        trials = results.trials
        seed = results.seed
        // analysis.json records the caveat in English; other languages say it from the catalogue.
        caveat = t.language == .en ? results.caveat : t(.oneAtATimeCaveat)
        base = results.base
        parameters = results.parameters
        self.t = t
    }

    func body() -> String {
        var html = "<header>\n<h1>\(t(.sensitivityHeading))</h1>\n"
        let facts = t(.sensitivityFacts, ["count": String(parameters.count), "trials": NumberFormat.count(Double(trials)),
                                          "seed": String(seed)])
        html += "<p class=\"subtitle\">\(facts)</p>\n</header>\n"
        html += "<p class=\"caveat\">\(t(.sensitivityCaveat, ["caveat": HTML.escape(caveat)]))</p>\n"
        let p = base[.pExhaustion], var99 = base[.claimsVaR99]
        html += "<p>\(t(.sensitivityBase, ["p": NumberFormat.percent(p), "var": t.amount(var99)]))</p>\n"
        html += "<section id=\"charts\">\n<h2>\(t(.chartsHeading))</h2>\n"
        html += ReportPage.figure(tornado(.pExhaustion), caption: t(.sensitivityExhaustionCaption))
        html += ReportPage.figure(tornado(.claimsVaR99), caption: t(.sensitivityVaRCaption))
        html += "</section>\n"
        return html + table()
    }

    func tornado(_ statistic: HeadlineStatistic) -> String {
        let probability = statistic == .pExhaustion
        let kind = probability ? "sensitivity-exhaustion" : "sensitivity-var"
        let baseValue = base[statistic]
        let rows = parameters.map { (parameter: $0, low: $0.low[statistic], high: $0.high[statistic]) }
            .enumerated().sorted {
                let a = abs($0.element.high - $0.element.low), b = abs($1.element.high - $1.element.low)
                return a != b && a.isFinite && b.isFinite ? a > b : $0.offset < $1.offset
            }.map(\.element)
        let rowHeight = 46.0
        let count = Double(max(rows.count, 1))
        let format: (Double) -> String = probability ? { NumberFormat.percent($0) } : { [t] in t.chartAmount($0) }
        var domain = AnalysisReport.roundDomain([baseValue] + rows.flatMap { [$0.low, $0.high] },
                                                limits: probability ? (0, 1) : (0, .infinity))
        // Room for the value labels at both ends of the bars.
        let pad = (domain.1 - domain.0) * 0.12
        domain = (probability ? max(0, domain.0 - pad) : max(0, domain.0 - pad), probability ? min(1, domain.1 + pad) : domain.1 + pad)
        var plot = SVGPlot(kind: kind, title: t(probability ? .tornadoExhaustionTitle : .tornadoVaRTitle),
                           height: 16 + rowHeight * count + 58, margins: (200, 36, 16, 58),
                           xDomain: domain, yDomain: (count, 0))
        guard !rows.isEmpty else {
            plot.message(t(.sensitivityNoParameters))
            return plot.rendered()
        }
        let money = t.moneyAxis(largest: domain.1)
        plot.axes(xLabel: probability ? t(.axisExhaustionWithinHorizon) : t(.axisClaimsVaR99, ["unit": money.unit]),
                  yLabel: "", yTicks: [], xFormat: probability ? ChartFormat.axisPercent : money.format,
                  yFormat: { _ in "" })
        for (i, row) in rows.enumerated() {
            let r = Double(i)
            let name = row.parameter.label(t)
            plot.text(t.fitted(name, 26), atX: plot.plotLeft - 10, y: plot.y(r + 0.45), anchor: "end", class: "row-label")
            plot.text(t.fitted(row.parameter.settings(t), 30), atX: plot.plotLeft - 10,
                      y: plot.y(r + 0.45) + 15, anchor: "end", class: "label-muted")
            // The longer half first, so the shorter stays visible when both lie on one side of the base.
            let halves: [(Double, String, String, AnalysisReportText)] = [
                (row.low, "low-setting", row.parameter.lowSetting, .tornadoLowTooltip),
                (row.high, "high-setting", row.parameter.highSetting, .tornadoHighTooltip),
            ].sorted { abs($0.0 - baseValue) > abs($1.0 - baseValue) }
            for (end, classes, setting, tooltip) in halves where end.isFinite {
                plot.rect(x0: baseValue, x1: end, y0: r + 0.2, y1: r + 0.8, class: classes, title: t(tooltip, [
                    "parameter": name, "setting": row.parameter.setting(setting), "value": format(end), "base": format(baseValue),
                ]))
            }
            if row.low == baseValue && row.high == baseValue {
                plot.text(t(.noChange, ["value": format(baseValue)]), atX: plot.x(baseValue) + 8, y: plot.y(r + 0.5) + 4,
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
        plot.legend([(.swatch, "low-setting", t(.legendLowSetting)), (.swatch, "high-setting", t(.legendHighSetting)),
                     (.line, "base-line", t(.legendBase, ["value": format(baseValue)]))])
        return plot.rendered()
    }

    func table() -> String {
        var html = "<section id=\"table\">\n<h2>\(t(.settingsHeading))</h2>\n<div class=\"wide\"><table class=\"settings\">\n"
        html += ReportPage.row([t(.columnParameter), t(.columnLow), t(.columnHigh), t(.columnPExhaustionLow),
                                t(.columnPExhaustionHigh), t(.columnSwingExhaustion), t(.columnVaR99Low), t(.columnVaR99High),
                                t(.columnSwingVaR99)], header: true)
        html += ReportPage.row([t(.rowBase), "", "",
                                NumberFormat.percent(base[.pExhaustion]), "", "",
                                t.money.cell(base[.claimsVaR99]), "", ""])
        for parameter in parameters {
            let (pl, ph) = (parameter.low[.pExhaustion], parameter.high[.pExhaustion])
            let (vl, vh) = (parameter.low[.claimsVaR99], parameter.high[.claimsVaR99])
            html += ReportPage.row([parameter.label(t), parameter.setting(parameter.lowSetting), parameter.setting(parameter.highSetting),
                                    NumberFormat.percent(pl), NumberFormat.percent(ph),
                                    t.points(NumberFormat.fixed(abs(ph - pl) * 100, digits: 2)),
                                    t.money.cell(vl), t.money.cell(vh), t.money.cell(abs(vh - vl))])
        }
        return html + "</table></div>\n<p class=\"small\">\(t(.settingsNote))</p>\n</section>\n"
    }
}
