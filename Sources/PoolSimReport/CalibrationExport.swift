import PoolSimCore
import PoolSimText

/// The terminal summary of `poolsim calibrate` and its tidy tables (CSV and workbook).
public enum CalibrationExport {
    /// The summary printed by `poolsim calibrate`: the history, both correlations
    /// with their profile-likelihood intervals, each bank's PD with its Wald
    /// interval and observed rate, the method-of-moments cross-check, the
    /// maximised log-likelihood and the warnings. `history` names the history file.
    public static func table(_ calibration: Calibration, history: String, language: Language) -> String {
        let t = CalibrationWords(language)
        var out = t.facts(calibration, history: history) + "\n\n"
        var correlations = TextTable(title: t(.correlationsTitle), header: [
            t(.columnParameter), t(.columnEstimate), t(.columnSE), t(.columnInterval), t(.columnNote),
        ])
        for parameter in CorrelationParameter.allCases {
            let cells = t.cells(parameter, calibration)
            correlations.add([t.name(parameter), cells.estimate, cells.se, cells.interval, cells.note])
        }
        var pds = TextTable(title: t(calibration.commonPD ? .pdTitleCommon : .pdTitle), header: [
            t(.columnBank), t(.columnEstimate), t(.columnSE), t(.columnWaldInterval), t(.columnObservedRate),
        ])
        for pd in calibration.pd {
            let cells = CalibrationWords.cells(pd)
            pds.add([pd.bank, cells.estimate, cells.se, cells.interval, cells.observedRate])
        }
        out += correlations.rendered() + "\n" + pds.rendered() + "\n"
        out += t.moments(calibration) + "\n" + t.likelihood(calibration) + "\n"
        if !calibration.warnings.isEmpty {
            out += "\n" + t(.warningsHeading) + "\n"
            for warning in calibration.warnings { out += "  • " + Self.warning(warning, language: language) + "\n" }
        }
        return out
    }

    /// One sentence saying what `warning` means for the estimates.
    public static func warning(_ warning: Calibration.Warning, language: Language) -> String {
        switch warning {
        case let .fewYears(years):
            CalibrationReportText.warningFewYears.text(language, ["years": String(years), "limit": String(Calibration.fewYearsLimit)])
        case .oneBank:
            CalibrationReportText.warningOneBank.text(language)
        case let .atBoundary(global):
            (global ? CalibrationReportText.warningGlobalAtBoundary : .warningBankAtBoundary).text(language, [
                "threshold": CalibrationWords.threshold(Calibration.Correlation.oneSidedThreshold),
            ])
        }
    }

    /// The tables of a calibration, each a CSV file and a workbook sheet:
    /// `estimates` (both correlations, then each bank's PD), `observed` (each
    /// bank-year beside the fitted model's 5–95% band of its rate) and
    /// `profile` (each identified correlation's profile deviance by ρ).
    public static func tables(_ calibration: Calibration) -> [AnalysisTable] {
        var estimates = [["parameter", "bank", "estimate", "se", "ci_low", "ci_high", "at_boundary", "observed_rate"]]
        for parameter in CorrelationParameter.allCases {
            let rho = calibration.correlation(parameter)
            estimates.append([parameter.rawValue, "", NumberFormat.plain(rho.estimate), rho.se.map(NumberFormat.plain) ?? "",
                              NumberFormat.plain(rho.ciLow), NumberFormat.plain(rho.ciHigh), String(rho.atBoundary), ""])
        }
        for pd in calibration.pd {
            estimates.append([pdParameter, pd.bank, NumberFormat.plain(pd.estimate), pd.se.map(NumberFormat.plain) ?? "",
                              NumberFormat.plain(pd.ciLow), NumberFormat.plain(pd.ciHigh), "", NumberFormat.plain(pd.observedRate)])
        }
        var observed = [["bank", "year", "loans", "defaults", "rate", "band_low", "band_high"]]
        for year in calibration.observed {
            observed.append([year.bank, String(year.year), String(year.loans), String(year.defaults), NumberFormat.plain(year.rate),
                             NumberFormat.plain(year.bandLow), NumberFormat.plain(year.bandHigh)])
        }
        var profile = [["parameter", "rho", "deviance", "threshold"]]
        for parameter in CorrelationParameter.allCases where calibration.identifies(parameter) {
            let rho = calibration.correlation(parameter)
            for point in rho.profile {
                profile.append([parameter.rawValue, NumberFormat.plain(point.rho), NumberFormat.plain(point.deviance),
                                NumberFormat.plain(rho.threshold)])
            }
        }
        return [
            AnalysisTable(name: "estimates", rows: estimates, sheetName: .sheetCalibrationEstimates, titles: [
                .analysisParameter, .columnBank, .statEstimate, .calibrationSE, .statCILow, .statCIHigh, .calibrationAtBoundary,
                .calibrationObservedRate,
            ], wordColumns: [0, 6], words: words),
            AnalysisTable(name: "observed", rows: observed, sheetName: .sheetCalibrationObserved, titles: [
                .columnBank, .columnYear, .calibrationLoans, .quantityDefaults, .calibrationRate, .calibrationBandLow,
                .calibrationBandHigh,
            ], wordColumns: []),
            AnalysisTable(name: "profile", rows: profile, sheetName: .sheetCalibrationProfile, titles: [
                .analysisParameter, .calibrationRho, .calibrationDeviance, .calibrationThreshold,
            ], wordColumns: [0], words: words),
        ]
    }

