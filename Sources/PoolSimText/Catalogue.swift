/// One section of the message catalogue: a set of stable identifiers, each
/// with its text in every language. Texts are templates whose `{name}`
/// placeholders are filled when rendered; every language of a key uses the
/// same placeholders (a test checks it, and that no language lacks a key).
public protocol TextSection: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// The section's texts in `language`, by key.
    static func table(_ language: Language) -> [Self: String]
}

extension TextSection {
    /// The text of this key in `language`, its placeholders filled from `arguments`.
    public func text(_ language: Language, _ arguments: [String: String] = [:]) -> String {
        let template = Self.table(language)[self] ?? Self.table(.en)[self] ?? rawValue
        return Catalogue.fill(template, arguments)
    }
}

/// The whole catalogue: every section, for the completeness test.
public enum Catalogue {
    /// Every section of the catalogue. A new section is added here.
    public static let sections: [any TextSection.Type] = [
        CommonText.self, RunText.self, RequestText.self, MetadataText.self, DiagnosticText.self, TableText.self, WorkbookText.self, HTMLReportText.self,
        AnalysisReportText.self, WebText.self, CalibrationReportText.self, CalibrateText.self,
    ]

    /// `template` with each `{name}` replaced by `arguments[name]`; unknown names are left as written.
    public static func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            out += arguments[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The `{name}` placeholders of a template, in order of appearance.
    public static func placeholders(_ template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// A message for people whose language is chosen when it is shown: a key of
/// the catalogue and the values of its placeholders.
public struct Message: Sendable, Equatable, CustomStringConvertible {
    /// The key's section and name ("RunText.resultsWritten"), for equality and tests.
    public let key: String
    public let arguments: [String: String]
    private let render: @Sendable (Language) -> String

    public init<Section: TextSection>(_ key: Section, _ arguments: [String: String] = [:]) {
        self.key = "\(Section.self).\(key.rawValue)"
        self.arguments = arguments
        render = { key.text($0, arguments) }
    }

    /// A message some of whose arguments are messages too — words that change with
    /// the language, like a type name — each shown in the language of the whole.
    /// `arguments` holds their English text, for equality and tests.
    public init<Section: TextSection>(_ key: Section, _ arguments: [String: String] = [:], nested: [String: Message]) {
        self.key = "\(Section.self).\(key.rawValue)"
        self.arguments = arguments.merging(nested.mapValues(\.description)) { $1 }
        render = { language in key.text(language, arguments.merging(nested.mapValues { $0.text(language) }) { $1 }) }
    }

    public func text(_ language: Language) -> String { render(language) }

    /// The English text.
    public var description: String { text(.en) }

    public static func == (lhs: Message, rhs: Message) -> Bool { lhs.key == rhs.key && lhs.arguments == rhs.arguments }
}
