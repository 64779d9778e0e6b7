import Foundation
import PoolSimCore
import PoolSimText

/// A default history for `poolsim calibrate` (CALIBRATE.md, "Input"): CSV with
/// header `year,bank,loans,defaults`, one row per bank and year. Extra columns
/// are ignored with a warning.
public enum HistoryFile {
    public static let columns = ["year", "bank", "loans", "defaults"]

    /// The history and the warnings found reading it.
    public struct Read: Sendable {
        public var history: DefaultHistory
        public var warnings: [Diagnostic]
    }

    /// Reads and checks the file; every problem is collected, and any error
    /// throws (exit 65; 66 for a missing file).
    public static func load(path: String) throws(InputError) -> Read {
        let data = try ScenarioLoader.readFile(path, missing: .error(.noSuchFile, at: SourceLocation(file: path)))
        return try read(try ScenarioLoader.decodeText(data, file: path), file: path)
    }

    public static func read(_ text: String, file: String) throws(InputError) -> Read {
        let log = DiagnosticLog()
        let records = try CSV.records(text, file: file)
        guard let header = records.first else { throw InputError(.invalid, [.error(.historyEmpty, at: SourceLocation(file: file))]) }
        guard let columnIndex = header.columnIndex(known: columns, required: columns, file: file, log: log,
                                                   headerHint: columns.joined(separator: ","), ignoringUnknown: true)
        else { throw InputError(.invalid, log.items) }

        var rows: [HistoryRecord] = []
        var firstLine: [String: Int] = [:]
        for record in CSV.dataRecords(records, file: file, log: log) {
            var valid = true
            func fail(_ column: String, _ message: DiagnosticText, _ arguments: [String: String] = [:], hint: Message? = nil) {
                log.error(message, arguments, at: record.location(file: file, field: columnIndex[column]), path: column,
                          hint: hint)
                valid = false
            }
            func count(_ column: String) -> Int {
                let text = record.text(column, columnIndex)
                guard let value = Int(text) else {
                    fail(column, .historyNotWhole, ["column": column, "value": text])
                    return 0
                }
                return value
            }
            let year = count("year")
            let bank = record.text("bank", columnIndex)
            if bank.isEmpty { fail("bank", .historyBankEmpty) }
            let loans = count("loans")
            let defaults = count("defaults")
            if valid, loans < 1 { fail("loans", .historyLoansTooFew, ["value": String(loans)]) }
            if valid, defaults < 0 { fail("defaults", .historyDefaultsNegative, ["value": String(defaults)]) }
            if valid, defaults > loans {
                fail("defaults", .historyDefaultsAboveLoans, ["defaults": String(defaults), "loans": String(loans)])
            }
            let key = "\(year)\u{0}\(bank)"
            if valid, let first = firstLine[key] {
                fail("bank", .historyDuplicate, ["bank": bank, "year": String(year)],
                     hint: .diagnostic(.historyFirstRow, ["line": String(first)]))
            }
            guard valid else { continue }
            firstLine[key] = record.line
            rows.append(HistoryRecord(year: year, bank: bank, loans: loans, defaults: defaults))
        }
        if rows.isEmpty, !log.hasErrors { log.error(.historyEmpty, at: SourceLocation(file: file)) }
        guard !log.hasErrors else { throw InputError(.invalid, log.items) }
        return Read(history: DefaultHistory(records: rows), warnings: log.items)
    }
}
