import PoolSimCore
import PoolSimText

/// One table of an analysis: a CSV file `<name>.csv` and a sheet of analysis.xlsx.
///
/// `rows` are the CSV's, English in every language: a header of identifiers,
/// then the cells. The workbook shows the same rows to people through
/// `sheet(_:)`: in Chinese its sheet name, column titles and the analyses'
/// words in text cells (statistics, quantities, methods) are Chinese, and
/// every number is the CSV's.
public struct AnalysisTable: Sendable {
    public var name: String
    public var rows: [[String]]
    /// The sheet's name for people.
    var sheetName: WorkbookText?
    /// Each column's title for people; nil keeps the CSV header (a scenario key path, a run's label).
    var titles: [WorkbookText?]
    /// The columns whose text cells are the analyses' words (`mean`, `claims_total`, `required-pool-quantile`).
    var wordColumns: Set<Int>
    /// This table's own words, ahead of the analyses' shared ones (`pd` is an estimate here, a sensitivity parameter as given elsewhere).
    var words: [String: WorkbookText]

    public init(name: String, rows: [[String]]) {
        self.init(name: name, rows: rows, sheetName: nil, titles: [], wordColumns: [])
    }

    init(name: String, rows: [[String]], sheetName: WorkbookText?, titles: [WorkbookText?], wordColumns: Set<Int>,
         words: [String: WorkbookText] = [:]) {
        self.name = name
        self.rows = rows
        self.sheetName = sheetName
        self.titles = titles
        self.wordColumns = wordColumns
        self.words = words
    }

    /// The table as a sheet for people in `language`: English is the CSV as it is.
    public func sheet(_ language: Language) -> (name: String, rows: [[String]]) {
        guard language != .en, let header = rows.first else { return (name, rows) }
        let titled = header.indices.map { column in
            (titles.indices.contains(column) ? titles[column] : nil)?.text(language) ?? header[column]
        }
        let body = rows.dropFirst().map { row in
            row.enumerated().map { column, cell in
                guard wordColumns.contains(column) else { return cell }
                return words[cell]?.text(language) ?? WorkbookWords.word(cell, language) ?? cell
            }
        }
        return (sheetName?.text(language) ?? name, [titled] + body)
    }
}

/// The analyses' tidy tables (CSV and workbook) and their terminal tables.
public enum AnalysisExport {
    // MARK: Size

    public static func size(_ estimates: [SizeEstimate]) -> AnalysisTable {
        var rows = [["ruin_probability", "initial_balance", "ci_low", "ci_high", "method", "trials"]]
        for e in estimates {
            rows.append([NumberFormat.plain(e.ruinProbability), NumberFormat.plain(e.initialBalance),
                         NumberFormat.plain(e.ciLow), NumberFormat.plain(e.ciHigh), e.method.rawValue, String(e.trials)])
        }
        return AnalysisTable(name: "size", rows: rows, sheetName: .sheetSize, titles: [
            .analysisRuinProbability, .analysisInitialBalance, .analysisCILow, .analysisCIHigh, .analysisMethod, .analysisTrials,
        ], wordColumns: [4])
    }

    public static func sizeTable(_ results: SizeResults, language: Language) -> String {
        let money = MoneyFormat(language)
        let metadata = results.run.metadata
        var table = TextTable(
            title: TableText.sizeTitle.text(language, ["scenario": metadata.scenarioName, "unit": money.tableUnit]),
            header: [TableText.columnRuinProbability, .columnInitialBalance, .columnInterval95, .columnMethod].map {
                $0.text(language)
            })
        for e in results.estimates {
            table.add([NumberFormat.percent(e.ruinProbability, digits: 2), money.cell(e.initialBalance),
                       "\(money.cell(e.ciLow)) – \(money.cell(e.ciHigh))", method(e.method).text(language)])
        }
        let trials = results.estimates.first?.trials ?? metadata.trials
        return table.rendered()
            + TableText.sizeFooter.text(language, ["trials": NumberFormat.count(Double(trials)), "seed": String(metadata.seed)])
            + "\n"
    }

    /// A sizing method's name for people.
    static func method(_ method: SizeEstimate.Method) -> TableText {
        switch method {
        case .requiredPoolQuantile: .methodRequiredPoolQuantile
        case .commonRandomNumberSearch: .methodCommonRandomNumberSearch
        }
    }

    // MARK: Compare

