import PoolSimCore

/// Where in an input file something is: 1-based line and column where the format gives them.
public struct SourceLocation: Sendable, Equatable, Hashable {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or as much of it as is known.
    public var rendered: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

/// One problem found in an input file, rendered like a compiler diagnostic:
///
///     scenarios/x.yaml:23:9: error: pd must be in [0, 1], got 1.8 (banks[2].segments[0].pd)
///       hint: …
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    /// The key path in the document, e.g. `banks[2].segments[0].pd`; empty for the whole file.
    public var keyPath: String
    public var hint: String?

    public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation,
                keyPath: String = "", hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.keyPath = keyPath
        self.hint = hint
    }

    public var description: String {
        var text = "\(location.rendered): \(severity.rawValue): \(message)"
        if !keyPath.isEmpty { text += " (\(keyPath))" }
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Thrown when an input file has errors: every diagnostic found, warnings included.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The input is invalid (exit 65).
        case invalid
        /// An input file does not exist (exit 66).
        case missingFile
    }

    public var kind: Kind
    public var diagnostics: [Diagnostic]

    public init(_ kind: Kind = .invalid, _ diagnostics: [Diagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
