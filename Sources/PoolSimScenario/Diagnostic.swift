import PoolSimCore
import PoolSimText

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

/// One problem found in an input file, rendered like a compiler diagnostic in
/// the reader's language:
///
///     scenarios/x.yaml:23:9: error: pd must be in [0, 1], got 1.8 (banks[2].segments[0].pd)
///       hint: …
///     scenarios/x.yaml:23:9: 错误：pd 须在 [0, 1] 之间，实际为 1.8（banks[2].segments[0].pd）
///       提示：…
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var severity: Severity
    public var message: Message
    public var location: SourceLocation
    /// The key path in the document, e.g. `banks[2].segments[0].pd`; empty for the whole file.
    public var keyPath: String
    public var hint: Message?

    public init(_ severity: Severity = .error, _ message: Message, at location: SourceLocation,
                keyPath: String = "", hint: Message? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.keyPath = keyPath
        self.hint = hint
    }

    /// The diagnostic as shown to people in `language`.
    public func rendered(_ language: Language) -> String {
        let severityWord = (severity == .error ? DiagnosticText.severityError : .severityWarning).text(language)
        var text = DiagnosticText.located.text(language, [
            "location": location.rendered, "severity": severityWord, "message": message.text(language),
        ])
        if !keyPath.isEmpty { text += DiagnosticText.keyPathSuffix.text(language, ["path": keyPath]) }
        if let hint { text += "\n" + DiagnosticText.hintLine.text(language, ["hint": hint.text(language)]) }
        return text
    }

    /// The diagnostic in English.
    public var description: String { rendered(.en) }
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

    /// The diagnostics in `language`, one per line (hints on their own lines).
    public func rendered(_ language: Language) -> String { diagnostics.map { $0.rendered(language) }.joined(separator: "\n") }

    /// The diagnostics in English.
    public var description: String { rendered(.en) }
}
