import Foundation
import PoolSimText
import Yams

/// Reads YAML into a `DocumentNode`, keeping Yams' marks (line, column) on every node.
enum YAMLReader {
    static func read(_ text: String, file: String) -> Result<DocumentNode, InputError> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return .failure(InputError(.invalid, [diagnostic(for: error, file: file)]))
        }
        guard let root else {
            return .failure(InputError(.invalid, [.error(.fileEmpty, at: SourceLocation(file: file))]))
        }
        var problems: [Diagnostic] = []
        let node = convert(root, file: file, problems: &problems)
        return problems.isEmpty ? .success(node) : .failure(InputError(.invalid, problems))
    }

    /// Reads a `--set` value: a YAML flow scalar or collection.
    static func readValue(_ text: String, location: SourceLocation) -> Result<DocumentNode, InputError> {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return .success(DocumentNode(.null, at: location)) }
        switch read(text, file: location.file) {
        case let .success(node): return .success(node.relocated(to: location))
        case let .failure(error):
            return .failure(InputError(.invalid, error.diagnostics.map {
                var diagnostic = $0
                diagnostic.location = location
                return diagnostic
            }))
        }
    }

    private static func location(_ mark: Mark?, file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line, column: mark?.column)
    }

    private static func convert(_ node: Node, file: String, problems: inout [Diagnostic]) -> DocumentNode {
        let here = location(node.mark, file: file)
        switch node {
        case let .scalar(scalar):
            return DocumentNode(scalarValue(scalar, tag: Tag.Name(rawValue: node.tag.rawValue)), at: here, sourceText: scalar.string)
        case let .sequence(sequence):
            return DocumentNode(.list(sequence.map { convert($0, file: file, problems: &problems) }), at: here)
        case let .mapping(mapping):
            var entries: [DocumentEntry] = []
            for (key, value) in mapping {
                guard case let .scalar(keyScalar) = key else {
                    problems.append(.error(.yamlKeyNotText, at: location(key.mark, file: file)))
                    continue
                }
                entries.append(DocumentEntry(key: keyScalar.string, keyLocation: location(key.mark, file: file),
                                             node: convert(value, file: file, problems: &problems)))
            }
            return DocumentNode(.table(entries), at: here)
        case .alias:
            // Yams resolves aliases while composing; an unresolved one reads as null.
            return DocumentNode(.null, at: here)
        }
    }

    private static func scalarValue(_ scalar: Node.Scalar, tag: Tag.Name) -> DocumentNode.Value {
        switch tag {
        case .null: return .null
        case .bool: return Bool.construct(from: scalar).map(DocumentNode.Value.bool) ?? .string(scalar.string)
        case .int:
            if let integer = Int.construct(from: scalar) { return .integer(integer) }
            return Double.construct(from: scalar).map(DocumentNode.Value.number) ?? .string(scalar.string)
        case .float: return Double.construct(from: scalar).map(DocumentNode.Value.number) ?? .string(scalar.string)
        default: return .string(scalar.string)
        }
    }

    private static func diagnostic(for error: Error, file: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error(.yamlUnreadable, ["detail": "\(error)"], at: SourceLocation(file: file))
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let message = ParserMessages.yaml(problem: problem, context: context.map { ($0.text, $0.mark.line) })
            return .error(message, at: location(mark, file: file))
        case let .reader(problem, _, _, _):
            guard let known = ParserMessages.match(problem, among: ParserMessages.yamlProblems) else {
                return .error(.cannotReadFile, ["detail": problem], at: SourceLocation(file: file))
            }
            return .error(.diagnostic(.yamlReaderProblem, nested: ["problem": known]), at: SourceLocation(file: file))
        case let .duplicatedKeysInMapping(duplicates, context):
            let message: Message = duplicates.count == 1 ? .diagnostic(.yamlDuplicateKey, ["key": duplicates[0]])
                : .diagnostic(.yamlDuplicateKeys, ["keys": duplicates.map { "'\($0)'" }.joined(separator: ", ")])
            return .error(message, at: location(context.mark, file: file))
        default:
            return .error(.yamlUnreadable, ["detail": "\(yamlError)"], at: SourceLocation(file: file))
        }
    }
}

/// Writing YAML text.
enum YAMLText {
    private static let reservedWords: Set<String> = [
        "null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    ]

    /// A string as a YAML scalar: plain when that reads back as the same string, else double-quoted.
    static func scalar(_ text: String) -> String {
        needsQuotes(text) ? quoted(text) : text
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if reservedWords.contains(text) { return true }
        if first == " " || last == " " { return true }
        if "-?:,[]{}#&*!|>'\"%@`.+0123456789".unicodeScalars.contains(first) { return true }
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F { return true }
            if ":#,[]{}\"'\\".unicodeScalars.contains(scalar) { return true }
        }
        return false
    }
}
