import PoolSimCore
import PoolSimText

/// A plain-text table for the terminal: a title, a header and right-aligned numbers.
/// Columns line up by display width: Chinese characters take two columns.
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
        let widths = header.indices.map { column in
            all.map { $0.indices.contains(column) ? Self.displayWidth($0[column]) : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - Self.displayWidth(cell))
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        var out = title + "\n" + line(header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }

    /// The columns `text` takes in a terminal: two for East Asian wide and
    /// fullwidth characters (汉字, 。，（）), one for the others.
    public static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { width, character in
            width + (character.unicodeScalars.first.map(isWide) == true ? 2 : 1)
        }
    }

    /// East Asian Width W or F (Unicode 15): CJK ideographs and punctuation,
    /// kana, Hangul, fullwidth forms, and the ideographic planes.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}

/// The summary printed after a run: exhaustion first, then totals, by year, by bank.
public enum SummaryReport {
    public static func render(_ results: RunResults, language: Language) -> String {
        let metadata = results.metadata
        let statistics = results.statistics
        let summary = statistics.summary
        let money = MoneyFormat(language)
        let unit = ["unit": money.tableUnit]
        var out = TableText.runHeadline.text(language, [
            "scenario": metadata.scenarioName, "trials": NumberFormat.count(Double(metadata.trials)), "seed": String(metadata.seed),
        ])
        if metadata.stopReason == .interrupted { out += TableText.runInterrupted.text(language) }
        out += "\n\n"
        out += TableText.pExhaustionLine.text(language, ["probability": probability(summary.pExhaustion, language: language)])
        out += "\n\n"

        var totals = TextTable(title: TableText.totalsTitle.text(language, unit), header: [
            TableText.columnQuantity, .columnMean, .columnMCSE, .columnP50, .columnP95, .columnP99,
        ].map { $0.text(language) })
        for quantity in TotalQuantity.allCases {
            let stat = summary.total(quantity)
            let format = quantity == .defaults ? NumberFormat.count : money.cell
            totals.add([label(quantity).text(language), format(stat.mean), format(stat.mcse),
                        format(stat.percentile(.p50)), format(stat.percentile(.p95)), format(stat.percentile(.p99))])
        }
        out += totals.rendered()
        out += TableText.tailLine.text(language, [
            "var": money.cell(summary.valueAtRisk(.p99)), "es": money.cell(summary.expectedShortfall(.p99)),
        ])
        out += "\n\n"

        var years = TextTable(title: TableText.byYearTitle.text(language, unit), header: [
            TableText.columnYear, .columnOpening, .columnClaims, .columnPaid, .columnUnpaid, .columnTopUp, .columnClosing,
            .columnExhaustedBy,
        ].map { $0.text(language) })
        let exhaustedBy = summary.pExhaustionByYear
        for (index, year) in statistics.byYear.enumerated() {
            let p = exhaustedBy.indices.contains(index) ? NumberFormat.percent(exhaustedBy[index].estimate) : ""
            years.add([String(year.year)]
                + [.openingBalance, .claims, .paid, .unpaid, .topUp, .closingBalance].map {
                    money.cell(year.stat($0).mean)
                } + [p])
        }
        out += years.rendered() + "\n"

        var banks = TextTable(title: TableText.byBankTitle.text(language, unit), header: [
            TableText.columnBank, .columnDefaults, .columnLoss, .columnClaims, .columnPaid, .columnUnpaid, .columnTailClaims,
        ].map { $0.text(language) })
        for bank in statistics.byBank {
            banks.add([bank.id, NumberFormat.count(bank.stat(.defaults).mean)]
                + [.loss, .claims, .paid, .unpaid].map { money.cell(bank.stat($0).mean) }
                + [money.cell(bank.tailContribution99)])
        }
        out += banks.rendered()

        if statistics.poolSize.available {
            let targets = statistics.poolSize.required.map {
                TableText.requiredPoolTarget.text(language, [
                    "probability": NumberFormat.percent($0.ruinProbability, digits: 1),
                    // English names millions without the unit, as before; Chinese says 亿元 or 万元.
                    "amount": language == .en ? NumberFormat.millions($0.initialBalance) : money.text($0.initialBalance),
                ])
            }
            out += "\n" + TableText.requiredPoolLine.text(language, [
                "targets": targets.joined(separator: TableText.listSeparator.text(language)),
            ]) + "\n"
        }
        return out
    }

    /// "1.23% (95% CI 0.98%–1.51%)"; "1.23%（95% 置信区间 0.98%–1.51%）".
    public static func probability(_ p: ProbabilityEstimate, language: Language = .en) -> String {
        TableText.probabilityWithInterval.text(language, [
            "estimate": NumberFormat.percent(p.estimate), "low": NumberFormat.percent(p.low),
            "high": NumberFormat.percent(p.high),
        ])
    }

    /// A total's name in the terminal table.
    static func label(_ quantity: TotalQuantity) -> TableText {
        switch quantity {
        case .claims: .totalClaims
        case .paid: .totalPaid
        case .unpaid: .totalUnpaid
        case .loss: .totalLoss
        case .defaults: .totalDefaults
        case .endBalance: .totalEndBalance
        }
    }
}
