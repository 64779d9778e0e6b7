import PoolSimText

/// A parsed input document, independent of its format: YAML, TOML and JSON
/// all read into this tree, which keeps where each value came from so that
/// validation can point at it.
public struct DocumentNode: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case string(String)
        case list([DocumentNode])
        /// Entries in document order (TOML: in line order where known).
        case table([DocumentEntry])
    }

    public var value: Value
    /// Where the value starts.
    public var location: SourceLocation
    /// The scalar as written, when the format keeps it (YAML): lets a string
    /// field accept `name: 2022`.
    public var sourceText: String?

    public init(_ value: Value, at location: SourceLocation, sourceText: String? = nil) {
        self.value = value
        self.location = location
        self.sourceText = sourceText
    }

    /// The entry for `key` if this node is a table holding it.
    public subscript(key: String) -> DocumentEntry? {
        guard case let .table(entries) = value else { return nil }
        return entries.first { $0.key == key }
    }

    /// The scalar as text: source text if known, else a rendering of the value.
    var scalarText: String? {
        switch value {
        case let .string(text): return text
        case .bool, .integer, .number: return sourceText ?? FlowText.render(self)
        case .null, .list, .table: return nil
        }
    }

    /// "got 1.8", "got "x"", "got a list": what the value is, for "must be X, got Y" messages.
    var got: Message {
        switch value {
        case .list: .diagnostic(.gotList)
        case .table: .diagnostic(.gotTable)
        default: .diagnostic(.gotValue, ["value": kindDescription])
        }
    }

    /// What a value is, as written: `null`, `1.8`, `"x"` (`a list`, `a table` in English).
    var kindDescription: String {
        switch value {
        case .null: return "null"
        case let .bool(flag): return flag ? "true" : "false"
        case let .integer(integer): return String(integer)
        case let .number(number): return NumberText.format(number)
        case let .string(text): return "\"\(text)\""
        case .list: return "a list"
        case .table: return "a table"
        }
    }

    /// Replaces every location in the tree (used for values given on the command line).
    func relocated(to location: SourceLocation) -> DocumentNode {
        var copy = self
        copy.location = location
        switch value {
        case let .list(items):
            copy.value = .list(items.map { $0.relocated(to: location) })
        case let .table(entries):
            copy.value = .table(entries.map {
                DocumentEntry(key: $0.key, keyLocation: location, node: $0.node.relocated(to: location))
            })
        default:
            break
        }
        return copy
    }
}

/// One `key: value` of a table, with where the key is written.
public struct DocumentEntry: Sendable, Equatable {
    public var key: String
    public var keyLocation: SourceLocation
    public var node: DocumentNode

    public init(key: String, keyLocation: SourceLocation, node: DocumentNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.node = node
    }
}

// MARK: - Text of values

/// Numbers as people write them: integral values without a fraction, others
/// in the shortest form that reads back to the same Double.
enum NumberText {
    static func format(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        // Whole numbers up to 2⁵³ (every one exactly representable) without a fraction or exponent.
        if value == value.rounded(), abs(value) <= 9_007_199_254_740_992 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}

/// One-line YAML flow text of a node: `2.5`, `[1, 1.5, 2]`, `{mean: 0.6, sd: 0.2}`.
enum FlowText {
    static func render(_ node: DocumentNode) -> String {
        switch node.value {
        case .null: return "null"
        case let .bool(flag): return flag ? "true" : "false"
        case let .integer(integer): return String(integer)
        case let .number(number): return NumberText.format(number)
        case let .string(text): return YAMLText.scalar(text)
        case let .list(items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case let .table(entries):
            return "{" + entries.map { "\(YAMLText.scalar($0.key)): \(render($0.node))" }.joined(separator: ", ") + "}"
        }
    }
}

// MARK: - Key paths

/// Builds the key paths shown in diagnostics: `banks[2].segments[0].pd`.
enum KeyPath {
    static func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    static func element(_ path: String, _ index: Int) -> String { "\(path)[\(index)]" }
}

// MARK: - Suggestions

enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough
    /// to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = max(1, min(3, word.count / 2))
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// Levenshtein distance over Unicode characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// "did you mean 'x'?", or the list of valid choices (`listing`: validKeys, validBanks, …).
    static func hint(for word: String, in candidates: [String], listing: DiagnosticText = .validKeys) -> Message {
        if let match = closest(to: word, in: candidates) { return .diagnostic(.didYouMean, ["word": match]) }
        return .diagnostic(listing, ["list": candidates.joined(separator: ", ")])
    }
}

extension Diagnostic {
    /// An error diagnostic: `.error(.noSuchFile, at: SourceLocation(file: path))`.
    static func error(_ key: DiagnosticText, _ arguments: [String: String] = [:], at location: SourceLocation,
                      keyPath: String = "", hint: Message? = nil) -> Diagnostic {
        Diagnostic(.error, .diagnostic(key, arguments), at: location, keyPath: keyPath, hint: hint)
    }

    static func error(_ message: Message, at location: SourceLocation, keyPath: String = "", hint: Message? = nil)
        -> Diagnostic
    {
        Diagnostic(.error, message, at: location, keyPath: keyPath, hint: hint)
    }
}
