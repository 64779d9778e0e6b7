import PoolSimCore
import PoolSimText

/// The self-contained HTML report: one file with inline CSS and inline SVG
/// charts, nothing fetched from the network, readable on paper.
///
/// Order: the headline numbers, five charts, the tables, the scenario as run,
/// and how the numbers were made. Everything is drawn from the run's results
/// alone, so `poolsim report` can rebuild it from results.json.
public enum HTMLReport {
    public static func render(_ results: RunResults, language: Language) -> String {
        let report = Report(results, language: language)
        let body = report.header() + report.headline() + report.charts() + report.tables()
            + report.scenarioSection() + report.methods()
        return ReportPage.render(title: report.text(.pageTitle, ["scenario": report.scenarioName]), body: body,
                                 language: language)
    }
}

/// The facts of one run's results, and the sections drawn from them.
private struct Report {
    let results: RunResults
    let language: Language
    let money: MoneyFormat
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

    init(_ results: RunResults, language: Language) {
        self.results = results
        self.language = language
        money = MoneyFormat(language)
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

    // MARK: Texts and formatting

    /// The report's text `key` in the report's language.
    func text(_ key: HTMLReportText, _ arguments: [String: String] = [:]) -> String { key.text(language, arguments) }

    static func percent(_ value: Double) -> String { NumberFormat.percent(value) }
    static func axisPercent(_ value: Double) -> String { ChartFormat.axisPercent(value) }
    static func esc(_ text: String) -> String { HTML.escape(text) }

    /// An amount in running text, a card or a tooltip: "146.8 M yuan"; "1.47 亿元".
    func amount(_ yuan: Double) -> String { money.text(yuan) }
    /// An amount on a chart whose axis states the unit: "146.8 M"; "1.47 亿元".
    func chartAmount(_ yuan: Double) -> String {
        language == .en ? NumberFormat.millions(yuan) : money.text(yuan)
    }
    /// An amount given in full in running text: "110,000,000 yuan"; "1.10 亿元".
    func fullAmount(_ yuan: Double) -> String {
        language == .en ? money.cell(yuan) + " " + money.tableUnit : money.text(yuan)
    }
    /// The tick format and unit of a money axis reaching `largest` yuan.
    func moneyAxis(largest: Double) -> (format: (Double) -> String, unit: String) {
        let (divisor, unit) = money.axis(largest: largest)
        return ({ ChartFormat.axisAmount($0, divisor: divisor) }, unit)
    }

    var yearsText: String { CommonText.years(horizonYears, language) }
    var requiredBalances: [RunStatistics.RequiredBalance] { poolSize.available ? poolSize.required : [] }
    func requiredBalance(ruin: Double) -> Double? {
        requiredBalances.first { abs($0.ruinProbability - ruin) < 1e-12 }?.initialBalance
    }

    // MARK: Header and headline

    func header() -> String {
        var html = "<header>\n<h1>\(Self.esc(text(.heading, ["scenario": scenarioName])))</h1>\n"
        var subtitle: [String] = []
        if let description = scenario?.description { subtitle.append(Self.esc(description)) }
        subtitle.append(Self.esc(text(.subtitleRun, ["trials": NumberFormat.count(trials), "years": yearsText,
                                                     "seed": String(metadata.seed), "createdAt": metadata.createdAt])))
        html += "<p class=\"subtitle\">\(subtitle.joined(separator: "<br>"))</p>\n"
        if metadata.stopReason == .interrupted {
            let requested = metadata.trialsRequested
            let counts = ["finished": NumberFormat.count(trials), "requested": NumberFormat.count(Double(requested))]
            let warning: HTMLReportText = requested != metadata.trials ? .interruptedOfRequestedWarning : .interruptedWarning
            html += "<p class=\"warning\">\(text(warning, counts))</p>\n"
        }
        if let stress = metadata.stress {
            html += "<p class=\"warning\">\(text(.stressWarning, ["stress": Self.esc(stress)]))</p>\n"
        }
        return html + "</header>\n"
    }

    func headline() -> String {
        let p = summary.pExhaustion
        let claims = summary.total(.claims)
        let var99 = summary.valueAtRisk(.p99)
        let es99 = summary.expectedShortfall(.p99)
        var html = "<section id=\"headline\">\n<h2>\(text(.headlineHeading))</h2>\n<div class=\"cards\">\n"
        html += card(key: true, label: text(.cardExhaustionLabel, ["years": yearsText]),
                     value: Self.percent(p.estimate),
                     note: text(.cardExhaustionNote, ["low": Self.percent(p.low), "high": Self.percent(p.high)]))
        html += card(label: text(.cardClaimsLabel, ["years": yearsText]),
                     value: amount(claims.mean),
                     note: text(.cardClaimsNote, ["mean": money.cell(claims.mean), "unit": money.tableUnit,
                                                  "error": money.cell(claims.mcse)]))
        html += card(label: text(.cardTailLabel),
                     value: amount(var99),
                     note: text(.cardTailNote, ["amount": amount(es99)]))
        let five = requiredBalance(ruin: 0.05), one = requiredBalance(ruin: 0.01)
        if let five, let one {
            let (divisor, unit) = money.axis(largest: max(five, one))
            let digits = divisor >= 1e8 ? 2 : 1
            html += card(label: text(.cardRequiredLabel),
                         value: "\(NumberFormat.fixed(five / divisor, digits: digits)) / "
                             + NumberFormat.fixed(one / divisor, digits: digits),
                         note: text(.cardRequiredNote, ["unit": unit, "amount": amount(initialBalance)]))
        } else {
            html += card(label: text(.cardRequiredLabel), value: text(.notAvailable), note: requiredNotAvailableReason)
        }
        html += "</div>\n"

        html += "<p>" + text(.headlineSummary, [
            "balance": Self.esc(fullAmount(initialBalance)), "probability": Self.percent(p.estimate),
            "trials": NumberFormat.count(trials), "years": yearsText,
            "mean": Self.esc(amount(claims.mean)), "var99": Self.esc(amount(var99)),
        ])
        if let five, let one {
            html += text(.headlineRequiredSummary, ["five": Self.esc(amount(five)), "one": Self.esc(amount(one))])
        }
        return html + "</p>\n</section>\n"
    }

    var poolSizeAvailable: Bool { poolSize.available && poolSize.curve.count > 1 }

    var requiredNotAvailableReason: String {
        text(poolSize.available ? .requiredNotRecorded : .requiredDependsOnBalance)
    }

    func card(key: Bool = false, label: String, value: String, note: String) -> String {
        "<div class=\"card\(key ? " key" : "")\"><div class=\"label\">\(Self.esc(label))</div>"
            + "<div class=\"value\">\(Self.esc(value))</div><div class=\"note\">\(Self.esc(note))</div></div>\n"
    }

    // MARK: Charts

    func charts() -> String {
        var html = "<section id=\"charts\">\n<h2>\(text(.chartsHeading))</h2>\n"
        html += figure(claimsDistribution(), caption: text(.claimsCaption, ["years": yearsText]))
        html += figure(balanceFan(), caption: text(.balanceCaption))
        html += figure(exhaustionByYear(), caption: text(.exhaustionCaption))
        html += figure(bankClaims(), caption: text(.bankCaption, ["years": yearsText]))
        html += figure(poolSizeCurve(), caption: text(poolSizeAvailable ? .poolSizeCaption : .poolSizeNotAvailableCaption))
        return html + "</section>\n"
    }

    func figure(_ svg: String, caption: String) -> String { ReportPage.figure(svg, caption: caption) }

    func claimsDistribution() -> String {
        let stat = summary.total(.claims)
        let points = ReportSeries.cumulative(stat)
        let varLevels: [(TailLevel, String, String)] = [(.p95, "var95", "95%"), (.p99, "var99", "99%"),
                                                        (.p995, "var995", "99.5%")]
        let highest = (points.map(\.0) + [initialBalance]).filter(\.isFinite).max() ?? 0
        let xDomain = LinearScale.zeroTo(highest, count: 7)
        var plot = SVGPlot(kind: "claims-distribution", title: text(.claimsTitle, ["years": yearsText]),
                           xDomain: xDomain, yDomain: (0, 1))
        guard points.count > 1 else {
            plot.message(text(.claimsNoData))
            return plot.rendered()
        }
        let axis = moneyAxis(largest: xDomain.high)
        plot.axes(xLabel: text(.claimsAxisX, ["unit": axis.unit]), yLabel: text(.claimsAxisY),
                  yTicks: [0, 0.2, 0.4, 0.6, 0.8, 1.0], xFormat: axis.format, yFormat: Self.axisPercent)
        plot.vertical(at: initialBalance, class: "pool-line")
        var legend: [(SVGPlot.LegendMark, String, String)] = []
        for (level, name, levelText) in varLevels {
            let value = summary.valueAtRisk(level)
            guard value.isFinite else { continue }
            plot.vertical(at: value, class: name)
            legend.append((.line, name, text(.legendVaR, ["level": levelText, "amount": chartAmount(value)])))
        }
        let mean = stat.mean
        plot.vertical(at: mean, class: "mean-line")
        plot.line(points, class: "curve")
        for (value, level) in points {
            plot.dot((value, level), class: "point", radius: 3,
                     title: text(.claimsPointTooltip, ["share": Self.axisPercent(level), "amount": amount(value)]))
        }
        legend.append((.line, "mean-line", text(.legendMean, ["amount": chartAmount(mean)])))
        if initialBalance.isFinite {
            legend.append((.line, "pool-line", text(.legendStartingBalance, ["amount": chartAmount(initialBalance)])))
        }
        plot.legend(legend.map { (mark: $0.0, class: $0.1, label: $0.2) })
        return plot.rendered()
    }

    func balanceFan() -> String {
        func series(_ percentile: Percentile?) -> [(Double, Double)] { ReportSeries.balance(results, percentile) }
        let p5 = series(.p5), p25 = series(.p25), p50 = series(.p50), p75 = series(.p75), p95 = series(.p95)
        let highest = (p95.map(\.1) + [initialBalance]).filter(\.isFinite).max() ?? 0
        let lastYear = Double(max(byYear.count, 1))
        let yDomain = LinearScale.zeroTo(highest)
        var plot = SVGPlot(kind: "balance-fan", title: text(.balanceTitle), xDomain: (0, lastYear), yDomain: yDomain)
        guard !byYear.isEmpty else {
            plot.message(text(.balanceNoData))
            return plot.rendered()
        }
        let axis = moneyAxis(largest: yDomain.high)
        plot.axes(xLabel: text(.balanceAxisX), yLabel: text(.balanceAxisY, ["unit": axis.unit]),
                  xTicks: (0...byYear.count).map(Double.init),
                  xFormat: { NumberFormat.fixed($0, digits: 0) }, yFormat: axis.format)
        plot.band(lower: p5, upper: p95, class: "band-outer")
        plot.band(lower: p25, upper: p75, class: "band-inner")
        plot.line(p50, class: "median")
        plot.line(series(nil), class: "mean-line")
        for (year, value) in p50 {
            plot.dot((year, value), class: "point", radius: 3,
                     title: text(.balancePointTooltip, ["year": String(Int(year)), "amount": amount(value)]))
        }
        plot.legend([(.swatch, "band-outer", text(.legendOuterBand)), (.swatch, "band-inner", text(.legendInnerBand)),
                     (.line, "median", text(.legendMedian)), (.line, "mean-line", text(.legendMeanLine))])
        return plot.rendered()
    }

    func exhaustionByYear() -> String {
        let entries = summary.pExhaustionByYear
        let highest = entries.map(\.high).filter(\.isFinite).max() ?? 0
        let top = min(1, max(LinearScale.zeroTo(highest * 1.08).high, 0.01))
        var plot = SVGPlot(kind: "exhaustion-by-year", title: text(.exhaustionTitle),
                           xDomain: (0.4, Double(max(entries.count, 1)) + 0.6), yDomain: (0, top))
        guard !entries.isEmpty else {
            plot.message(text(.exhaustionNoData))
            return plot.rendered()
        }
        plot.axes(xLabel: text(.exhaustionAxisX), yLabel: text(.exhaustionAxisY),
                  xTicks: (1...entries.count).map(Double.init),
                  xFormat: { NumberFormat.fixed($0, digits: 0) }, yFormat: Self.axisPercent)
        let barHalfWidth = min(0.3, 0.3 * 10 / Double(entries.count))
        for (i, entry) in entries.enumerated() {
            let year = Double(i + 1)
            let (estimate, low, high) = (entry.estimate, entry.low, entry.high)
            plot.rect(x0: year - barHalfWidth, x1: year + barHalfWidth, y0: 0, y1: estimate, class: "bar",
                      title: text(.exhaustionBarTooltip, ["year": String(Int(year)), "estimate": Self.percent(estimate),
                                                          "low": Self.percent(low), "high": Self.percent(high)]))
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
        // The label after each bar: its total, and the unpaid share.
        let labels = banks.map { bank -> String in
            let total = bank.paid + bank.unpaid
            guard total > 0 else { return chartAmount(total) }
            let unpaidShare = bank.unpaid / total
            return text(.bankBarLabel, ["total": chartAmount(total),
                                        "share": NumberFormat.percent(unpaidShare, digits: unpaidShare < 0.1 ? 1 : 0)])
        }
        // Room on the right for the longest label after a full-length bar.
        let labelRoom = labels.map { SVGPlot.textWidth($0, narrow: 6, wide: 11.5) + 10 }.max() ?? 0
        let highest = banks.map { $0.paid + $0.unpaid }.filter(\.isFinite).max() ?? 0
        let height = 10 + rowHeight * Double(max(banks.count, 1)) + 58
        let xDomain = LinearScale.zeroTo(highest, count: 6)
        var plot = SVGPlot(kind: "bank-claims", title: text(.bankTitle, ["years": yearsText]),
                           height: height, margins: (24, max(150, labelRoom), 10, 58),
                           xDomain: xDomain, yDomain: (Double(max(banks.count, 1)), 0))
        guard !banks.isEmpty else {
            plot.message(text(.bankNoData))
            return plot.rendered()
        }
        let axis = moneyAxis(largest: xDomain.high)
        plot.axes(xLabel: text(.bankAxisX, ["unit": axis.unit]), yLabel: "", yTicks: [],
                  xFormat: axis.format, yFormat: { _ in "" })
        for (i, bank) in banks.enumerated() {
            let row = Double(i)
            let total = bank.paid + bank.unpaid
            plot.text(bank.name, atX: plot.plotLeft + 2, y: plot.y(row) + 14, class: "label")
            plot.rect(x0: 0, x1: bank.paid, y0: row + 0.42, y1: row + 0.86, class: "paid",
                      title: text(.bankPaidTooltip, ["bank": bank.name, "amount": amount(bank.paid)]))
            plot.rect(x0: bank.paid, x1: total, y0: row + 0.42, y1: row + 0.86, class: "unpaid",
                      title: text(.bankUnpaidTooltip, ["bank": bank.name, "amount": amount(bank.unpaid)]))
            plot.text(labels[i], atX: plot.x(total) + 6, y: plot.y(row + 0.64) + 4, class: "label-muted")
        }
        plot.legend([(.swatch, "paid", text(.legendPaid)), (.swatch, "unpaid", text(.legendUnpaid))])
        return plot.rendered()
    }

    func poolSizeCurve() -> String {
        let curve = poolSize.curve.map { ($0.initialBalance, $0.pExhaustion) }.filter { $0.0.isFinite && $0.1.isFinite }
        let five = requiredBalance(ruin: 0.05), one = requiredBalance(ruin: 0.01)
        let highest = (curve.map(\.0) + [initialBalance, five ?? 0, one ?? 0]).filter(\.isFinite).max() ?? 0
        guard curve.count > 1 else {
            var plot = SVGPlot(kind: "pool-size", title: text(.poolSizeTitleNotAvailable, ["years": yearsText]),
                               height: 120, xDomain: (0, 1), yDomain: (0, 1))
            plot.message(text(.notAvailableBecause, ["reason": requiredNotAvailableReason]))
            return plot.rendered()
        }
        let xDomain = LinearScale.zeroTo(highest, count: 7)
        var plot = SVGPlot(kind: "pool-size", title: text(.poolSizeTitle, ["years": yearsText]),
                           xDomain: xDomain, yDomain: (0, 1))
        let axis = moneyAxis(largest: xDomain.high)
        plot.axes(xLabel: text(.poolSizeAxisX, ["unit": axis.unit]), yLabel: text(.poolSizeAxisY),
                  yTicks: [0, 0.2, 0.4, 0.6, 0.8, 1.0], xFormat: axis.format, yFormat: Self.axisPercent)
        plot.vertical(at: initialBalance, class: "pool-line")
        plot.line(curve, class: "curve")
        var legend: [(mark: SVGPlot.LegendMark, class: String, label: String)] = [
            (.line, "curve", text(.legendCurve)),
        ]
        for (balance, ruin, name) in [(five, 0.05, "ruin5"), (one, 0.01, "ruin1")] {
            guard let balance else { continue }
            let level = NumberFormat.percent(ruin, digits: 0)
            plot.segment((balance, 0), (balance, ruin), class: "guide")
            plot.dot((balance, ruin), class: name, radius: 5.5,
                     title: text(.ruinTooltip, ["level": level, "amount": amount(balance)]))
            legend.append((.dot, name, text(.legendRuin, ["level": level, "amount": chartAmount(balance)])))
        }
        if initialBalance.isFinite {
            legend.append((.line, "pool-line", text(.legendScenarioBalance, ["amount": chartAmount(initialBalance)])))
        }
        plot.legend(legend)
        return plot.rendered()
    }

    // MARK: Tables

    func label(_ quantity: TotalQuantity) -> String {
        switch quantity {
        case .claims: text(.quantityClaims)
        case .paid: text(.quantityPaid)
        case .unpaid: text(.quantityUnpaid)
        case .loss: text(.quantityLoss)
        case .defaults: text(.quantityDefaults)
        case .endBalance: text(.quantityEndBalance)
        }
    }

    func tables() -> String {
        let unit = money.tableUnit
        var html = "<section id=\"tables\" class=\"page-break\">\n<h2>\(text(.tablesHeading))</h2>\n"
        html += "<h3>\(text(.totalsHeading, ["years": yearsText, "unit": unit]))</h3>\n<div class=\"wide\"><table>\n"
        html += row([.columnQuantity, .columnMean, .columnMCError, .columnSD, .columnP5, .columnP50, .columnP95,
                     .columnP99, .columnMax].map { text($0) }, header: true)
        for quantity in TotalQuantity.allCases {
            let stat = summary.total(quantity)
            let format = quantity == .defaults ? NumberFormat.count : money.cell
            let values = [stat.mean, stat.mcse, stat.sd, stat.percentile(.p5), stat.percentile(.p50),
                          stat.percentile(.p95), stat.percentile(.p99), stat.max]
            html += row([label(quantity)] + values.map(format))
        }
        html += "</table></div>\n"

        html += "<h3>\(text(.tailHeading, ["unit": unit]))</h3>\n<table>\n"
        html += row([.columnLevel, .columnVaR, .columnES].map { text($0) }, header: true)
        for level in TailLevel.allCases {
            html += row([NumberFormat.percent(level.level, digits: 1),
                         money.cell(summary.valueAtRisk(level)), money.cell(summary.expectedShortfall(level))])
        }
        html += "</table>\n"

        html += "<h3>\(text(.byYearHeading, ["unit": unit]))</h3>\n<div class=\"wide\"><table>\n"
        html += row([.columnYear, .columnOpeningBalance, .columnClaims, .columnPaid, .columnUnpaid, .columnTopUp,
                     .columnClosingBalance, .columnDefaults, .columnExhaustedByYearEnd].map { text($0) }, header: true)
        let probabilities = summary.pExhaustionByYear
        for (i, year) in byYear.enumerated() {
            let p = probabilities.indices.contains(i) ? probabilities[i] : ProbabilityEstimate(estimate: .nan, low: .nan, high: .nan)
            html += row([String(year.year)]
                + [.openingBalance, .claims, .paid, .unpaid, .topUp, .closingBalance].map { money.cell(year.stat($0).mean) }
                + [NumberFormat.count(year.stat(.defaults).mean),
                   "\(Self.percent(p.estimate)) (\(Self.percent(p.low))–\(Self.percent(p.high)))"])
        }
        html += "</table></div>\n"

        html += "<h3>\(text(.byBankHeading, ["years": yearsText, "unit": unit]))</h3>\n"
            + "<div class=\"wide\"><table class=\"banks\">\n"
        html += row([.columnBank, .columnDefaults, .columnLoss, .columnClaims, .columnPaid, .columnUnpaid,
                     .columnUnpaidShare, .columnTailClaims].map { text($0) }, header: true)
        for bank in byBank {
            let claims = bank.stat(.claims).mean
            let unpaid = bank.stat(.unpaid).mean
            html += "<tr><td>\(Self.esc(bank.name.isEmpty ? bank.id : bank.name))<br><span class=\"small\">\(Self.esc(bank.id))</span></td>"
            html += ([NumberFormat.count(bank.stat(.defaults).mean)]
                + [.loss, .claims, .paid, .unpaid].map { money.cell(bank.stat($0).mean) }
                + [claims > 0 ? Self.percent(unpaid / claims) : "–", money.cell(bank.tailContribution99)])
                .map { "<td class=\"num\">\(Self.esc($0))</td>" }.joined() + "</tr>\n"
        }
        html += "</table></div>\n<p class=\"small\">\(text(.tailClaimsNote))</p>\n"

        let required = requiredBalances
        html += "<h3>\(text(.requiredHeading))</h3>\n"
        if required.isEmpty {
            html += "<p>\(Self.esc(text(.notAvailableBecause, ["reason": requiredNotAvailableReason])))</p>\n"
        } else {
            html += "<table>\n" + row([text(.columnChanceOfRunningDry), text(.columnStartingBalance, ["unit": unit])],
                                      header: true)
            for balance in required {
                let ruin = balance.ruinProbability
                html += row([NumberFormat.percent(ruin, digits: ruin < 0.01 ? 1 : 0), money.cell(balance.initialBalance)])
            }
            html += "</table>\n"
        }
        return html + "</section>\n"
    }

    /// A table row; every cell but the first right-aligned.
    func row(_ cells: [String], header: Bool = false) -> String { ReportPage.row(cells, header: header) }

    // MARK: Scenario and methods

    /// The label of a key of results.json's metadata ("tool version", "PoolSim 版本").
    func metadataLabel(_ key: String) -> String {
        MetadataText.label(key, language).replacingOccurrences(of: "_", with: " ")
    }

    /// A value of results.json as a table shows it; null as "none".
    func cell(_ value: JSONValue) -> String {
        value == .null ? CommonText.none.text(language) : CSVExport.cell(value)
    }

    func scenarioSection() -> String {
        var html = "<section id=\"scenario\" class=\"page-break\">\n<h2>\(text(.scenarioHeading))</h2>\n"
            + "<table class=\"kv\">\n"
        let overrides = metadata.overrides
        var facts: [(String, String)] = [
            (text(.metaScenario), scenarioName),
            (text(.metaOverrides), overrides.isEmpty ? CommonText.none.text(language) : overrides.joined(separator: "; ")),
        ]
        // Then every other key of the metadata, as results.json writes it.
        let shownAbove = [RunMetadata.CodingKeys.scenarioName, .overrides].map(\.stringValue)
        for (key, value) in XLSXExport.fields(of: metadata) where !shownAbove.contains(key) {
            facts.append((metadataLabel(key), cell(value)))
        }
        for (key, value) in facts {
            html += "<tr><td>\(Self.esc(key))</td><td>\(Self.esc(value))</td></tr>\n"
        }
        html += "</table>\n"
        guard let scenario else {
            return html + "<p>\(text(.scenarioNotRecorded))</p>\n</section>\n"
        }
        html += "<h3>\(text(.resolvedHeading))</h3>\n<p class=\"small\">\(text(.resolvedNote))</p>\n"
        html += "<div class=\"wide\"><table class=\"scenario\">\n"
        for (path, value) in XLSXExport.flatten(scenario.document, path: "") {
            html += "<tr><td>\(Self.esc(path))</td><td>\(Self.esc(cell(value)))</td></tr>\n"
        }
        return html + "</table></div>\n</section>\n"
    }

    var copulaSentence: String {
        switch scenario?.copula {
        case .gaussian?: text(.copulaGaussian)
        case .t?: text(.copulaT)
        case .creditriskplus?: text(.copulaCreditRiskPlus)
        case nil: ""
        }
    }

    func methods() -> String {
        let paragraphs = [
            text(.methodsTrial, ["years": yearsText, "trials": NumberFormat.count(trials)]),
            text(.methodsCorrelation, ["copula": copulaSentence]),
            text(.methodsStatistics),
            text(.methodsReproducibility),
            text(.methodsSources),
        ]
        return "<section id=\"methods\" class=\"methods page-break\">\n<h2>\(text(.methodsHeading))</h2>\n"
            + paragraphs.map { "<p>\($0)</p>\n" }.joined() + "</section>\n"
    }
}