    public static func compare(_ results: CompareResults) -> AnalysisTable {
        var rows = [["statistic", "run", "value", "difference", "ci_low", "ci_high"]]
        for statistic in HeadlineStatistic.allCases {
            for (index, column) in results.columns.enumerated() {
                var row = [statistic.rawValue, column.label,
                           NumberFormat.plain(statistic.value(column.results.statistics))]
                if index == 0 {
                    row += ["", "", ""]
                } else {
                    let d = results.deltas[index - 1][statistic]
                    row += [NumberFormat.plain(d.difference), d.ciLow.map { NumberFormat.plain($0) } ?? "",
                            d.ciHigh.map { NumberFormat.plain($0) } ?? ""]
                }
                rows.append(row)
            }
        }
        return AnalysisTable(name: "compare", rows: rows, sheetName: .sheetCompare, titles: [
            .analysisStatistic, .analysisRun, .analysisValue, .analysisDifference, .analysisDifferenceCILow,
            .analysisDifferenceCIHigh,
        ], wordColumns: [0])
    }

    public static func compareTable(_ results: CompareResults, language: Language) -> String {
        let money = MoneyFormat(language)
        let columns = results.columns
        var header = [TableText.columnStatistic.text(language), columns[0].label]
        for column in columns.dropFirst() { header += [column.label, TableText.columnDelta.text(language)] }
        var table = TextTable(title: TableText.compareTitle.text(language, ["base": columns[0].label]), header: header)
        for statistic in HeadlineStatistic.allCases {
            var row = [label(statistic).text(language, ["unit": money.tableUnit]),
                       headline(statistic, statistic.value(columns[0].results.statistics), money)]
            for (index, column) in columns.enumerated().dropFirst() {
                row += [headline(statistic, statistic.value(column.results.statistics), money),
                        difference(statistic, results.deltas[index - 1][statistic], money)]
            }
            table.add(row)
        }
        let metadata = columns[0].results.metadata
        return table.rendered()
            + TableText.compareFooter.text(language, ["trials": String(metadata.trialsRequested), "seed": String(metadata.seed)])
            + "\n"
    }

    /// A headline statistic's name in a terminal table, its unit a `{unit}` placeholder.
    static func label(_ statistic: HeadlineStatistic) -> TableText {
        switch statistic {
        case .pExhaustion: .headlinePExhaustion
        case .claimsMean: .headlineClaimsMean
        case .claimsVaR99: .headlineClaimsVaR99
        case .claimsES99: .headlineClaimsES99
        case .paidMean: .headlinePaidMean
        case .unpaidMean: .headlineUnpaidMean
        case .endBalanceMean: .headlineEndBalanceMean
        case .lossMean: .headlineLossMean
        }
    }

    // MARK: Sweep

    public static func sweep(_ results: SweepResults) -> AnalysisTable {
        var rows = [results.axes.map(\.path) + ["quantity", "statistic", "value"]]
        for point in results.points {
            let keys = point.settings.map(\.text)
            rows += CSVExport.summaryRows(point.summary).map { keys + $0 }
        }
        let axes = results.axes.count
        return AnalysisTable(name: "sweep", rows: rows, sheetName: .sheetSweep,
                             titles: Array(repeating: nil, count: axes) + [.columnQuantity, .analysisStatistic, .analysisValue],
                             wordColumns: [axes, axes + 1])
    }

    public static func sweepTable(_ results: SweepResults, language: Language) -> String {
        let money = MoneyFormat(language)
        var table = TextTable(title: TableText.sweepTitle.text(language),
                              header: results.axes.map(\.path) + [
                                  TableText.columnPExhaustion, .columnCI95, .columnClaimsMean, .columnUnpaidMean, .columnClaimsVaR99,
                              ].map { $0.text(language) })
        for point in results.points {
            let s = point.summary
            table.add(point.settings.map(\.text) + [
                NumberFormat.percent(s.pExhaustion.estimate),
                "\(NumberFormat.percent(s.pExhaustion.low))–\(NumberFormat.percent(s.pExhaustion.high))",
                money.cell(s.total(.claims).mean), money.cell(s.total(.unpaid).mean),
                money.cell(s.valueAtRisk(.p99)),
            ])
        }
        return table.rendered()
    }

    // MARK: Sensitivity

    public static func sensitivity(_ results: SensitivityResults) -> AnalysisTable {
        var rows = [["parameter", "setting", "statistic", "value"]]
        for statistic in HeadlineStatistic.allCases {
            rows.append(["base", "", statistic.rawValue, NumberFormat.plain(results.base[statistic])])
        }
        for swing in results.parameters {
            for (setting, values) in [(swing.lowSetting, swing.low), (swing.highSetting, swing.high)] {
                for statistic in HeadlineStatistic.allCases {
                    rows.append([swing.name, setting, statistic.rawValue, NumberFormat.plain(values[statistic])])
                }
            }
        }
        return AnalysisTable(name: "sensitivity", rows: rows, sheetName: .sheetSensitivity, titles: [
            .analysisParameter, .analysisSetting, .analysisStatistic, .analysisValue,
        ], wordColumns: [0, 2])
    }

