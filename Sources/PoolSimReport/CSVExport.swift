import Foundation
import PoolSimCore

/// The tidy long tables of the results directory (README, "Results"), from a run's
/// results. UTF-8 with a header row; numbers in plain decimal notation.
public enum CSVExport {
    /// Excel opens UTF-8 files as such (and shows Chinese names) only with this mark.
    public static let byteOrderMark = "\u{FEFF}"

    /// summary.csv: one row per statistic of the run's totals and probabilities.
    public static func summary(_ results: RunResults) -> String {
        render([["quantity", "statistic", "value"]] + summaryRows(results.statistics.summary))
    }

    /// (quantity, statistic, value) rows of a run's summary, in the order of
    /// results.json; the exhaustion probability by year becomes `p_exhaustion_year_T` rows.
    public static func summaryRows(_ summary: RunSummary) -> [[String]] {
        var rows = probabilityRows(summary.pExhaustion).map { ["p_exhaustion"] + $0 }
        for (index, p) in summary.pExhaustionByYear.enumerated() {
            rows += probabilityRows(p).map { ["p_exhaustion_year_\(index + 1)"] + $0 }
        }
        for quantity in TotalQuantity.allCases {
            rows += statisticRows(summary.total(quantity)).map { [quantity.name] + $0 }
        }
        rows += TailLevel.allCases.map { ["claims_var", $0.name, NumberFormat.plain(summary.valueAtRisk($0))] }
        rows += TailLevel.allCases.map { ["claims_es", $0.name, NumberFormat.plain(summary.expectedShortfall($0))] }
        return rows
    }

    /// by_year.csv: year, quantity, statistic, value.
    public static func byYear(_ results: RunResults) -> String {
        var rows = [["year", "quantity", "statistic", "value"]]
        for year in results.statistics.byYear {
            for quantity in YearQuantity.allCases {
                rows += statisticRows(year.stat(quantity)).map { [String(year.year), quantity.name] + $0 }
            }
        }
        return render(rows)
    }

    /// by_bank.csv: bank, name, quantity, statistic, value.
    public static func byBank(_ results: RunResults) -> String {
        var rows = [["bank", "name", "quantity", "statistic", "value"]]
        for bank in results.statistics.byBank {
            for quantity in BankQuantity.allCases {
                rows += statisticRows(bank.stat(quantity)).map { [bank.id, bank.name, quantity.name] + $0 }
            }
            rows.append([bank.id, bank.name, "tail_contribution_99", "value", NumberFormat.plain(bank.tailContribution99)])
        }
        return render(rows)
    }

    /// pool_size.csv: initial_balance, p_exhaustion.
    public static func poolSize(_ results: RunResults) -> String {
        var rows = [["initial_balance", "p_exhaustion"]]
        for point in results.statistics.poolSize.curve {
            rows.append([NumberFormat.plain(point.initialBalance), NumberFormat.plain(point.pExhaustion)])
        }
        return render(rows)
    }

    /// trials.csv: one row per trial (the columns the README lists).
    public static func trials(_ records: TrialRecords, bankIDs: [String]) -> String {
        var out = (trialColumns(bankIDs: bankIDs, weighted: records.weighted)).joined(separator: ",") + "\n"
        out.reserveCapacity(records.count * (60 + 12 * bankIDs.count))
        let totals = TotalQuantity.allCases.map { records.total($0) }
        let bankClaims = bankIDs.indices.map { records.bank(.claims, $0) }
        for i in 0..<records.count {
            out += String(i + 1)
            out += "," + String(records.exhaustionYear[i])
            for column in totals { out += "," + NumberFormat.plain(column[i]) }
            out += "," + NumberFormat.plain(records.requiredPool[i])
            for column in bankClaims { out += "," + NumberFormat.plain(column[i]) }
            if records.weighted { out += "," + NumberFormat.plain(records.weights[i]) }
            out += "\n"
        }
        return out
    }

    /// The columns the README lists, then `weight` (the likelihood ratio) for importance-sampled runs.
    public static func trialColumns(bankIDs: [String], weighted: Bool = false) -> [String] {
        ["trial", "exhaustion_year"] + TotalQuantity.allCases.map(\.name) + ["required_pool"]
            + bankIDs.map { "claims_\($0)" } + (weighted ? ["weight"] : [])
    }

    /// (statistic, value) rows of a statistic: mean, sd, mcse, min, max, then each percentile.
    static func statisticRows(_ stat: Stat) -> [[String]] {
        let moments = [("mean", stat.mean), ("sd", stat.sd), ("mcse", stat.mcse), ("min", stat.min), ("max", stat.max)]
        let percentiles = Percentile.allCases.map { ($0.name, stat.percentile($0)) }
        return (moments + percentiles).map { [$0.0, NumberFormat.plain($0.1)] }
    }

    /// (statistic, value) rows of a probability: its estimate and 95% interval.
    static func probabilityRows(_ p: ProbabilityEstimate) -> [[String]] {
        [["estimate", NumberFormat.plain(p.estimate)], ["ci_low", NumberFormat.plain(p.low)],
         ["ci_high", NumberFormat.plain(p.high)]]
    }

    /// A JSON scalar as a cell; arrays and objects as compact JSON.
    public static func cell(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case let .bool(flag): flag ? "true" : "false"
        case let .int(number): String(number)
        case let .number(number): NumberFormat.plain(number)
        case let .string(text): text
        case .array, .object: value.rendered(indent: false)
        }
    }

    /// RFC 4180 text: fields quoted when they hold a comma, quote or line break.
    public static func render(_ rows: [[String]]) -> String {
        rows.map { $0.map(quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
