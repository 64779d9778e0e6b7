import PoolSimCore

/// The self-contained HTML report: one file with inline CSS and inline SVG
/// charts, nothing fetched from the network, readable on paper.
///
/// Order: the headline numbers, five charts, the tables, the scenario as run,
/// and how the numbers were made. Everything is drawn from the run's results
/// alone, so `poolsim report` can rebuild it from results.json.
public enum HTMLReport {
    public static func render(_ results: RunResults) -> String {
        let report = Report(results)
        let body = report.header() + report.headline() + report.charts() + report.tables()
            + report.scenarioSection() + report.methods()
        return ReportPage.render(title: "Pool risk report: " + report.scenarioName, body: body)
    }
}

/// The facts of one run's results, and the sections drawn from them.
private struct Report {
    let results: RunResults
    let metadata: RunMetadata
    let summary: RunSummary
    let byYear: [RunStatistics.YearStats]
    let byBank: [RunStatistics.BankStats]
    let poolSize: RunStatistics.PoolSize
    let scenario: ScenarioRecord?
    let scenarioName: String
    let horizonYears: Int
    let trials: Double
    /// The pool's balance at the start: the scenario's, else year 1's mean opening balance.
    let initialBalance: Double

    init(_ results: RunResults) {
        self.results = results
        metadata = results.metadata
        summary = results.statistics.summary
        byYear = results.statistics.byYear
        byBank = results.statistics.byBank
        poolSize = results.statistics.poolSize
        scenario = results.scenario
        scenarioName = metadata.scenarioName
        horizonYears = scenario?.horizonYears ?? byYear.count
        trials = Double(metadata.trials)
        initialBalance = ReportSeries.initialBalance(results)
    }

    // MARK: Formatting

    static func yuan(_ value: Double) -> String { NumberFormat.money(value) }
    static func percent(_ value: Double) -> String { NumberFormat.percent(value) }
    /// "146.8 M yuan".
    static func millions(_ value: Double) -> String { ChartFormat.millions(value) }
    static func axisMillions(_ value: Double) -> String { ChartFormat.axisMillions(value) }
    static func axisPercent(_ value: Double) -> String { ChartFormat.axisPercent(value) }
    static func esc(_ text: String) -> String { HTML.escape(text) }

    var yearsText: String { horizonYears == 1 ? "1 year" : "\(horizonYears) years" }
    var requiredBalances: [RunStatistics.RequiredBalance] { poolSize.available ? poolSize.required : [] }
    func requiredBalance(ruin: Double) -> Double? {
        requiredBalances.first { abs($0.ruinProbability - ruin) < 1e-12 }?.initialBalance
    }

    // MARK: Header and headline

    func header() -> String {
        var html = "<header>\n<h1>Risk-compensation pool: \(Self.esc(scenarioName))</h1>\n"
        var subtitle: [String] = []
        if let description = scenario?.description { subtitle.append(Self.esc(description)) }
        subtitle.append("\(NumberFormat.count(trials)) simulated periods of \(yearsText), seed \(metadata.seed), "
            + "run \(Self.esc(metadata.createdAt))")
        html += "<p class=\"subtitle\">\(subtitle.joined(separator: "<br>"))</p>\n"
        if metadata.stopReason == .interrupted {
            let requested = metadata.trialsRequested
            html += "<p class=\"warning\"><b>This run was interrupted.</b> The results rest on the "
                + "\(NumberFormat.count(trials)) trials that finished"
                + (requested != metadata.trials ? " of \(NumberFormat.count(Double(requested))) asked for" : "") + ".</p>\n"
        }
        if let stress = metadata.stress {
            html += "<p class=\"warning\">Stress scenario applied: <b>\(Self.esc(stress))</b>.</p>\n"
        }
        return html + "</header>\n"
    }

