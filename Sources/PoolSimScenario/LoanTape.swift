import Foundation
import PoolSimCore
import PoolSimText

/// Loan tapes: CSV files listing individual loans (docs/scenario-format.md).
public enum LoanTape {
    /// The columns, in the order `poolsim portfolio` writes them.
    public static let columns = [
        "loan_id", "bank", "amount", "pd", "lgd_mean", "lgd_sd", "type", "sector",
        "origination_year", "term_years", "firm_id",
    ]
    /// Columns the header must have; the others may be left out and are then empty.
    static let requiredColumns = ["loan_id", "bank", "amount", "pd", "lgd_mean"]

    /// The loans as a CSV loan tape, header first.
    public static func csv(_ loans: [Loan]) -> String {
        var text = columns.joined(separator: ",") + "\n"
        for loan in loans {
            let fields = [
                loan.id, loan.bank, NumberText.format(loan.amount), NumberText.format(loan.pd),
                NumberText.format(loan.lgd.mean), NumberText.format(loan.lgd.sd), loan.type, loan.sector,
                String(loan.originationYear), String(loan.termYears), loan.firmID ?? "",
            ]
            text += fields.map(CSV.field).joined(separator: ",") + "\n"
        }
        return text
    }

    /// Reads and checks a tape; problems go to `log`, each naming the file, line and column.
    /// Returns the valid loans and the line each starts on.
    static func read(_ text: String, file: String, bankIDs: [String], horizon: Int, log: DiagnosticLog)
        -> (loans: [Loan], lines: [Int])
    {
        let records: [CSV.Record]
        switch CSV.parse(text) {
        case let .success(parsed): records = parsed
        case let .failure(problem):
            log.error(problem.message, at: SourceLocation(file: file, line: problem.line, column: problem.column))
            return ([], [])
        }
        guard let header = records.first else {
            log.error(.tapeEmpty, at: SourceLocation(file: file))
            return ([], [])
        }
        let location = { (record: CSV.Record, index: Int?) in record.location(file: file, field: index) }
        guard let columnIndex = header.columnIndex(known: columns, required: requiredColumns, file: file, log: log,
                                                   headerHint: columns.joined(separator: ","))
        else { return ([], []) }

        var loans: [Loan] = []
        var lines: [Int] = []
        var firstLine: [String: Int] = [:]
        for record in CSV.dataRecords(records, file: file, log: log) {
            var rowValid = true
            func text(_ column: String) -> String { record.text(column, columnIndex) }
            func fail(_ column: String, _ message: Message, hint: Message? = nil) {
                log.error(message, at: location(record, columnIndex[column]), path: column, hint: hint)
                rowValid = false
            }
            func number(_ column: String, _ range: NumberRange, empty: Double? = nil) -> Double {
                let raw = text(column)
                if raw.isEmpty, let empty { return empty }
                guard let value = Double(raw), value.isFinite else {
                    fail(column, raw.isEmpty ? .diagnostic(.mustNotBeEmpty, ["name": column])
                        : CSV.notA(.typeNumber, column: column, text: raw))
                    return 0
                }
                if !range.contains(value) { fail(column, CSV.outOfRange(range, column: column, value: NumberText.format(value))) }
                return value
            }
            func integer(_ column: String, _ range: NumberRange, empty: Int) -> Int {
                let raw = text(column)
                if raw.isEmpty { return empty }
                guard let value = Int(raw) else {
                    fail(column, CSV.notA(.typeInteger, column: column, text: raw))
                    return empty
                }
                if !range.contains(Double(value)) { fail(column, CSV.outOfRange(range, column: column, value: String(value))) }
                return value
            }

            let id = text("loan_id")
            if id.isEmpty {
                fail("loan_id", .diagnostic(.mustNotBeEmpty, ["name": "loan_id"]))
            } else if let first = firstLine[id] {
                fail("loan_id", .diagnostic(.duplicateLoanID, ["id": id]),
                     hint: .diagnostic(.firstUsedOnLine, ["name": id, "line": String(first)]))
            } else {
                firstLine[id] = record.line
            }
            let bank = text("bank")
            if !bankIDs.contains(bank) {
                fail("bank", .diagnostic(.unknownBank, ["bank": bank]), hint: Suggestion.hint(for: bank, in: bankIDs, listing: .validBanks))
            }
            let amount = number("amount", .money)
            let pd = number("pd", .unit)
            let lgdMean = number("lgd_mean", .unit)
            let lgdSD = number("lgd_sd", .nonNegative, empty: 0)
            if rowValid, let problem = ScenarioDecoder.betaProblem(mean: lgdMean, sd: lgdSD) {
                fail("lgd_sd", problem)
            }
            let origination = integer("origination_year", .closed(1, Double(horizon)), empty: 1)
            let term = integer("term_years", .closed(1, 100), empty: 1)
            let type = text("type")
            let sector = text("sector")
            let firm = text("firm_id")
            guard rowValid else { continue }
            loans.append(Loan(id: id, bank: bank, type: type.isEmpty ? "credit" : type,
                              sector: sector.isEmpty ? "general" : sector, amount: amount, pd: pd,
                              lgd: LGDSpec(mean: lgdMean, sd: lgdSD), originationYear: origination,
                              termYears: term, firmID: firm.isEmpty ? nil : firm))
            lines.append(record.line)
        }
        return (loans, lines)
    }
}

/// RFC 4180 CSV: comma separated, fields optionally in double quotes with `""`
/// for a quote; CRLF or LF line ends; a UTF-8 byte order mark is skipped.
enum CSV {
    /// "COLUMN must be a number, got "TEXT"", `type` being one of the type* keys.
    static func notA(_ type: DiagnosticText, column: String, text: String) -> Message {
        .diagnostic(.mustBeType, ["name": column],
                    nested: ["expected": .diagnostic(type), "got": .diagnostic(.gotText, ["value": text])])
    }