    /// The `parameter` of a bank's PD in the estimates table.
    static let pdParameter = "pd"

    /// The words of the calibration's tables in the workbook: parameters and yes/no.
    static let words: [String: WorkbookText] = [
        CorrelationParameter.global.rawValue: .calibrationRhoGlobal, CorrelationParameter.bank.rawValue: .calibrationRhoBank,
        pdParameter: .calibrationPD, String(true): .calibrationYes, String(false): .calibrationNo,
    ]
}

/// The model's two correlations, by their identifiers in the tables.
enum CorrelationParameter: String, CaseIterable {
    case global = "rho_global"
    case bank = "rho_bank"
}

extension Calibration {
    func correlation(_ parameter: CorrelationParameter) -> Correlation {
        parameter == .global ? rhoGlobal : rhoBank
    }

    /// Whether the history tells the correlation apart: with one bank only the
    /// total is identified, reported as ρ_G.
    func identifies(_ parameter: CorrelationParameter) -> Bool {
        parameter == .global || banks > 1
    }
}

/// The words and numbers of a calibration for people in one language: the
/// catalogue's texts, correlations to four decimals, PDs as percents.
struct CalibrationWords {
    let language: Language

    init(_ language: Language) { self.language = language }

    func callAsFunction(_ key: CalibrationReportText, _ arguments: [String: String] = [:]) -> String {
        key.text(language, arguments)
    }

    /// "ρ_G (global factor)"; "ρ_G（宏观因子）".
    func name(_ parameter: CorrelationParameter) -> String {
        self(parameter == .global ? .rhoGlobal : .rhoBank)
    }

    /// "History h.csv: 12 years, 2 banks, 24 bank-years".
    func facts(_ calibration: Calibration, history: String) -> String {
        func counted(_ count: Int, _ one: CalibrationReportText, _ many: CalibrationReportText) -> String {
            self(count == 1 ? one : many, ["count": String(count)])
        }
        return self(.historyFacts, [
            "history": history, "years": CommonText.years(calibration.years, language),
            "banks": counted(calibration.banks, .banksOne, .banksMany),
            "observations": counted(calibration.observations, .bankYearsOne, .bankYearsMany),
        ])
    }

    /// A correlation's cells in a table; its note says when it is not identified or one-sided at the boundary.
    func cells(_ parameter: CorrelationParameter, _ calibration: Calibration)
        -> (estimate: String, se: String, interval: String, note: String) {
        let rho = calibration.correlation(parameter)
        guard calibration.identifies(parameter) else { return (Self.rho(rho.estimate), "–", "–", self(.noteNotIdentified)) }
        return (Self.rho(rho.estimate), rho.se.map(Self.rho) ?? "–", Self.interval(rho.ciLow, rho.ciHigh, Self.rho),
                rho.atBoundary ? self(.noteBoundary) : "")
    }

    /// A bank's PD in a table, as percents; "–" for a missing standard error.
    static func cells(_ pd: Calibration.BankPD) -> (estimate: String, se: String, interval: String, observedRate: String) {
        (percent(pd.estimate), pd.se.map(percent) ?? "–", interval(pd.ciLow, pd.ciHigh, percent), percent(pd.observedRate))
    }

    /// The method-of-moments estimate beside the maximum likelihood's total correlation.
    func moments(_ calibration: Calibration) -> String {
        self(.moments, ["pd": Self.percent(calibration.moments.pd), "rho": Self.rho(calibration.moments.rho),
                        "total": Self.rho(calibration.rhoGlobal.estimate + calibration.rhoBank.estimate)])
    }

    func likelihood(_ calibration: Calibration) -> String {
        self(.likelihood, ["value": NumberFormat.fixed(calibration.logLikelihood, digits: 3), "nodes": String(calibration.nodes)])
    }

    /// A correlation: "0.0821".
    static func rho(_ value: Double) -> String { NumberFormat.fixed(value, digits: 4) }

    /// A probability: "2.14%".
    static func percent(_ value: Double) -> String { NumberFormat.percent(value, digits: 2) }

    /// A deviance threshold: "3.841".
    static func threshold(_ value: Double) -> String { NumberFormat.fixed(value, digits: 3) }

    /// "0.0301 – 0.1880".
    static func interval(_ low: Double, _ high: Double, _ format: (Double) -> String) -> String {
        "\(format(low)) – \(format(high))"
    }
}
