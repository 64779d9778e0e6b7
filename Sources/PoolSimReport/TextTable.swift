import PoolSimCore

/// A plain-text table for the terminal: a title, a header and right-aligned numbers.
public struct TextTable {
    public var title: String
    public var header: [String]
    public var rows: [[String]] = []

    public init(title: String, header: [String]) {
        self.title = title
        self.header = header
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func rendered() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        var out = title + "\n" + line(header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}

/// The summary printed after a run: exhaustion first, then totals, by year, by bank.
public enum SummaryReport {
    public static func render(_ document: JSONValue) -> String {
        var out = ""
        let metadata = document["metadata"]
        let summary = document["summary"]
        let name = metadata?["scenario_name"]?.stringValue ?? "scenario"
        let trials = metadata?["trials"]?.doubleValue ?? 0
        let seed = metadata?["seed"].map { CSVExport.cell($0) } ?? ""
        out += "\(name): \(NumberFormat.count(trials)) trials, seed \(seed)"
        if metadata?["stop_reason"]?.stringValue == "interrupted" { out += " (interrupted)" }
        out += "\n\n"
        if let p = summary?["p_exhaustion"] {
            out += "P(pool exhausted within the horizon): \(probability(p))\n\n"
        }

        var totals = TextTable(title: "Totals over the horizon (yuan)", header: ["quantity", "mean", "±mcse", "P50", "P95", "P99"])
        for (key, label) in [("claims_total", "claims"), ("paid_total", "paid"), ("unpaid_total", "unpaid"),
                             ("loss_total", "loss"), ("defaults_total", "defaults"), ("end_balance", "end balance")] {
            guard let stat = summary?[key] else { continue }
            let format = key == "defaults_total" ? NumberFormat.count : NumberFormat.money
            totals.add([label, format(number(stat["mean"])), format(number(stat["mcse"])),
                        format(percentile(stat, "p50")), format(percentile(stat, "p95")), format(percentile(stat, "p99"))])
        }
        out += totals.rendered()
        if let variance = summary?["claims_var"], let shortfall = summary?["claims_es"] {
            out += "claims VaR 99%: \(NumberFormat.money(number(variance["0.99"])))"
            out += "   ES 99%: \(NumberFormat.money(number(shortfall["0.99"])))\n"
        }
        out += "\n"

        var years = TextTable(title: "By year (means, yuan)",
                              header: ["year", "opening", "claims", "paid", "unpaid", "top-up", "closing", "P(exhausted by)"])
        let byYearProbability = summary?["p_exhaustion_by_year"]?.arrayValue ?? []
        for (index, entry) in (document["by_year"]?.arrayValue ?? []).enumerated() {
            let p = byYearProbability.indices.contains(index) ? NumberFormat.percent(number(byYearProbability[index]["estimate"])) : ""
            years.add([CSVExport.cell(entry["year"] ?? .null)]
                + ["opening_balance", "claims", "paid", "unpaid", "topup", "closing_balance"].map {
                    NumberFormat.money(number(entry[$0]?["mean"]))
                } + [p])
        }
        out += years.rendered() + "\n"

        var banks = TextTable(title: "By bank (means over the horizon, yuan)",
                              header: ["bank", "defaults", "loss", "claims", "paid", "unpaid", "tail claims (VaR99)"])
        for entry in document["by_bank"]?.arrayValue ?? [] {
            banks.add([entry["id"]?.stringValue ?? "",
                       NumberFormat.count(number(entry["defaults"]?["mean"]))]
                + ["loss", "claims", "paid", "unpaid"].map { NumberFormat.money(number(entry[$0]?["mean"])) }
                + [NumberFormat.money(number(entry["tail_contribution_99"]))])
        }
        out += banks.rendered()

        if let poolSize = document["pool_size"], poolSize["available"] == .bool(true) {
            out += "\nInitial balance needed for a ruin probability of: "
            out += (poolSize["required"]?.arrayValue ?? []).map {
                "\(NumberFormat.percent(number($0["ruin_probability"]), digits: 1)) → \(NumberFormat.millions(number($0["initial_balance"])))"
            }.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// "1.23% (95% CI 0.98%–1.51%)".
    public static func probability(_ p: JSONValue) -> String {
        "\(NumberFormat.percent(number(p["estimate"]))) (95% CI \(NumberFormat.percent(number(p["ci_low"])))–\(NumberFormat.percent(number(p["ci_high"]))))"
    }

    static func number(_ value: JSONValue?) -> Double { value?.doubleValue ?? .nan }

    static func percentile(_ stat: JSONValue, _ name: String) -> Double { number(stat["percentiles"]?[name]) }
}