    func headline() -> String {
        let p = summary.pExhaustion
        let claims = summary.total(.claims)
        let var99 = summary.valueAtRisk(.p99)
        let es99 = summary.expectedShortfall(.p99)
        var html = "<section id=\"headline\">\n<h2>At a glance</h2>\n<div class=\"cards\">\n"
        html += card(key: true, label: "Probability the pool runs dry within \(yearsText)",
                     value: Self.percent(p.estimate),
                     note: "95% interval \(Self.percent(p.low)) to \(Self.percent(p.high))")
        html += card(label: "Expected claims over \(yearsText)",
                     value: Self.millions(claims.mean),
                     note: "\(Self.yuan(claims.mean)) yuan ± \(Self.yuan(claims.mcse)) (Monte Carlo error)")
        html += card(label: "Claims in a 1-in-100 bad case (VaR 99%)",
                     value: Self.millions(var99),
                     note: "average of the worst 1% (ES 99%): \(Self.millions(es99))")
        let five = requiredBalance(ruin: 0.05), one = requiredBalance(ruin: 0.01)
        if let five, let one {
            html += card(label: "Starting balance for a 5% / 1% chance of running dry",
                         value: "\(NumberFormat.fixed(five / 1e6, digits: 1)) / \(NumberFormat.fixed(one / 1e6, digits: 1))",
                         note: "million yuan; the scenario starts with \(Self.millions(initialBalance))")
        } else {
            html += card(label: "Starting balance for a 5% / 1% chance of running dry", value: "not available",
                         note: requiredNotAvailableReason)
        }
        html += "</div>\n"

        let pText = Self.percent(p.estimate)
        html += "<p>The pool starts with <b>\(Self.yuan(initialBalance)) yuan</b>. In <b>\(pText)</b> of "
            + "\(NumberFormat.count(trials)) simulated periods of \(yearsText), the claims due in some year exceeded "
            + "the money in the pool, so banks were left to bear part of their losses. "
            + "Over \(yearsText) the banks claim \(Self.millions(claims.mean)) on average; "
            + "in one period out of a hundred they claim \(Self.millions(var99)) or more."
        if let five, let one {
            html += " A starting balance of \(Self.millions(five)) would have run dry in 5% of the periods, "
                + "\(Self.millions(one)) in 1%."
        }
        return html + "</p>\n</section>\n"
    }

    var poolSizeAvailable: Bool { poolSize.available && poolSize.curve.count > 1 }

    var requiredNotAvailableReason: String {
        if poolSize.available { return "the run did not record the 5% and 1% balances" }
        return "the scenario's coverage depends on the pool's balance (a leverage cap or a pool floor), "
            + "so no single trial has a required balance independent of the start"
    }

    func card(key: Bool = false, label: String, value: String, note: String) -> String {
        "<div class=\"card\(key ? " key" : "")\"><div class=\"label\">\(Self.esc(label))</div>"
            + "<div class=\"value\">\(Self.esc(value))</div><div class=\"note\">\(Self.esc(note))</div></div>\n"
    }

    // MARK: Charts

    func charts() -> String {
        var html = "<section id=\"charts\">\n<h2>Charts</h2>\n"
        html += figure(claimsDistribution(), caption: """
            <b>Distribution of total claims over \(yearsText).</b> The cumulative share of simulated periods (vertical) \
            whose claims were at most a given amount (horizontal). results.json keeps percentiles, not every trial, \
            so the curve joins the minimum, P1, P5, P25, P50, P75, P95, P99, P99.5, P99.9 and the maximum with straight \
            lines: a quantile chart, not a histogram. Dashed lines mark the value at risk (VaR) at 95%, 99% and 99.5%; \
            the green line is the pool's starting balance.
            """)
        html += figure(balanceFan(), caption: """
            <b>Pool balance at the end of each year.</b> The dark band holds the middle half of the simulated periods \
            (P25 to P75), the light band 90% of them (P5 to P95); the line is the median. Year 0 is the starting balance.
            """)
        html += figure(exhaustionByYear(), caption: """
            <b>Chance the pool has run dry by the end of each year</b> (cumulative), with 95% Wilson intervals as whiskers. \
            Running dry means the claims due in a year exceed the money available.
            """)
        html += figure(bankClaims(), caption: """
            <b>Claims by bank over \(yearsText), means over all simulated periods.</b> Blue: paid by the pool; \
            orange: not paid because the pool ran short, so borne by the bank.
            """)
        html += figure(poolSizeCurve(), caption: poolSizeAvailable ? """
            <b>Chance of running dry for other starting balances</b>, with the same simulated defaults. \
            Markers show the balances that bring it down to 5% and 1%; the green line is the scenario's balance.
            """ : "<b>Chance of running dry for other starting balances:</b> not available for this scenario.")
        return html + "</section>\n"
    }

