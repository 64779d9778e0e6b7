import Foundation
import PoolSimCore
import PoolSimText

/// A copy of a scenario with a calibration's estimates (CALIBRATE.md,
/// "Outputs", `--apply`): `default_model.rho_global` and `rho_bank` replaced,
/// and for each bank of the history its segments' PDs scaled in proportion so
/// that their `loans_per_year`-weighted mean is the bank's estimated PD.
/// Every other key stays as it was.
///
/// A YAML scenario that writes out every key to change keeps its text,
/// comments included: only the numbers change. Any other (JSON, TOML, or a key
/// left to its default) is rewritten from its document tree as YAML, and the
/// header says that its comments were not carried over.
public enum CalibratedScenario {
    public struct Written: Sendable {
        /// The new scenario's YAML text.
        public var text: String
        /// Banks left as they were, and banks of the history the scenario does not have.
        public var warnings: [Diagnostic]
    }

    /// The loaded scenario's file with the estimates. `history` names the history
    /// file in the header comment, `date` (YYYY-MM-DD) says when;
    /// `historyLocations` point the warnings about the history's banks at their rows.
    public static func apply(_ calibration: Calibration, to loaded: LoadedScenario, history: String,
                             historyLocations: [String: SourceLocation] = [:], date: String,
                             language: Language) throws(InputError) -> Written {
        let path = loaded.path
        let data = try ScenarioLoader.readFile(path, missing: .error(.noSuchFile, at: SourceLocation(file: path)))
        let text = try ScenarioLoader.decodeText(data, file: path)
        let format = ScenarioFormat(path: path) ?? .yaml
        var root = try ScenarioLoader.document(contents: text, format: format, file: path).get()

        var changes: [Change] = [
            Change(path: [.key("default_model"), .key("rho_global")], value: calibration.rhoGlobal.estimate),
            Change(path: [.key("default_model"), .key("rho_bank")], value: calibration.rhoBank.estimate),
        ]
        var warnings: [Diagnostic] = []
        let estimates = Dictionary(uniqueKeysWithValues: calibration.pd.map { ($0.bank, $0.estimate) })
        let bankNodes = root["banks"].flatMap { entry -> [DocumentNode]? in
            if case let .list(items) = entry.node.value { return items }
            return nil
        } ?? []
        var applied: [String] = []
        for (b, bank) in loaded.scenario.banks.enumerated() {
            let location = bankNodes.indices.contains(b) ? bankNodes[b].location : SourceLocation(file: path)
            guard let estimate = estimates[bank.id] else {
                warnings.append(Diagnostic(.warning, .diagnostic(.applyBankNotInHistory, ["bank": bank.id]), at: location,
                                           keyPath: "banks[\(b)]"))
                continue
            }
            guard !bank.segments.isEmpty else {
                warnings.append(Diagnostic(.warning, .diagnostic(.applyBankFromTape, ["bank": bank.id]), at: location,
                                           keyPath: "banks[\(b)]"))
                continue
            }
            for (s, pd) in scaledPDs(bank.segments, mean: estimate).enumerated() {
                changes.append(Change(path: [.key("banks"), .index(b), .key("segments"), .index(s), .key("pd")], value: pd))
            }
            applied.append(bank.id)
        }
        let scenarioBanks = Set(loaded.scenario.banks.map(\.id))
        for pd in calibration.pd where !scenarioBanks.contains(pd.bank) {
            warnings.append(Diagnostic(.warning, .diagnostic(.applyBankNotInScenario, ["bank": pd.bank]),
                                       at: historyLocations[pd.bank] ?? SourceLocation(file: history), keyPath: "bank"))
        }

        var header = [
            CalibrateText.appliedFrom.text(language, ["history": history, "date": date]),
            CalibrateText.appliedWhat.text(language, ["banks": applied.joined(separator: ", ")]),
            CalibrateText.appliedRest.text(language, ["scenario": path]),
        ]
        let body: String
        if format == .yaml, let edited = editedInPlace(text, root: root, changes: changes) {
            body = edited
        } else {
            for change in changes { root.set(change.path, to: .number(change.value)) }
            header.append(CalibrateText.appliedCommentsDropped.text(language, ["scenario": path]))
            body = YAMLEmitter.emit(root)
        }
        let comment = header.flatMap { wrapped($0, width: 78) }.map { "# " + $0 }.joined(separator: "\n")
        return Written(text: comment + "\n#\n" + body, warnings: warnings)
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word keeps its own line).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return lines + (line.isEmpty ? [] : [line])
    }

    /// The segments' PDs times one factor, so that their mean weighted by
    /// `loans_per_year` is `mean`; equal to `mean` when they are all 0. None above 1.
    static func scaledPDs(_ segments: [Segment], mean: Double) -> [Double] {
        let weights = segments.reduce(0) { $0 + $1.loansPerYear }
        let current = weights > 0 ? segments.reduce(0) { $0 + $1.loansPerYear * $1.pd } / weights : 0
        guard current > 0 else { return segments.map { _ in mean } }
        return segments.map { min(1, $0.pd * mean / current) }
    }

    /// A number as the scenario writes it: six significant digits in plain decimals.
    static func number(_ value: Double) -> String {
        guard value != 0, value.isFinite else { return "0" }
        let digits = max(0, 5 - Int(log10(abs(value)).rounded(.down)))
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    struct Change {
        var path: [DocumentNode.Step]
        var value: Double
    }

    /// The YAML text with each changed scalar replaced where it is written;
    /// nil when one of them is not written out as a plain scalar on its line.
    static func editedInPlace(_ text: String, root: DocumentNode, changes: [Change]) -> String? {
        var lines = text.components(separatedBy: "\n")
        // Right to left within a line, so that earlier columns stay where they are.
        var edits: [(line: Int, column: Int, old: String, new: String)] = []
        for change in changes {
            guard let node = root.node(at: change.path), let line = node.location.line,
                  let column = node.location.column, let old = node.sourceText,
                  lines.indices.contains(line - 1) else { return nil }
            switch node.value {
            case .integer, .number: break
            default: return nil
            }
            edits.append((line - 1, column - 1, old, number(change.value)))
        }
        for edit in edits.sorted(by: { ($0.line, $0.column) > ($1.line, $1.column) }) {
            let characters = Array(lines[edit.line])
            guard edit.column + edit.old.count <= characters.count,
                  String(characters[edit.column..<(edit.column + edit.old.count)]) == edit.old else { return nil }
            lines[edit.line] = String(characters[..<edit.column]) + edit.new
                + String(characters[(edit.column + edit.old.count)...])
        }
        return lines.joined(separator: "\n")
    }
}

