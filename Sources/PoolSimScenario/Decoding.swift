import PoolSimText

extension Message {
    /// A message of the diagnostics section: `.diagnostic(.didYouMean, ["word": "pd"])`.
    static func diagnostic(_ key: DiagnosticText, _ arguments: [String: String] = [:],
                           nested: [String: Message] = [:]) -> Message {
        Message(key, arguments, nested: nested)
    }
}

/// Collects diagnostics while a document is checked; nothing stops at the first problem.
final class DiagnosticLog {
    private(set) var items: [Diagnostic] = []

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// An error: `log.error(.unknownKey, ["key": key], at: location, path: path, hint: hint)`.
    func error(_ key: DiagnosticText, _ arguments: [String: String] = [:], nested: [String: Message] = [:],
               at location: SourceLocation, path: String = "", hint: Message? = nil) {
        error(.diagnostic(key, arguments, nested: nested), at: location, path: path, hint: hint)
    }

    func error(_ message: Message, at location: SourceLocation, path: String = "", hint: Message? = nil) {
        items.append(Diagnostic(.error, message, at: location, keyPath: path, hint: hint))
    }

    func warning(_ key: DiagnosticText, _ arguments: [String: String] = [:], at location: SourceLocation,
                 path: String = "", hint: Message? = nil) {
        items.append(Diagnostic(.warning, .diagnostic(key, arguments), at: location, keyPath: path, hint: hint))
    }

    func append(contentsOf diagnostics: [Diagnostic]) { items.append(contentsOf: diagnostics) }
}

/// A value found at a key path, with where to report problems with it: the
/// key's location for table entries, the value's own for list items.
struct Located {
    var node: DocumentNode
    var at: SourceLocation
    var path: String
    let log: DiagnosticLog

    /// The last key of the path, as messages name it: `pd`, `schedule[2]`.
    var name: String { path.split(separator: ".").last.map(String.init) ?? path }

    var isNull: Bool { node.value == .null }

    /// "NAME must be EXPECTED, got VALUE", `expected` being one of the type* keys.
    func fail(expected: DiagnosticText, _ arguments: [String: String] = [:]) {
        log.error(.mustBeType, ["name": name], nested: ["expected": .diagnostic(expected, arguments), "got": node.got],
                  at: at, path: path)
    }

    /// "NAME must be in [0, 1], got VALUE".
    func outOfRange(_ range: NumberRange, got value: String) {
        log.error(.mustBeInRange, ["name": name, "value": value], nested: ["range": range.message], at: at, path: path)
    }

    func number(_ range: NumberRange) -> Double? {
        let value: Double
        switch node.value {
        case let .integer(integer): value = Double(integer)
        case let .number(number): value = number
        default:
            fail(expected: .typeNumber)
            return nil
        }
        guard value.isFinite else {
            fail(expected: .typeFiniteNumber)
            return nil
        }
        guard range.contains(value) else {
            outOfRange(range, got: NumberText.format(value))
            return nil
        }
        return value
    }

    func integer(_ range: NumberRange) -> Int? {
        let value: Int
        switch node.value {
        case let .integer(integer): value = integer
        case let .number(number) where number == number.rounded() && abs(number) < 9e15:
            value = Int(number)
        default:
            fail(expected: .typeInteger)
            return nil
        }
        guard range.contains(Double(value)) else {
            outOfRange(range, got: String(value))
            return nil
        }
        return value
    }

    /// Characters that would break dotted key paths, loan ids or CSV rows.
    static let identifierForbidden: Set<Character> = [".", "[", "]", "=", ",", "\"", " ", "\t", "\n", "\r"]

    func string(identifier: Bool = false) -> String? {
        guard let text = node.scalarText else {
            fail(expected: .typeString)
            return nil
        }
        if identifier {
            if text.isEmpty {
                log.error(.mustNotBeEmpty, ["name": name], at: at, path: path)
                return nil
            }
            if let bad = text.first(where: { Self.identifierForbidden.contains($0) }) {
                let hint = Message.diagnostic(.identifierCharacters)
                if bad == " " {
                    log.error(.mustNotContainSpace, ["name": name, "value": text], at: at, path: path, hint: hint)
                } else {
                    log.error(.mustNotContainCharacter, ["name": name, "character": String(bad), "value": text],
                              at: at, path: path, hint: hint)
                }
                return nil
            }
        }
        return text
    }

    func choice(_ options: [String]) -> String? {
        guard case let .string(text) = node.value, options.contains(text) else {
            let hint = node.scalarText.flatMap { Suggestion.closest(to: $0, in: options) }
                .map { Message.diagnostic(.didYouMean, ["word": $0]) }
            log.error(.mustBeOneOf, ["name": name, "options": options.joined(separator: ", ")], nested: ["got": node.got],
                      at: at, path: path, hint: hint)
            return nil
        }
        return text
    }

