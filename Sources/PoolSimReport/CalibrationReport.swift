import PoolSimCore
import PoolSimText

/// The HTML page of `poolsim calibrate --report`: the estimates and warnings,
/// the method, each bank's observed default rates against the fitted model's
/// 5–95% band, and the profile likelihood of each identified correlation.
public enum CalibrationReport {
    /// One self-contained page in `language`; `history` names the history file.
    public static func page(_ calibration: Calibration, history: String, language: Language) -> String {
        let t = CalibrationWords(language)
        return AnalysisReport.page(title: t(.reportTitle, ["history": history]),
                                   body: CalibrationPage(calibration, history: history, t).body(),
                                   language: language, extraStyle: style)
    }

    static var style: String {
        let palette = AnalysisReport.palette
        return """
            svg .model-band { fill: \(palette[0]); fill-opacity: .16; stroke: \(palette[0]); stroke-opacity: .35; stroke-width: .8; }
            svg .fitted-pd { fill: none; stroke: \(palette[2]); stroke-width: 2.2; stroke-dasharray: 7 4; }
            svg .observed { fill: #1b1f24; }
            svg .observed.outside { fill: \(palette[3]); }
            svg .outside-mark { fill: none; stroke: \(palette[3]); stroke-width: 2; }
            svg .threshold { stroke: \(palette[1]); stroke-width: 1.8; stroke-dasharray: 6 4; }
            svg .estimate-mark { fill: \(palette[0]); stroke: #fff; stroke-width: 1.5; }
            svg .interval-mark { fill: \(palette[1]); stroke: #fff; stroke-width: 1.5; }
            svg .profile-point { fill: \(palette[0]); }
            .caveat ul { margin: .3rem 0 0; padding-left: 1.3rem; }

            """
    }
}

extension Calibration.ObservedYear {
    /// Whether the observed rate lies outside the fitted model's 5–95% band.
    var isOutsideBand: Bool { rate < bandLow || rate > bandHigh }
}

private struct CalibrationPage {
    let calibration: Calibration
    let history: String
    let t: CalibrationWords

    init(_ calibration: Calibration, history: String, _ t: CalibrationWords) {
        self.calibration = calibration
        self.history = history
        self.t = t
    }

    var identified: [CorrelationParameter] { CorrelationParameter.allCases.filter(calibration.identifies) }

    func body() -> String {
        var html = "<header>\n<h1>\(HTML.escape(t(.reportTitle, ["history": history])))</h1>\n"
        let facts = t.facts(calibration, history: history)
        html += "<p class=\"subtitle\">\(HTML.escape(facts))<br>\(HTML.escape(t.likelihood(calibration)))</p>\n</header>\n"
        if !calibration.warnings.isEmpty {
            html += "<div class=\"caveat\"><b>\(HTML.escape(t(.warningsHeading)))</b>\n<ul>\n"
            for warning in calibration.warnings {
                html += "<li>\(HTML.escape(CalibrationExport.warning(warning, language: t.language)))</li>\n"
            }
            html += "</ul></div>\n"
        }
        html += estimates()
        html += "<section id=\"method\" class=\"methods\">\n<h2>\(HTML.escape(t(.methodHeading)))</h2>\n"
        html += t(.methodNote, [
            "nodes": String(calibration.nodes), "z": NumberFormat.fixed(ProbabilityEstimate.z95, digits: 2),
            "twoSided": CalibrationWords.threshold(Calibration.Correlation.twoSidedThreshold),
            "oneSided": CalibrationWords.threshold(Calibration.Correlation.oneSidedThreshold),
        ]) + "\n</section>\n"
        html += "<section id=\"rates\">\n<h2>\(HTML.escape(t(.ratesHeading)))</h2>\n"
        for (b, pd) in calibration.pd.enumerated() {
            let years = calibration.observed.filter { $0.bank == pd.bank }
            html += ReportPage.figure(rateChart(b, pd: pd, years: years), caption: t(.rateCaption, [
                "bank": HTML.escape(pd.bank), "outside": String(years.filter(\.isOutsideBand).count), "years": String(years.count),
            ]))
        }
        html += "</section>\n<section id=\"profiles\">\n<h2>\(HTML.escape(t(.profileHeading)))</h2>\n"
        for parameter in identified {
            let rho = calibration.correlation(parameter)
            let caption = t(rho.atBoundary ? .profileCaptionBoundary : .profileCaption, [
                "parameter": HTML.escape(t.name(parameter)), "low": CalibrationWords.rho(rho.ciLow),
                "high": CalibrationWords.rho(rho.ciHigh), "threshold": CalibrationWords.threshold(rho.threshold),
            ])
            html += ReportPage.figure(profileChart(parameter), caption: caption)
        }
        return html + "</section>\n"
    }

    func estimates() -> String {
        var html = "<section id=\"estimates\">\n<h2>\(HTML.escape(t(.estimatesHeading)))</h2>\n<div class=\"wide\"><table>\n"
        html += ReportPage.row([t(.columnParameter), t(.columnEstimate), t(.columnSE), t(.columnInterval),
                                t(.columnObservedRate), t(.columnNote)], header: true)
        for parameter in CorrelationParameter.allCases {
            let cells = t.cells(parameter, calibration)
            html += ReportPage.row([t.name(parameter), cells.estimate, cells.se, cells.interval, "", cells.note])
        }
        for pd in calibration.pd {
            let cells = CalibrationWords.cells(pd)
            html += ReportPage.row([t(.pdOfBank, ["bank": pd.bank]), cells.estimate, cells.se, cells.interval, cells.observedRate, ""])
        }
        html += "</table></div>\n<p class=\"small\">\(HTML.escape(t.moments(calibration)))</p>\n</section>\n"
        return html
    }

