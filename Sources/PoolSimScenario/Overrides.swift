import Foundation
import PoolSimText

/// `--set PATH=VALUE` and named stresses: changes to the document tree made
/// before validation, so their values are checked like any other.
///
/// A path is dotted: `pool.initial_balance`, `banks.ccb-hebei.segments.credit-loans.pd`.
/// In a list, a component names the entry whose `id` (banks) or `name`
/// (segments, stresses) it equals, or else is a 0-based index; `banks[0]` is
/// accepted too. A key that the format knows but the file omits is created.
enum Overrides {
    struct Problem: Error {
        var message: Message
        var hint: Message?
    }

    /// Splits `a.b[0].c` into `["a", "b", "0", "c"]`.
    static func components(of path: String) -> [String]? {
        var parts: [String] = []
        for piece in path.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(piece)
            guard let keyEnd = rest.firstIndex(of: "[") else {
                parts.append(String(rest))
                continue
            }
            parts.append(String(rest[..<keyEnd]))
            rest = rest[keyEnd...]
            while rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                parts.append(String(rest[rest.index(after: rest.startIndex)..<close]))
                rest = rest[rest.index(after: close)...]
            }
            guard rest.isEmpty else { return nil }
        }
        return parts.contains(where: \.isEmpty) ? nil : parts
    }

    /// Sets the value at `path` in `root`.
    static func set(_ path: String, to value: DocumentNode, in root: inout DocumentNode) -> Problem? {
        guard let parts = components(of: path) else {
            return Problem(message: .diagnostic(.invalidKeyPath, ["path": path]), hint: .diagnostic(.keyPathSyntax))
        }
        return set(parts[...], value: value, in: &root, shape: .table(ScenarioSchema.root), walked: "")
    }

    /// Whether `path` names a key that exists or may be created.
    static func check(_ path: String, in root: DocumentNode) -> Problem? {
        var copy = root
        return set(path, to: DocumentNode(.null, at: root.location), in: &copy)
    }

    private static func set(_ parts: ArraySlice<String>, value: DocumentNode, in node: inout DocumentNode,
                            shape: Shape?, walked: String) -> Problem? {
        guard let part = parts.first else { return nil }
        let rest = parts.dropFirst()
        var shape = shape
        if case let .nullable(inner)? = shape { shape = inner }

        if node.value == .null {
            switch shape {
            case .table?, .map?: node.value = .table([])
            case .list?: node.value = .list([])
            default: break
            }
        }

        switch node.value {
        case var .table(entries):
            let here = KeyPath.child(walked, part)
            let childShape: Shape?
            switch shape {
            case let .table(schema)?: childShape = schema.field(part)?.shape
            case let .map(inner)?: childShape = inner
            default: childShape = Shape.any
            }
            if let index = entries.firstIndex(where: { $0.key == part }) {
                if rest.isEmpty {
                    entries[index].node = value
                    entries[index].keyLocation = value.location
                } else if let problem = set(rest, value: value, in: &entries[index].node, shape: childShape, walked: here) {
                    return problem
                }
            } else {
                guard childShape != nil else {
                    var candidates = entries.map(\.key)
                    if case let .table(schema)? = shape { candidates = schema.keys }
                    let message: Message = walked.isEmpty ? .diagnostic(.noKeyInScenario, ["key": part])
                        : .diagnostic(.noKeyIn, ["key": part, "place": walked])
                    return Problem(message: message, hint: Suggestion.hint(for: part, in: candidates))
                }
                var child = value
                if !rest.isEmpty {
                    child = DocumentNode(.null, at: value.location)
                    if let problem = set(rest, value: value, in: &child, shape: childShape, walked: here) { return problem }
                }
                entries.append(DocumentEntry(key: part, keyLocation: value.location, node: child))
            }
            node.value = .table(entries)
            return nil

        case var .list(items):
            var elementShape: Shape?
            if case let .list(element, _)? = shape { elementShape = element }
            let names = items.map { item in item["id"]?.node.scalarText ?? item["name"]?.node.scalarText }
            let index: Int
            if let named = names.firstIndex(where: { $0 == part }) {
                index = named
            } else if let number = Int(part), items.indices.contains(number) {
                index = number
            } else {
                let known = names.compactMap { $0 }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                let hint = known.isEmpty ? .diagnostic(.listIndexed, ["count": String(items.count)])
                    : Suggestion.hint(for: part, in: known, listing: .validEntries)
                return Problem(message: .diagnostic(.noEntry, ["entry": part, "list": walked]), hint: hint)
            }
            let here = KeyPath.element(walked, index)
            if rest.isEmpty {
                items[index] = value
            } else if let problem = set(rest, value: value, in: &items[index], shape: elementShape, walked: here) {
                return problem
            }
            node.value = .list(items)
            return nil

        default:
            return Problem(message: .diagnostic(.valueHasNoKey, ["path": walked, "value": node.kindDescription, "key": part]),
                           hint: nil)
        }
    }

    // MARK: - Applying

    /// Parses `PATH=VALUE` and applies it; problems are reported at `--set PATH=VALUE`.
    static func apply(commandLine text: String, to root: inout DocumentNode, log: DiagnosticLog) {
        let location = SourceLocation(file: "--set \(text)")
        guard let equals = text.firstIndex(of: "=") else {
            log.error(.setSyntax, at: location, hint: .diagnostic(.setExample))
            return
        }
        let path = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        let valueText = String(text[text.index(after: equals)...])
        switch YAMLReader.readValue(valueText, location: location) {
        case let .failure(error):
            log.append(contentsOf: error.diagnostics)
        case let .success(value):
            if let problem = set(path, to: value, in: &root) {
                log.error(problem.message, at: location, path: path, hint: problem.hint)
            }
        }
    }

    /// The settings of the stress called `name`, read from the raw tree.
    static func stressSettings(named name: String, in root: DocumentNode, file: String)
        -> Result<[DocumentEntry], InputError>
    {
        var known: [String] = []
        if case let .list(stresses)? = root["stresses"]?.node.value {
            for stress in stresses {
                guard let stressName = stress["name"]?.node.scalarText else { continue }
                if stressName == name {
                    guard case let .table(settings)? = stress["set"]?.node.value else {
                        return .failure(InputError(.invalid, [.error(.stressHasNoSet, ["name": name], at: stress.location,
                                                                     keyPath: "stresses")]))
                    }
                    return .success(settings)
                }
                known.append(stressName)
            }
        }
        let hint = known.isEmpty ? .diagnostic(.noStresses) : Suggestion.hint(for: name, in: known, listing: .knownStresses)
        let location = root["stresses"]?.keyLocation ?? SourceLocation(file: file)
        return .failure(InputError(.invalid, [.error(.unknownStress, ["name": name], at: location, keyPath: "stresses",
                                                     hint: hint)]))
    }

    /// Applies the stress called `name` to `root`.
    static func apply(stress name: String, to root: inout DocumentNode, file: String, log: DiagnosticLog) {
        switch stressSettings(named: name, in: root, file: file) {
        case let .failure(error):
            log.append(contentsOf: error.diagnostics)
        case let .success(settings):
            for setting in settings {
                if let problem = set(setting.key, to: setting.node, in: &root) {
                    log.error(problem.message, at: setting.keyLocation, path: setting.key, hint: problem.hint)
                }
            }
        }
    }
}