    func figure(_ svg: String, caption: String) -> String { ReportPage.figure(svg, caption: caption) }

    func claimsDistribution() -> String {
        let stat = summary.total(.claims)
        let points = ReportSeries.cumulative(stat)
        let varLevels: [(TailLevel, String, String)] = [(.p95, "var95", "VaR 95%"), (.p99, "var99", "VaR 99%"),
                                                        (.p995, "var995", "VaR 99.5%")]
        let highest = (points.map(\.0) + [initialBalance]).filter(\.isFinite).max() ?? 0
        var plot = SVGPlot(kind: "claims-distribution",
                           title: "Cumulative distribution of total claims over \(yearsText), with VaR 95%, 99% and 99.5%",
                           xDomain: LinearScale.zeroTo(highest, count: 7), yDomain: (0, 1))
        guard points.count > 1 else {
            plot.message("No claims statistics in this results file.")
            return plot.rendered()
        }
        plot.axes(xLabel: "total claims over the horizon (million yuan)", yLabel: "cumulative probability (%)",
                  yTicks: [0, 0.2, 0.4, 0.6, 0.8, 1.0], xFormat: Self.axisMillions, yFormat: Self.axisPercent)
        plot.vertical(at: initialBalance, class: "pool-line")
        var legend: [(SVGPlot.LegendMark, String, String)] = []
        for (level, name, label) in varLevels {
            let value = summary.valueAtRisk(level)
            guard value.isFinite else { continue }
            plot.vertical(at: value, class: name)
            legend.append((.line, name, "\(label): \(NumberFormat.millions(value))"))
        }
        let mean = stat.mean
        plot.vertical(at: mean, class: "mean-line")
        plot.line(points, class: "curve")
        for (value, level) in points {
            plot.dot((value, level), class: "point", radius: 3,
                     title: "\(Self.axisPercent(level)) of periods: at most \(Self.millions(value))")
        }
        legend.append((.line, "mean-line", "mean: \(NumberFormat.millions(mean))"))
        if initialBalance.isFinite {
            legend.append((.line, "pool-line", "starting balance: \(NumberFormat.millions(initialBalance))"))
        }
        plot.legend(legend.map { (mark: $0.0, class: $0.1, label: $0.2) })
        return plot.rendered()
    }

    func balanceFan() -> String {
        func series(_ percentile: Percentile?) -> [(Double, Double)] { ReportSeries.balance(results, percentile) }
        let p5 = series(.p5), p25 = series(.p25), p50 = series(.p50), p75 = series(.p75), p95 = series(.p95)
        let highest = (p95.map(\.1) + [initialBalance]).filter(\.isFinite).max() ?? 0
        let lastYear = Double(max(byYear.count, 1))
        var plot = SVGPlot(kind: "balance-fan", title: "Pool balance by year: median, P25 to P75 and P5 to P95",
                           xDomain: (0, lastYear), yDomain: LinearScale.zeroTo(highest))
        guard !byYear.isEmpty else {
            plot.message("No yearly statistics in this results file.")
            return plot.rendered()
        }
        plot.axes(xLabel: "end of year", yLabel: "pool balance (million yuan)",
                  xTicks: (0...byYear.count).map(Double.init),
                  xFormat: { NumberFormat.fixed($0, digits: 0) }, yFormat: Self.axisMillions)
        plot.band(lower: p5, upper: p95, class: "band-outer")
        plot.band(lower: p25, upper: p75, class: "band-inner")
        plot.line(p50, class: "median")
        plot.line(series(nil), class: "mean-line")
        for (year, value) in p50 {
            plot.dot((year, value), class: "point", radius: 3, title: "year \(Int(year)): median \(Self.millions(value))")
        }
        plot.legend([(.swatch, "band-outer", "P5 to P95"), (.swatch, "band-inner", "P25 to P75"),
                     (.line, "median", "median"), (.line, "mean-line", "mean")])
        return plot.rendered()
    }

