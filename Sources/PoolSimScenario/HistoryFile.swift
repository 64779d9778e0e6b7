import Foundation
import PoolSimCore
import PoolSimText

/// A default history for `poolsim calibrate` (CALIBRATE.md, "Input"): CSV with
/// header `year,bank,loans,defaults`, one row per bank and year. Extra columns
/// are ignored with a warning; lines starting with `#` before the header are comments.
public enum HistoryFile {
    public static let columns = ["year", "bank", "loans", "defaults"]

    /// The history and the warnings found reading it.
    public struct Read: Sendable {
        public var history: DefaultHistory
        public var warnings: [Diagnostic]
        /// Where each bank's first row is.
        public var bankLocations: [String: SourceLocation]
    }

    /// Reads and checks the file; every problem is collected, and any error
    /// throws (exit 65; 66 for a missing file).
    public static func load(path: String) throws(InputError) -> Read {
        let data = try ScenarioLoader.readFile(path, missing: .error(.noSuchFile, at: SourceLocation(file: path)))
        return try read(try ScenarioLoader.decodeText(data, file: path), file: path)
    }

    public static func read(_ text: String, file: String) throws(InputError) -> Read {
        let log = DiagnosticLog()
        // Lines starting with # before the header are comments (where the history came from).
        let records = Array(try CSV.records(text, file: file).drop { record in
            let first = record.fields.first?.text.trimmingCharacters(in: .whitespaces) ?? ""
            return first.hasPrefix("#") || (record.fields.count == 1 && first.isEmpty)
        })
        guard let header = records.first else { throw InputError(.invalid, [.error(.historyEmpty, at: SourceLocation(file: file))]) }
        guard let columnIndex = header.columnIndex(known: columns, required: columns, file: file, log: log,
                                                   headerHint: columns.joined(separator: ","), ignoringUnknown: true)
        else { throw InputError(.invalid, log.items) }

        var rows: [HistoryRecord] = []
        var firstLine: [String: Int] = [:]
        var bankLocations: [String: SourceLocation] = [:]
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
            if bankLocations[bank] == nil { bankLocations[bank] = record.location(file: file, field: columnIndex["bank"]) }
            rows.append(HistoryRecord(year: year, bank: bank, loans: loans, defaults: defaults))
        }
        if rows.isEmpty, !log.hasErrors { log.error(.historyEmpty, at: SourceLocation(file: file)) }
        guard !log.hasErrors else { throw InputError(.invalid, log.items) }
        return Read(history: DefaultHistory(records: rows), warnings: log.items, bankLocations: bankLocations)
    }
}
