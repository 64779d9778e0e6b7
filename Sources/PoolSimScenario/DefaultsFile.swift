import Foundation
import PoolSimCore
import PoolSimText

/// A defaults file for `poolsim replay` (README, "Replaying a list of defaults"): CSV with header
/// `year,loan_id,lgd[,time]`, one default per row.
public enum DefaultsFile {
    public static let columns = ["year", "loan_id", "lgd", "time"]
    static let requiredColumns = ["year", "loan_id", "lgd"]

    /// The defaults, ordered by year (file order within a year), and the line each came from.
    public struct Replayed: Sendable {
        public var defaults: [DefaultEvent]
        /// The file line of each default, for messages.
        public var lines: [Int]
        public var file: String
    }

    /// Reads and checks the file against the portfolio. Every problem is
    /// collected; any error throws, with exit 65 (66 for a missing file).
    ///
    /// An empty `lgd` is the loan's mean LGD plus the scenario's `lgd_add`,
    /// clamped to [0, 1]; a given one is used as it is. `time` orders claims
    /// under `fifo`; it must be given on every row or on none (then file order).
    public static func load(path: String, loans: [Loan], scenario: Scenario) throws(InputError) -> Replayed {
        let data = try ScenarioLoader.readFile(path, missing: .error(.noSuchFile, at: SourceLocation(file: path)))
        let text = try ScenarioLoader.decodeText(data, file: path)
        return try read(text, file: path, loans: loans, scenario: scenario)
    }

    public static func read(_ text: String, file: String, loans: [Loan], scenario: Scenario) throws(InputError) -> Replayed {
        let log = DiagnosticLog()
        let records = try CSV.records(text, file: file)
        guard let header = records.first else {
            throw InputError(.invalid, [.error(.defaultsEmpty, at: SourceLocation(file: file))])
        }
        let location = { (record: CSV.Record, index: Int?) in record.location(file: file, field: index) }
        guard let columnIndex = header.columnIndex(known: columns, required: requiredColumns, file: file, log: log,
                                                   headerHint: "year,loan_id,lgd[,time]")
        else { throw InputError(.invalid, log.items) }

        let loanIndex = Dictionary(loans.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var firstLine: [Int: Int] = [:]
        var rows: [(event: DefaultEvent, line: Int)] = []
        var timed: Bool?
        let horizon = scenario.horizonYears
        for record in CSV.dataRecords(records, file: file, log: log) {
            var valid = true
            func text(_ column: String) -> String { record.text(column, columnIndex) }
            func fail(_ column: String, _ message: DiagnosticText, _ arguments: [String: String] = [:], hint: Message? = nil) {
                log.error(message, arguments, at: location(record, columnIndex[column]), path: column, hint: hint)
                valid = false
            }

            let yearText = text("year")
            let year = Int(yearText) ?? 0
            if Int(yearText) == nil {
                fail("year", .yearNotWhole, ["value": yearText])
            } else if !(1...horizon).contains(year) {
                fail("year", .yearOutsideHorizon, ["horizon": String(horizon), "year": String(year)])
            }
            let id = text("loan_id")
            let loan = loanIndex[id]
            if loan == nil {
                fail("loan_id", .unknownLoan, ["id": id],
                     hint: Suggestion.closest(to: id, in: Array(loanIndex.keys).sorted()).map { .diagnostic(.didYouMean, ["word": $0]) }
                        ?? .diagnostic(.portfolioLists))
            } else if let loan, let first = firstLine[loan] {
                fail("loan_id", .loanDefaultsTwice, ["id": id], hint: .diagnostic(.firstDefaultOnLine, ["line": String(first)]))
            }
            if let loan, valid, !loans[loan].isAtRisk(year: year) {
                let l = loans[loan]
                fail("year", l.termYears == 1 ? .loanNotAtRiskInYear : .loanNotAtRiskInYears,
                     ["id": id, "first": String(l.originationYear), "last": String(l.maturityYear), "year": String(year)])
            }
            var lgd = 0.0
            let lgdText = text("lgd")
            if lgdText.isEmpty {
                if let loan { lgd = min(1, max(0, loans[loan].lgd.mean + scenario.defaultModel.lgdAdd)) }
            } else if let value = Double(lgdText), (0...1).contains(value) {
                lgd = value
            } else {
                fail("lgd", .defaultLGDInvalid, ["value": lgdText])
            }
            var time = 0.0
            let timeText = text("time")
            if columnIndex["time"] != nil {
                if timeText.isEmpty {
                    if timed == true { fail("time", .timeEmptyHere) }
                    timed = timed ?? false
                } else {
                    if timed == false { fail("time", .timeGivenHere) }
                    timed = timed ?? true
                    if let value = Double(timeText), value >= 0, value < 1 {
                        time = value
                    } else {
                        fail("time", .timeInvalid, ["value": timeText])
                    }
                }
            }
            guard valid, let loan else { continue }
            firstLine[loan] = record.line
            rows.append((DefaultEvent(loan: loan, year: year, lgd: lgd, time: time), record.line))
        }
        guard !log.hasErrors else { throw InputError(.invalid, log.items) }
        // Stable: file order is kept within a year.
        let ordered = rows.enumerated().sorted { ($0.element.event.year, $0.offset) < ($1.element.event.year, $1.offset) }
        return Replayed(defaults: ordered.map(\.element.event), lines: ordered.map(\.element.line), file: file)
    }
}