    func exhaustionByYear() -> String {
        let entries = summary.pExhaustionByYear
        let highest = entries.map(\.high).filter(\.isFinite).max() ?? 0
        let top = min(1, max(LinearScale.zeroTo(highest * 1.08).high, 0.01))
        var plot = SVGPlot(kind: "exhaustion-by-year",
                           title: "Probability the pool has run dry by the end of each year, with 95% intervals",
                           xDomain: (0.4, Double(max(entries.count, 1)) + 0.6), yDomain: (0, top))
        guard !entries.isEmpty else {
            plot.message("No yearly exhaustion probabilities in this results file.")
            return plot.rendered()
        }
        plot.axes(xLabel: "year", yLabel: "probability run dry by then (%)",
                  xTicks: (1...entries.count).map(Double.init),
                  xFormat: { NumberFormat.fixed($0, digits: 0) }, yFormat: Self.axisPercent)
        let barHalfWidth = min(0.3, 0.3 * 10 / Double(entries.count))
        for (i, entry) in entries.enumerated() {
            let year = Double(i + 1)
            let (estimate, low, high) = (entry.estimate, entry.low, entry.high)
            plot.rect(x0: year - barHalfWidth, x1: year + barHalfWidth, y0: 0, y1: estimate, class: "bar",
                      title: "year \(Int(year)): \(Self.percent(estimate)) (95% interval \(Self.percent(low)) to \(Self.percent(high)))")
            plot.whisker(at: year, low: low, high: high, cap: barHalfWidth / 3)
            if entries.count <= 15, high.isFinite {
                plot.text(Self.percent(estimate), atX: plot.x(year), y: plot.y(high) - 6, anchor: "middle")
            }
        }
        return plot.rendered()
    }

    func bankClaims() -> String {
        let rowHeight = 46.0
        let banks = byBank.map { bank -> (name: String, paid: Double, unpaid: Double) in
            (bank.name.isEmpty ? bank.id : bank.name, bank.stat(.paid).mean, bank.stat(.unpaid).mean)
        }
        let highest = banks.map { $0.paid + $0.unpaid }.filter(\.isFinite).max() ?? 0
        let height = 10 + rowHeight * Double(max(banks.count, 1)) + 58
        var plot = SVGPlot(kind: "bank-claims", title: "Mean claims by bank over \(yearsText): paid by the pool and unpaid",
                           height: height, margins: (24, 150, 10, 58),
                           xDomain: LinearScale.zeroTo(highest, count: 6), yDomain: (Double(max(banks.count, 1)), 0))
        guard !banks.isEmpty else {
            plot.message("No bank statistics in this results file.")
            return plot.rendered()
        }
        plot.axes(xLabel: "mean claims over the horizon (million yuan)", yLabel: "", yTicks: [],
                  xFormat: Self.axisMillions, yFormat: { _ in "" })
        for (i, bank) in banks.enumerated() {
            let row = Double(i)
            let total = bank.paid + bank.unpaid
            plot.text(bank.name, atX: plot.plotLeft + 2, y: plot.y(row) + 14, class: "label")
            plot.rect(x0: 0, x1: bank.paid, y0: row + 0.42, y1: row + 0.86, class: "paid",
                      title: "\(bank.name): paid \(Self.millions(bank.paid))")
            plot.rect(x0: bank.paid, x1: total, y0: row + 0.42, y1: row + 0.86, class: "unpaid",
                      title: "\(bank.name): unpaid \(Self.millions(bank.unpaid))")
            let unpaidShare = bank.unpaid / total
            let share = total > 0 ? " (\(NumberFormat.percent(unpaidShare, digits: unpaidShare < 0.1 ? 1 : 0)) unpaid)" : ""
            plot.text(NumberFormat.millions(total) + share, atX: plot.x(total) + 6, y: plot.y(row + 0.64) + 4, class: "label-muted")
        }
        plot.legend([(.swatch, "paid", "paid by the pool"), (.swatch, "unpaid", "unpaid, borne by the bank")])
        return plot.rendered()
    }