    func list(minimumCount: Int = 0) -> [Located]? {
        guard case let .list(items) = node.value else {
            fail(expected: .typeList)
            return nil
        }
        if items.count < minimumCount {
            log.error(minimumCount == 1 ? .mustHaveAtLeastOneEntry : .mustHaveAtLeastEntries,
                      ["name": name, "count": String(minimumCount)], at: at, path: path)
        }
        return items.enumerated().map {
            Located(node: $0.element, at: $0.element.location, path: KeyPath.element(path, $0.offset), log: log)
        }
    }

    func table(_ schema: SchemaTable) -> TableReader? {
        TableReader(self, schema: schema)
    }

    /// A table with free keys.
    func map() -> [(key: String, value: Located)]? {
        guard case let .table(entries) = node.value else {
            fail(expected: .typeTable)
            return nil
        }
        return entries.map {
            ($0.key, Located(node: $0.node, at: $0.keyLocation, path: KeyPath.child(path, $0.key), log: log))
        }
    }
}

/// Reads the keys of one table against its schema: unknown keys and missing
/// required keys are reported when it is made; each accessor checks type and
/// range and fills in the default.
struct TableReader {
    let located: Located
    let entries: [DocumentEntry]
    let schema: SchemaTable
    var log: DiagnosticLog { located.log }
    var path: String { located.path }

    init?(_ located: Located, schema: SchemaTable) {
        guard case let .table(entries) = located.node.value else {
            located.fail(expected: .typeTable)
            return nil
        }
        self.located = located
        self.entries = entries
        self.schema = schema
        for entry in entries where schema.field(entry.key) == nil {
            located.log.error(.unknownKey, ["key": entry.key], at: entry.keyLocation,
                              path: KeyPath.child(located.path, entry.key),
                              hint: Suggestion.hint(for: entry.key, in: schema.keys))
        }
        for field in schema.fields {
            if case .required = field.defaultValue, !entries.contains(where: { $0.key == field.key }) {
                located.log.error(.missingRequiredKey, ["key": field.key], at: located.at,
                                  path: KeyPath.child(located.path, field.key))
            }
        }
    }

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    private func field(_ key: String) -> SchemaField {
        guard let field = schema.field(key) else { preconditionFailure("'\(key)' is not in the schema") }
        return field
    }

    /// The value of `key`, or its default; nil when absent and required or derived.
    func value(_ key: String) -> Located? {
        let field = field(key)
        if let entry = entries.first(where: { $0.key == key }) {
            return Located(node: entry.node, at: entry.keyLocation, path: KeyPath.child(path, key), log: log)
        }
        guard case let .value(value) = field.defaultValue else { return nil }
        return Located(node: DocumentNode(value, at: located.at), at: located.at, path: KeyPath.child(path, key), log: log)
    }

    /// The key's value with null unwrapped: nil for null (when allowed) or a problem.
    private func nonNull(_ key: String) -> (Located, Shape)? {
        guard let value = value(key) else { return nil }
        var shape = field(key).shape
        if case let .nullable(inner) = shape {
            if value.isNull { return nil }
            shape = inner
        }
        return (value, shape)
    }

    func number(_ key: String) -> Double? {
        guard let (value, shape) = nonNull(key), case let .number(range) = shape else { return nil }
        return value.number(range)
    }

    func integer(_ key: String) -> Int? {
        guard let (value, shape) = nonNull(key), case let .integer(range) = shape else { return nil }
        return value.integer(range)
    }

    func string(_ key: String) -> String? {
        guard let (value, shape) = nonNull(key), case let .string(identifier) = shape else { return nil }
        return value.string(identifier: identifier)
    }

    func choice(_ key: String) -> String? {
        guard let (value, shape) = nonNull(key), case let .choice(options) = shape else { return nil }
        return value.choice(options)
    }

    func table(_ key: String) -> TableReader? {
        guard let (value, shape) = nonNull(key), case let .table(schema) = shape else { return nil }
        return value.table(schema)
    }

    /// The items of a list key, each already located.
    func list(_ key: String) -> (items: [Located], element: Shape)? {
        guard let (value, shape) = nonNull(key), case let .list(element, minimumCount) = shape,
              let items = value.list(minimumCount: minimumCount) else { return nil }
        return (items, element)
    }

    func numbers(_ key: String) -> [Double]? {
        guard let (items, element) = list(key), case let .number(range) = element else { return nil }
        let values = items.map { $0.number(range) }
        return values.contains(nil) ? nil : values.compactMap { $0 }
    }

    /// A table with free keys whose values are numbers in the range the schema gives.
    func numberMap(_ key: String) -> [String: Double]? {
        guard let (value, shape) = nonNull(key), case let .map(.number(range)) = shape,
              let entries = value.map() else { return nil }
        var result: [String: Double] = [:]
        var valid = true
        for (name, item) in entries {
            if let number = item.number(range) { result[name] = number } else { valid = false }
        }
        return valid ? result : nil
    }
}
