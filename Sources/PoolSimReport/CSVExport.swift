import Foundation
import PoolSimCore

/// The tidy long tables of the results directory (README, "Results"), from a results
/// document. UTF-8 with a header row; numbers in plain decimal notation.
public enum CSVExport {
    /// Excel opens UTF-8 files as such (and shows Chinese names) only with this mark.
    public static let byteOrderMark = "\u{FEFF}"

    /// summary.csv: one row per statistic of the run's totals and probabilities.
    public static func summary(_ document: JSONValue) -> String {
        render([["quantity", "statistic", "value"]] + summaryRows(document["summary"] ?? .null))
    }

    /// (quantity, statistic, value) rows of a results document's `summary`;
    /// the exhaustion probability by year becomes `p_exhaustion_year_T` rows.
    public static func summaryRows(_ summary: JSONValue) -> [[String]] {
        var rows: [[String]] = []
        for (quantity, value) in summary.objectValue ?? [] {
            switch quantity {
            case "p_exhaustion_by_year":
                for entry in value.arrayValue ?? [] {
                    let year = entry["year"]?.doubleValue.map { NumberFormat.plain($0) } ?? ""
                    for (statistic, number) in entry.objectValue ?? [] where statistic != "year" {
                        rows.append(["p_exhaustion_year_\(year)", statistic, cell(number)])
                    }
                }
            default:
                rows += statisticRows(value).map { [quantity] + $0 }
            }
        }
        return rows
    }

    /// by_year.csv: year, quantity, statistic, value.
    public static func byYear(_ document: JSONValue) -> String {
        var rows = [["year", "quantity", "statistic", "value"]]
        for entry in document["by_year"]?.arrayValue ?? [] {
            let year = cell(entry["year"] ?? .null)
            for (quantity, value) in entry.objectValue ?? [] where quantity != "year" {
                rows += statisticRows(value).map { [year, quantity] + $0 }
            }
        }
        return render(rows)
    }

    /// by_bank.csv: bank, name, quantity, statistic, value.
    public static func byBank(_ document: JSONValue) -> String {
        var rows = [["bank", "name", "quantity", "statistic", "value"]]
        for entry in document["by_bank"]?.arrayValue ?? [] {
            let id = entry["id"]?.stringValue ?? ""
            let name = entry["name"]?.stringValue ?? ""
            for (quantity, value) in entry.objectValue ?? [] where quantity != "id" && quantity != "name" {
                rows += statisticRows(value).map { [id, name, quantity] + $0 }
            }
        }
        return render(rows)
    }

    /// pool_size.csv: initial_balance, p_exhaustion.
    public static func poolSize(_ document: JSONValue) -> String {
        var rows = [["initial_balance", "p_exhaustion"]]
        for point in document["pool_size"]?["curve"]?.arrayValue ?? [] {
            rows.append([cell(point["initial_balance"] ?? .null), cell(point["p_exhaustion"] ?? .null)])
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

    /// Rows (statistic, value) for a STAT, a probability, a {level: value} map, or a number.
    public static func statisticRows(_ value: JSONValue) -> [[String]] {
        switch value {
        case let .object(members):
            var rows: [[String]] = []
            for (statistic, number) in members {
                if case let .object(inner) = number {
                    rows += inner.map { [$0.0, cell($0.1)] }
                } else {
                    rows.append([statistic, cell(number)])
                }
            }
            return rows
        default:
            return [["value", cell(value)]]
        }
    }

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