    func poolSizeCurve() -> String {
        let curve = poolSize.curve.map { ($0.initialBalance, $0.pExhaustion) }.filter { $0.0.isFinite && $0.1.isFinite }
        let five = requiredBalance(ruin: 0.05), one = requiredBalance(ruin: 0.01)
        let highest = (curve.map(\.0) + [initialBalance, five ?? 0, one ?? 0]).filter(\.isFinite).max() ?? 0
        guard curve.count > 1 else {
            var plot = SVGPlot(kind: "pool-size",
                               title: "Probability of running dry within \(yearsText) against the starting balance: not available",
                               height: 120, xDomain: (0, 1), yDomain: (0, 1))
            plot.message("Not available: " + requiredNotAvailableReason + ".")
            return plot.rendered()
        }
        var plot = SVGPlot(kind: "pool-size",
                           title: "Probability of running dry within \(yearsText) against the starting balance",
                           xDomain: LinearScale.zeroTo(highest, count: 7), yDomain: (0, 1))
        plot.axes(xLabel: "starting balance (million yuan)", yLabel: "probability of running dry (%)",
                  yTicks: [0, 0.2, 0.4, 0.6, 0.8, 1.0], xFormat: Self.axisMillions, yFormat: Self.axisPercent)
        plot.vertical(at: initialBalance, class: "pool-line")
        plot.line(curve, class: "curve")
        var legend: [(mark: SVGPlot.LegendMark, class: String, label: String)] = [
            (.line, "curve", "P(run dry) by starting balance"),
        ]
        if let five {
            plot.segment((five, 0), (five, 0.05), class: "guide")
            plot.dot((five, 0.05), class: "ruin5", radius: 5.5, title: "5%: \(Self.millions(five))")
            legend.append((.dot, "ruin5", "5% chance: \(NumberFormat.millions(five))"))
        }
        if let one {
            plot.segment((one, 0), (one, 0.01), class: "guide")
            plot.dot((one, 0.01), class: "ruin1", radius: 5.5, title: "1%: \(Self.millions(one))")
            legend.append((.dot, "ruin1", "1% chance: \(NumberFormat.millions(one))"))
        }
        if initialBalance.isFinite {
            legend.append((.line, "pool-line", "scenario's balance: \(NumberFormat.millions(initialBalance))"))
        }
        plot.legend(legend)
        return plot.rendered()
    }

    // MARK: Tables

    static func label(_ quantity: TotalQuantity) -> String {
        switch quantity {
        case .claims: "claims"
        case .paid: "paid by the pool"
        case .unpaid: "unpaid (borne by banks)"
        case .loss: "loss on defaulted loans"
        case .defaults: "defaults (count)"
        case .endBalance: "balance at the end"
        }
    }