    /// "COLUMN must be in [0, 1], got VALUE".
    static func outOfRange(_ range: NumberRange, column: String, value: String) -> Message {
        .diagnostic(.mustBeInRange, ["name": column, "value": value], nested: ["range": range.message])
    }

    struct Field {
        var text: String
        /// 1-based column of the field's first character.
        var column: Int
    }

    struct Record {
        /// 1-based line on which the record starts.
        var line: Int
        var fields: [Field]

        /// The trimmed text of `column`, empty when the header lacks it.
        func text(_ column: String, _ columnIndex: [String: Int]) -> String {
            columnIndex[column].map { fields[$0].text.trimmingCharacters(in: .whitespaces) } ?? ""
        }

        /// The file, line and column of field `index` (column 1 for the whole record).
        func location(file: String, field index: Int?) -> SourceLocation {
            let column = index.flatMap { fields.indices.contains($0) ? fields[$0].column : nil }
            return SourceLocation(file: file, line: line, column: column ?? 1)
        }

        /// Reads this record as a header: the index of each known column. Unknown,
        /// duplicate and missing required columns are errors in `log`; then nil.
        /// Columns by name. An unknown column is an error, or with
        /// `ignoringUnknown` a warning and left out.
        func columnIndex(known: [String], required: [String], file: String, log: DiagnosticLog,
                         headerHint: String, ignoringUnknown: Bool = false) -> [String: Int]? {
            var index: [String: Int] = [:]
            var valid = true
            for (position, field) in fields.enumerated() {
                let name = field.text.trimmingCharacters(in: .whitespaces)
                if !known.contains(name), ignoringUnknown {
                    log.warning(.columnIgnored, ["name": name], at: location(file: file, field: position), path: name)
                } else if !known.contains(name) {
                    log.error(.unknownColumn, ["name": name], at: location(file: file, field: position), path: name,
                              hint: Suggestion.hint(for: name, in: known, listing: .validColumns))
                    valid = false
                } else if index[name] != nil {
                    log.error(.duplicateColumn, ["name": name], at: location(file: file, field: position), path: name)
                    valid = false
                } else {
                    index[name] = position
                }
            }
            let missing = required.filter { index[$0] == nil }
            if !missing.isEmpty {
                let message: Message = missing.count == 1 ? .diagnostic(.missingColumn, ["name": missing[0]])
                    : .diagnostic(.missingColumns, ["list": missing.map { "'\($0)'" }.joined(separator: ", ")])
                log.error(message, at: location(file: file, field: nil), hint: .diagnostic(.headerIs, ["header": headerHint]))
                valid = false
            }
            return valid ? index : nil
        }
    }

    struct Problem: Error {
        var message: Message
        var line: Int
        var column: Int
    }

    /// The records of a CSV text, or the located error that stops its parsing.
    static func records(_ text: String, file: String) throws(InputError) -> [Record] {
        switch parse(text) {
        case let .success(records): return records
        case let .failure(problem):
            throw InputError(.invalid, [.error(problem.message, at: SourceLocation(file: file, line: problem.line, column: problem.column))])
        }
    }

    /// The records after the header, blank lines skipped; a record whose field
    /// count differs from the header's is an error in `log` and left out.
    static func dataRecords(_ records: [Record], file: String, log: DiagnosticLog) -> [Record] {
        guard let header = records.first else { return [] }
        return records.dropFirst().filter { record in
            if record.fields.count == 1, record.fields[0].text.trimmingCharacters(in: .whitespaces).isEmpty { return false }
            guard record.fields.count == header.fields.count else {
                log.error(.rowFieldCount, ["fields": String(record.fields.count), "header": String(header.fields.count)],
                          at: record.location(file: file, field: nil))
                return false
            }
            return true
        }
    }

    static func parse(_ text: String) -> Result<[Record], Problem> {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var records: [Record] = []
        var fields: [Field] = []
        var field = String.UnicodeScalarView()
        var fieldColumn = 1
        var recordLine = 1
        var line = 1
        var column = 1
        var quoted = false
        var inQuotes = false
        var afterQuote = false
        var index = scalars.startIndex

        func endField() {
            fields.append(Field(text: String(field), column: fieldColumn))
            field = String.UnicodeScalarView()
            quoted = false
            afterQuote = false
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        field.append("\"")
                        index = scalars.index(after: index)
                        column += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                } else {
                    field.append(scalar)
                    if scalar == "\n" {
                        line += 1
                        column = 0
                    }
                }
                column += 1
                continue
            }
            switch scalar {
            case ",":
                endField()
                column += 1
                fieldColumn = column
            case "\r", "\n":
                if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
                endField()
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                line += 1
                column = 1
                fieldColumn = 1
                recordLine = line
            case "\"" where field.isEmpty && !quoted:
                quoted = true
                inQuotes = true
                column += 1
            default:
                if afterQuote, scalar != " " {
                    return .failure(Problem(message: .diagnostic(.unexpectedAfterQuote), line: line, column: column))
                }
                if !afterQuote { field.append(scalar) }
                column += 1
            }
        }
        if inQuotes {
            return .failure(Problem(message: .diagnostic(.quotedFieldNotClosed), line: recordLine, column: fieldColumn))
        }
        if !field.isEmpty || !fields.isEmpty || quoted {
            endField()
            records.append(Record(line: recordLine, fields: fields))
        }
        return .success(records)
    }

    /// A value as a CSV field, quoted when it holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