    /// A bank's observed rate by year (dots, those outside the band ringed), the
    /// fitted model's 5–95% band of each year's rate, and the fitted PD.
    func rateChart(_ b: Int, pd: Calibration.BankPD, years: [Calibration.ObservedYear]) -> String {
        let highest = (years.flatMap { [$0.rate, $0.bandHigh] } + [pd.estimate]).filter(\.isFinite).max() ?? 0
        let yDomain = (0.0, min(1, LinearScale.zeroTo(max(highest * 1.1, 0.001)).high))
        let first = Double(years.first?.year ?? 0), last = Double(years.last?.year ?? 0)
        let xDomain = (first - 0.6, last + 0.6)
        var plot = SVGPlot(kind: "calibration-rates-\(b)", title: t(.rateChartTitle, ["bank": pd.bank]),
                           xDomain: xDomain, yDomain: yDomain)
        let ticks = last - first <= 15 ? Array(stride(from: first, through: last, by: 1)) : nil
        plot.axes(xLabel: t(.axisYear), yLabel: t(.axisDefaultRate), xTicks: ticks,
                  xFormat: { String(Int($0.rounded())) }, yFormat: ChartFormat.axisPercent)
        if years.count > 1 {
            plot.band(lower: years.map { (Double($0.year), $0.bandLow) }, upper: years.map { (Double($0.year), $0.bandHigh) },
                      class: "model-band")
        } else if let year = years.first {
            let x = Double(year.year)
            plot.rect(x0: x - 0.3, x1: x + 0.3, y0: year.bandLow, y1: year.bandHigh, class: "model-band")
        }
        plot.segment((xDomain.0, pd.estimate), (xDomain.1, pd.estimate), class: "fitted-pd")
        for year in years {
            let point = (Double(year.year), year.rate)
            let details = [
                "year": String(year.year), "defaults": String(year.defaults), "loans": String(year.loans),
                "rate": CalibrationWords.percent(year.rate), "low": CalibrationWords.percent(year.bandLow),
                "high": CalibrationWords.percent(year.bandHigh),
            ]
            if year.isOutsideBand {
                plot.dot(point, class: "outside-mark", radius: 8)
                plot.dot(point, class: "observed outside", radius: 4, title: t(.rateTooltipOutside, details))
            } else {
                plot.dot(point, class: "observed", radius: 4, title: t(.rateTooltip, details))
            }
        }
        var legend: [(mark: SVGPlot.LegendMark, class: String, label: String)] = [
            (.swatch, "model-band", t(.legendBand)),
            (.line, "fitted-pd", t(.legendFittedPD, ["pd": CalibrationWords.percent(pd.estimate)])),
            (.dot, "observed", t(.legendObserved)),
        ]
        if years.contains(where: \.isOutsideBand) { legend.append((.dot, "outside-mark", t(.legendOutside))) }
        plot.legend(legend)
        return plot.rendered()
    }

    /// A correlation's profile deviance by ρ, the threshold of its 95% interval,
    /// and marks at the estimate and the interval's ends.
    func profileChart(_ parameter: CorrelationParameter) -> String {
        let rho = calibration.correlation(parameter)
        let threshold = rho.threshold
        let reach = max(rho.ciHigh + (rho.ciHigh - rho.ciLow) * 0.3, rho.estimate, 0.01)
        let xDomain = (0.0, min(1, LinearScale.zeroTo(reach).high))
        let points = rho.profile.filter { $0.rho <= xDomain.1 && $0.deviance.isFinite }
        let highest = max(threshold * 1.6, points.map(\.deviance).max() ?? 0)
        let yDomain = LinearScale.zeroTo(highest)
        var plot = SVGPlot(kind: "calibration-profile-\(parameter.rawValue)",
                           title: t(.profileChartTitle, ["parameter": t.name(parameter)]), xDomain: xDomain, yDomain: yDomain)
        plot.axes(xLabel: t.name(parameter), yLabel: t(.axisDeviance),
                  xFormat: { PageText.tick($0) }, yFormat: { PageText.tick($0) })
        plot.segment((xDomain.0, threshold), (xDomain.1, threshold), class: "threshold")
        if !rho.atBoundary { plot.vertical(at: rho.ciLow, class: "guide") }
        plot.vertical(at: rho.ciHigh, class: "guide")
        plot.line(points.map { ($0.rho, $0.deviance) }, class: "curve")
        for point in points {
            plot.dot((point.rho, point.deviance), class: "profile-point", radius: 2.5, title: t(.profileTooltip, [
                "rho": CalibrationWords.rho(point.rho), "deviance": CalibrationWords.threshold(point.deviance),
            ]))
        }
        let interval = t(.legendInterval, ["low": CalibrationWords.rho(rho.ciLow), "high": CalibrationWords.rho(rho.ciHigh)])
        let estimate = t(.legendEstimate, ["value": CalibrationWords.rho(rho.estimate)])
        if !rho.atBoundary { plot.dot((rho.ciLow, threshold), class: "interval-mark", radius: 5, title: interval) }
        plot.dot((rho.ciHigh, threshold), class: "interval-mark", radius: 5, title: interval)
        plot.dot((rho.estimate, 0), class: "estimate-mark", radius: 6, title: estimate)
        let thresholdText = CalibrationWords.threshold(threshold)
        plot.legend([
            (.line, "curve", t(.legendProfile)),
            (.line, "threshold", t(rho.atBoundary ? .legendThresholdOneSided : .legendThreshold, ["value": thresholdText])),
            (.dot, "estimate-mark", estimate),
            (.dot, "interval-mark", interval),
        ])
        return plot.rendered()
    }
}