    func tables() -> String {
        var html = "<section id=\"tables\" class=\"page-break\">\n<h2>Tables</h2>\n"
        html += "<h3>Totals over \(yearsText) (yuan)</h3>\n<div class=\"wide\"><table>\n"
        html += row(["quantity", "mean", "± MC error", "sd", "P5", "P50", "P95", "P99", "max"], header: true)
        for quantity in TotalQuantity.allCases {
            let stat = summary.total(quantity)
            let format = quantity == .defaults ? NumberFormat.count : NumberFormat.money
            let values = [stat.mean, stat.mcse, stat.sd, stat.percentile(.p5), stat.percentile(.p50),
                          stat.percentile(.p95), stat.percentile(.p99), stat.max]
            html += row([Self.label(quantity)] + values.map(format))
        }
        html += "</table></div>\n"

        html += "<h3>Tail of total claims (yuan)</h3>\n<table>\n"
        html += row(["level", "value at risk (VaR)", "expected shortfall (ES)"], header: true)
        for level in TailLevel.allCases {
            html += row([NumberFormat.percent(level.level, digits: 1),
                         Self.yuan(summary.valueAtRisk(level)), Self.yuan(summary.expectedShortfall(level))])
        }
        html += "</table>\n"

        html += "<h3>By year (means, yuan)</h3>\n<div class=\"wide\"><table>\n"
        html += row(["year", "opening balance", "claims", "paid", "unpaid", "top-up", "closing balance",
                     "defaults", "P(run dry by end of year)"], header: true)
        let probabilities = summary.pExhaustionByYear
        for (i, year) in byYear.enumerated() {
            let p = probabilities.indices.contains(i) ? probabilities[i] : ProbabilityEstimate(estimate: .nan, low: .nan, high: .nan)
            html += row([String(year.year)]
                + [.openingBalance, .claims, .paid, .unpaid, .topUp, .closingBalance].map { Self.yuan(year.stat($0).mean) }
                + [NumberFormat.count(year.stat(.defaults).mean),
                   "\(Self.percent(p.estimate)) (\(Self.percent(p.low))–\(Self.percent(p.high)))"])
        }
        html += "</table></div>\n"

        html += "<h3>By bank (means over \(yearsText), yuan)</h3>\n<div class=\"wide\"><table class=\"banks\">\n"
        html += row(["bank", "defaults", "loss", "claims", "paid", "unpaid", "unpaid share", "tail claims (worst 1%)"], header: true)
        for bank in byBank {
            let claims = bank.stat(.claims).mean
            let unpaid = bank.stat(.unpaid).mean
            html += "<tr><td>\(Self.esc(bank.name.isEmpty ? bank.id : bank.name))<br><span class=\"small\">\(Self.esc(bank.id))</span></td>"
            html += ([NumberFormat.count(bank.stat(.defaults).mean)]
                + [.loss, .claims, .paid, .unpaid].map { Self.yuan(bank.stat($0).mean) }
                + [claims > 0 ? Self.percent(unpaid / claims) : "–", Self.yuan(bank.tailContribution99)])
                .map { "<td class=\"num\">\(Self.esc($0))</td>" }.joined() + "</tr>\n"
        }
        html += "</table></div>\n<p class=\"small\">“Tail claims (worst 1%)”: the bank's mean claims over the periods "
            + "whose total claims reached the 99% value at risk — its share of a bad case.</p>\n"

        let required = requiredBalances
        html += "<h3>Starting balance for a given chance of running dry</h3>\n"
        if required.isEmpty {
            html += "<p>Not available: \(Self.esc(requiredNotAvailableReason)).</p>\n"
        } else {
            html += "<table>\n" + row(["chance of running dry", "starting balance (yuan)"], header: true)
            for balance in required {
                let ruin = balance.ruinProbability
                html += row([NumberFormat.percent(ruin, digits: ruin < 0.01 ? 1 : 0), Self.yuan(balance.initialBalance)])
            }
            html += "</table>\n"
        }
        return html + "</section>\n"
    }

    /// A table row; every cell but the first right-aligned.
    func row(_ cells: [String], header: Bool = false) -> String { ReportPage.row(cells, header: header) }

    // MARK: Scenario and methods

