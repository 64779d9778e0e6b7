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
    public static func render(_ results: RunResults) -> String {
        let metadata = results.metadata
        let statistics = results.statistics
        let summary = statistics.summary
        var out = "\(metadata.scenarioName): \(NumberFormat.count(Double(metadata.trials))) trials, seed \(metadata.seed)"
        if metadata.stopReason == .interrupted { out += " (interrupted)" }
        out += "\n\n"
        out += "P(pool exhausted within the horizon): \(probability(summary.pExhaustion))\n\n"

        var totals = TextTable(title: "Totals over the horizon (yuan)", header: ["quantity", "mean", "±mcse", "P50", "P95", "P99"])
        for quantity in TotalQuantity.allCases {
            let stat = summary.total(quantity)
            let format = quantity == .defaults ? NumberFormat.count : NumberFormat.money
            totals.add([label(quantity), format(stat.mean), format(stat.mcse),
                        format(stat.percentile(.p50)), format(stat.percentile(.p95)), format(stat.percentile(.p99))])
        }
        out += totals.rendered()
        out += "claims VaR 99%: \(NumberFormat.money(summary.valueAtRisk(.p99)))"
        out += "   ES 99%: \(NumberFormat.money(summary.expectedShortfall(.p99)))\n"
        out += "\n"

        var years = TextTable(title: "By year (means, yuan)",
                              header: ["year", "opening", "claims", "paid", "unpaid", "top-up", "closing", "P(exhausted by)"])
        let exhaustedBy = summary.pExhaustionByYear
        for (index, year) in statistics.byYear.enumerated() {
            let p = exhaustedBy.indices.contains(index) ? NumberFormat.percent(exhaustedBy[index].estimate) : ""
            years.add([String(year.year)]
                + [.openingBalance, .claims, .paid, .unpaid, .topUp, .closingBalance].map {
                    NumberFormat.money(year.stat($0).mean)
                } + [p])
        }
        out += years.rendered() + "\n"

        var banks = TextTable(title: "By bank (means over the horizon, yuan)",
                              header: ["bank", "defaults", "loss", "claims", "paid", "unpaid", "tail claims (VaR99)"])
        for bank in statistics.byBank {
            banks.add([bank.id, NumberFormat.count(bank.stat(.defaults).mean)]
                + [.loss, .claims, .paid, .unpaid].map { NumberFormat.money(bank.stat($0).mean) }
                + [NumberFormat.money(bank.tailContribution99)])
        }
        out += banks.rendered()

        if statistics.poolSize.available {
            out += "\nInitial balance needed for a ruin probability of: "
            out += statistics.poolSize.required.map {
                "\(NumberFormat.percent($0.ruinProbability, digits: 1)) → \(NumberFormat.millions($0.initialBalance))"
            }.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// "1.23% (95% CI 0.98%–1.51%)".
    public static func probability(_ p: ProbabilityEstimate) -> String {
        "\(NumberFormat.percent(p.estimate)) (95% CI \(NumberFormat.percent(p.low))–\(NumberFormat.percent(p.high)))"
    }

    /// A total's name in the terminal table.
    static func label(_ quantity: TotalQuantity) -> String {
        switch quantity {
        case .claims: "claims"
        case .paid: "paid"
        case .unpaid: "unpaid"
        case .loss: "loss"
        case .defaults: "defaults"
        case .endBalance: "end balance"
        }
    }
}