extension DocumentNode {
    /// A step into a document: a table's key or a list's index.
    enum Step {
        case key(String)
        case index(Int)
    }

    func node(at path: [Step]) -> DocumentNode? {
        guard let step = path.first else { return self }
        switch (step, value) {
        case let (.key(key), .table(entries)):
            return entries.first { $0.key == key }?.node.node(at: Array(path.dropFirst()))
        case let (.index(index), .list(items)) where items.indices.contains(index):
            return items[index].node(at: Array(path.dropFirst()))
        default:
            return nil
        }
    }

    /// Sets the value at `path`, adding the last key to its table if it is missing.
    mutating func set(_ path: [Step], to newValue: Value) {
        guard let step = path.first else {
            value = newValue
            sourceText = nil
            return
        }
        let rest = Array(path.dropFirst())
        switch (step, value) {
        case (let .key(key), .table(var entries)):
            if let k = entries.firstIndex(where: { $0.key == key }) {
                entries[k].node.set(rest, to: newValue)
            } else if rest.isEmpty {
                entries.append(DocumentEntry(key: key, keyLocation: location, node: DocumentNode(newValue, at: location)))
            }
            value = .table(entries)
        case (let .index(index), .list(var items)) where items.indices.contains(index):
            items[index].set(rest, to: newValue)
            value = .list(items)
        default:
            break
        }
    }
}