    func scenarioSection() -> String {
        var html = "<section id=\"scenario\" class=\"page-break\">\n<h2>The scenario as run</h2>\n<table class=\"kv\">\n"
        let overrides = metadata.overrides
        var facts: [(String, String)] = [("scenario", scenarioName),
                                         ("overrides (--set)", overrides.isEmpty ? "none" : overrides.joined(separator: "; "))]
        // Then every other key of the metadata, as results.json writes it.
        let shownAbove = [RunMetadata.CodingKeys.scenarioName, .overrides].map(\.stringValue)
        for (key, value) in XLSXExport.fields(of: metadata) where !shownAbove.contains(key) {
            facts.append((key.replacingOccurrences(of: "_", with: " "), value == .null ? "none" : CSVExport.cell(value)))
        }
        for (key, value) in facts {
            html += "<tr><td>\(Self.esc(key))</td><td>\(Self.esc(value))</td></tr>\n"
        }
        html += "</table>\n"
        guard let scenario else {
            return html + "<p>This results file does not record the resolved scenario.</p>\n</section>\n"
        }
        html += "<h3>Resolved scenario</h3>\n<p class=\"small\">Every setting after defaults, overrides and stress "
            + "were applied; key paths as in the scenario file. Money in yuan, probabilities and ratios as fractions. "
            + "Its <code>trials</code> and <code>seed</code> are the file's defaults; the run's own are in the table above.</p>\n"
        html += "<div class=\"wide\"><table class=\"scenario\">\n"
        for (path, value) in XLSXExport.flatten(scenario.document, path: "") {
            let text = value == .null ? "none" : CSVExport.cell(value)
            html += "<tr><td>\(Self.esc(path))</td><td>\(Self.esc(text))</td></tr>\n"
        }
        return html + "</table></div>\n</section>\n"
    }

    var copulaSentence: String {
        switch scenario?.copula {
        case .gaussian?: "This run uses the Gaussian copula."
        case .t?: "This run uses a t copula, in which a common shock makes joint defaults more likely still."
        case .creditriskplus?: "This run uses CreditRisk+ instead: gamma-distributed sector factors scale each loan's default probability."
        case nil: ""
        }
    }

    func methods() -> String {
        let trialsText = NumberFormat.count(trials)
        return """
            <section id="methods" class="methods page-break">
            <h2>How these numbers were made</h2>
            <p><b>A trial</b> is one simulated period of \(yearsText). Each year, every covered loan of the \
            portfolio may default; a defaulted loan's loss is its principal times a loss-given-default drawn from a Beta \
            distribution. The bank files a claim for the pool's share of the loss (for example 70%, capped per loan), \
            and the pool pays the year's claims from its balance. When the claims due exceed the money available the \
            pool has <b>run dry</b> (is exhausted) that year, and the shortfall rule of the scenario decides who gets what; \
            the unpaid part stays with the banks. This report rests on \(trialsText) trials.</p>
            <p><b>Correlated defaults.</b> Defaults are linked through a factor copula: each loan's credit quality mixes a \
            province-wide factor, a sector factor, a bank factor and its own noise, and the loan defaults when that \
            falls below the level its default probability sets (the one-factor model of Vasicek, 2002, with more \
            factors). Bad years therefore hit many loans at once, which is what can drain the pool. \
            \(copulaSentence)</p>
            <p><b>Statistics.</b> Means carry a Monte Carlo standard error (the standard deviation divided by the square \
            root of the number of trials). Probabilities carry a 95% Wilson score interval. Percentiles interpolate \
            linearly between sorted trial values (as numpy does by default). Value at risk (VaR) at level α is the α \
            percentile of total claims; expected shortfall (ES) is the mean of the claims at or above it. The balance \
            needed for a given chance of running dry is the matching percentile of each trial's required pool — the \
            least starting balance with which that trial would never have run short.</p>
            <p><b>Reproducibility.</b> The same scenario, seed, generator and number of trials give the same results, \
            whatever the number of worker threads: each block of trials draws from its own random stream derived from \
            the seed. The generator is GSL's; the seed, generator and versions are listed above.</p>
            <p><b>Sources.</b> Pool and rules: Hebei Daily, 25 May 2022 (the 110 million yuan pool with six banks); \
            Hebei Economic Daily, 9 December 2021 (the six cooperating banks); Hebei Daily, April 2022 (lending in \
            Q1 2022); Hebei 2016 implementation rules for tech-SME loan risk compensation (70% of the loss, at most \
            5 million yuan per firm, claims settled yearly per bank). Model: O. Vasicek (2002), “Loan portfolio \
            value”, <i>Risk</i> 15(12). Parameters not published by these sources (how the lending splits between \
            banks, default probabilities, correlations, what happens when the pool runs short) are assumptions of \
            the scenario, listed above.</p>
            </section>

            """
    }
}