    public static func sensitivityTable(_ results: SensitivityResults, language: Language) -> String {
        let money = MoneyFormat(language)
        let base = results.base
        var table = TextTable(
            title: TableText.sensitivityTitle.text(language, [
                "probability": NumberFormat.percent(base[.pExhaustion]), "var": money.cell(base[.claimsVaR99]),
            ]),
            header: [
                TableText.columnParameter, .columnLow, .columnHigh, .columnPExhaustionLow, .columnPExhaustionHigh,
                .columnVaR99Low, .columnVaR99High,
            ].map { $0.text(language) })
        for swing in results.parameters {
            table.add([swing.name, swing.lowSetting, swing.highSetting,
                       NumberFormat.percent(swing.low[.pExhaustion]), NumberFormat.percent(swing.high[.pExhaustion]),
                       money.cell(swing.low[.claimsVaR99]), money.cell(swing.high[.claimsVaR99])])
        }
        return table.rendered() + TableText.sensitivityCaveat.text(language) + "\n"
    }

    // MARK: Replay

    /// One trial year by year and bank by bank.
    public static func replayTable(_ outcome: TrialOutcome, scenario: Scenario, language: Language) -> String {
        let money = MoneyFormat(language).cell
        let unit = MoneyFormat(language).tableUnit
        var years = TextTable(title: TableText.replayYearsTitle.text(language, ["scenario": scenario.name, "unit": unit]), header: [
            TableText.columnYear, .columnOpening, .columnInterest, .columnRecoveries, .columnTopUp, .columnClaimsDue, .columnPaid,
            .columnUnpaid, .columnDeferred, .columnClosing, .columnState,
        ].map { $0.text(language) })
        for t in 1...outcome.horizonYears {
            let y = outcome.year(t)
            years.add(["\(t)", money(y.openingBalance), money(y.interest), money(y.recoveries), money(y.topUp),
                       money(y.claims), money(y.paid), money(y.unpaid), money(y.deferred), money(y.closingBalance),
                       (y.exhausted ? TableText.stateExhausted : .stateOK).text(language)])
        }
        var banks = TextTable(title: TableText.replayBanksTitle.text(language, ["unit": unit]), header: [
            TableText.columnBank, .columnYear, .columnDefaults, .columnLoss, .columnClaims, .columnPaid, .columnUnpaid,
            .columnCoverage, .columnNPLRatio,
        ].map { $0.text(language) })
        for (b, bank) in scenario.banks.enumerated() {
            for t in 1...outcome.horizonYears {
                let y = outcome.bank(b, year: t)
                banks.add([t == 1 ? bank.id : "", "\(t)", "\(y.defaults)", money(y.loss), money(y.claims), money(y.paid),
                           money(y.unpaid), NumberFormat.percent(y.coverageFraction, digits: 1),
                           NumberFormat.percent(y.nplRatio, digits: 2)])
            }
        }
        var out = years.rendered() + "\n" + banks.rendered() + "\n"
        out += TableText.replayTotals.text(language, [
            "defaults": "\(outcome.defaultsTotal)", "loss": money(outcome.lossTotal), "claims": money(outcome.claimsTotal),
            "paid": money(outcome.paidTotal), "unpaid": money(outcome.unpaidTotal), "endBalance": money(outcome.endBalance),
        ]) + "\n"
        out += (outcome.exhaustionYear.map { TableText.replayExhaustionYear.text(language, ["year": String($0)]) }
            ?? TableText.replayNeverExhausted.text(language)) + "\n"
        out += (outcome.requiredPool.map { TableText.replayRequiredPool.text(language, ["amount": money($0)]) }
            ?? TableText.replayRequiredPoolNotAvailable.text(language)) + "\n"
        return out
    }

    // MARK: Headline cells

    /// A headline statistic for a table: percent for probabilities, money in the table's unit otherwise.
    static func headline(_ statistic: HeadlineStatistic, _ value: Double, _ money: MoneyFormat) -> String {
        statistic == .pExhaustion ? NumberFormat.percent(value) : money.cell(value)
    }

    /// "+1.23% [0.80%, 1.66%]", or the difference alone where it has no interval.
    static func difference(_ statistic: HeadlineStatistic, _ d: PairedDifference, _ money: MoneyFormat) -> String {
        let text = (d.difference > 0 ? "+" : "") + headline(statistic, d.difference, money)
        guard let low = d.ciLow, let high = d.ciHigh else { return text }
        return "\(text) [\(headline(statistic, low, money)), \(headline(statistic, high, money))]"
    }
}
