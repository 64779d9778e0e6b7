import PoolSimCore

/// One table of an analysis: a CSV file `<name>.csv` and a sheet `<name>` of analysis.xlsx.
public struct AnalysisTable: Sendable {
    public var name: String
    public var rows: [[String]]

    public init(name: String, rows: [[String]]) {
        self.name = name
        self.rows = rows
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
        return AnalysisTable(name: "size", rows: rows)
    }

    public static func sizeTable(_ results: SizeResults) -> String {
        var table = TextTable(title: "\(results.run.metadata.scenarioName): initial balance for a target ruin probability (yuan)",
                              header: ["ruin probability", "initial balance", "95% interval", "method"])
        for e in results.estimates {
            table.add([NumberFormat.percent(e.ruinProbability, digits: 2), NumberFormat.money(e.initialBalance),
                       "\(NumberFormat.money(e.ciLow)) – \(NumberFormat.money(e.ciHigh))", e.method.rawValue])
        }
        let trials = results.estimates.first?.trials ?? results.run.metadata.trials
        return table.rendered() + "\(NumberFormat.count(Double(trials))) trials, seed \(results.run.metadata.seed)\n"
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
        return AnalysisTable(name: "compare", rows: rows)
    }

    public static func compareTable(_ results: CompareResults) -> String {
        let columns = results.columns
        var header = ["statistic", columns[0].label]
        for column in columns.dropFirst() { header += [column.label, "Δ (95% CI)"] }
        var table = TextTable(title: "Side by side, same random numbers; Δ against \(columns[0].label)", header: header)
        for statistic in HeadlineStatistic.allCases {
            var row = [statistic.label, headline(statistic, statistic.value(columns[0].results.statistics))]
            for (index, column) in columns.enumerated().dropFirst() {
                row += [headline(statistic, statistic.value(column.results.statistics)),
                        difference(statistic, results.deltas[index - 1][statistic])]
            }
            table.add(row)
        }
        let metadata = columns[0].results.metadata
        return table.rendered() + "\(metadata.trialsRequested) trials each, seed \(metadata.seed)\n"
    }

    // MARK: Sweep

    public static func sweep(_ results: SweepResults) -> AnalysisTable {
        var rows = [results.axes.map(\.path) + ["quantity", "statistic", "value"]]
        for point in results.points {
            let keys = point.settings.map(\.text)
            rows += CSVExport.summaryRows(point.summary).map { keys + $0 }
        }
        return AnalysisTable(name: "sweep", rows: rows)
    }

    public static func sweepTable(_ results: SweepResults) -> String {
        var table = TextTable(title: "Sweep: every point on the same random numbers",
                              header: results.axes.map(\.path)
                                + ["P(exhaustion)", "95% CI", "claims, mean", "unpaid, mean", "claims VaR 99%"])
        for point in results.points {
            let s = point.summary
            table.add(point.settings.map(\.text) + [
                NumberFormat.percent(s.pExhaustion.estimate),
                "\(NumberFormat.percent(s.pExhaustion.low))–\(NumberFormat.percent(s.pExhaustion.high))",
                NumberFormat.money(s.total(.claims).mean), NumberFormat.money(s.total(.unpaid).mean),
                NumberFormat.money(s.valueAtRisk(.p99)),
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
        return AnalysisTable(name: "sensitivity", rows: rows)
    }

    public static func sensitivityTable(_ results: SensitivityResults) -> String {
        let base = results.base
        var table = TextTable(
            title: "Sensitivity (base: P(exhaustion) \(NumberFormat.percent(base[.pExhaustion])), claims VaR 99% \(NumberFormat.money(base[.claimsVaR99])))",
            header: ["parameter", "low", "high", "P(exh.) low", "P(exh.) high", "VaR 99% low", "VaR 99% high"])
        for swing in results.parameters {
            table.add([swing.name, swing.lowSetting, swing.highSetting,
                       NumberFormat.percent(swing.low[.pExhaustion]), NumberFormat.percent(swing.high[.pExhaustion]),
                       NumberFormat.money(swing.low[.claimsVaR99]), NumberFormat.money(swing.high[.claimsVaR99])])
        }
        return table.rendered() + results.caveat + "\n"
    }

    // MARK: Replay

    /// One trial year by year and bank by bank.
    public static func replayTable(_ outcome: TrialOutcome, scenario: Scenario) -> String {
        let money = NumberFormat.money
        var years = TextTable(title: "\(scenario.name): the pool year by year (yuan)", header: [
            "year", "opening", "interest", "recoveries", "top-up", "claims due", "paid", "unpaid", "deferred", "closing", "state",
        ])
        for t in 1...outcome.horizonYears {
            let y = outcome.year(t)
            years.add(["\(t)", money(y.openingBalance), money(y.interest), money(y.recoveries), money(y.topUp),
                       money(y.claims), money(y.paid), money(y.unpaid), money(y.deferred), money(y.closingBalance),
                       y.exhausted ? "exhausted" : "ok"])
        }
        var banks = TextTable(title: "Bank by bank (yuan)", header: [
            "bank", "year", "defaults", "loss", "claims", "paid", "unpaid", "coverage", "NPL ratio",
        ])
        for (b, bank) in scenario.banks.enumerated() {
            for t in 1...outcome.horizonYears {
                let y = outcome.bank(b, year: t)
                banks.add([t == 1 ? bank.id : "", "\(t)", "\(y.defaults)", money(y.loss), money(y.claims), money(y.paid),
                           money(y.unpaid), NumberFormat.percent(y.coverageFraction, digits: 1),
                           NumberFormat.percent(y.nplRatio, digits: 2)])
            }
        }
        var out = years.rendered() + "\n" + banks.rendered() + "\n"
        out += "defaults \(outcome.defaultsTotal), loss \(money(outcome.lossTotal)), claims \(money(outcome.claimsTotal)), "
        out += "paid \(money(outcome.paidTotal)), unpaid \(money(outcome.unpaidTotal)), end balance \(money(outcome.endBalance))\n"
        out += "exhaustion year: \(outcome.exhaustionYear.map(String.init) ?? "none")\n"
        out += "required pool: \(outcome.requiredPool.map(money) ?? "not available (coverage depends on the balance)")\n"
        return out
    }

    // MARK: Headline cells

    /// A headline statistic for a table: percent for probabilities, yuan otherwise.
    static func headline(_ statistic: HeadlineStatistic, _ value: Double) -> String {
        statistic == .pExhaustion ? NumberFormat.percent(value) : NumberFormat.money(value)
    }

    /// "+1.23% [0.80%, 1.66%]", or the difference alone where it has no interval.
    static func difference(_ statistic: HeadlineStatistic, _ d: PairedDifference) -> String {
        let text = (d.difference > 0 ? "+" : "") + headline(statistic, d.difference)
        guard let low = d.ciLow, let high = d.ciHigh else { return text }
        return "\(text) [\(headline(statistic, low)), \(headline(statistic, high))]"
    }
}
