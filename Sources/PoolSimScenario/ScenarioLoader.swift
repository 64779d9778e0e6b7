import Foundation
import PoolSimCore
import PoolSimText

/// The formats a scenario file may be written in, chosen by its extension.
public enum ScenarioFormat: String, Sendable, CaseIterable {
    case yaml, toml, json

    /// The format for `path`'s extension (`.yaml`, `.yml`, `.toml`, `.json`), if known.
    public init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "toml": self = .toml
        case "json": self = .json
        default: return nil
        }
    }

    /// The format of text that came without a file name (standard input): JSON
    /// when it starts with `{`, TOML when its first line that is not blank or a
    /// comment is a `[table]` header or a `key = value` pair, YAML otherwise.
    public init(sniffing text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            let content = line.trimmingCharacters(in: .whitespaces)
            if content.isEmpty || content.hasPrefix("#") || content == "\u{FEFF}" { continue }
            if content.hasPrefix("{") || content.hasPrefix("\u{FEFF}{") {
                self = .json
            } else if content.hasPrefix("[") || content.range(of: #"^[A-Za-z0-9_."-]+\s*="#, options: .regularExpression) != nil {
                self = .toml
            } else {
                self = .yaml
            }
            return
        }
        self = .yaml
    }
}

/// Where the loan tape of a scenario given as text comes from.
public enum LoanTapeSource: Sendable {
    /// The file its `loan_tape` key names, relative to the scenario's file.
    case relativeToFile
    /// Text sent with the scenario (a web upload), whatever `loan_tape` says; `name` stands for it in diagnostics.
    case uploaded(text: String, name: String)
    /// A file of this folder named by `loan_tape` with a plain file name (no
    /// folders): text edited from a scenario of that folder.
    case inFolder(String)
    /// None: the scenario may not name a tape, since it cannot read files (text sent over the network).
    case refused
}

/// A scenario read from a file, with what is needed to record how it was made.
public struct LoadedScenario: Sendable {
    public let scenario: Scenario
    /// The file's path as given.
    public let path: String
    /// SHA-256 of the file's bytes (before overrides), 64 lowercase hex digits.
    public let sha256: String
    /// The `--set` overrides applied, as given (`PATH=VALUE`).
    public let overrides: [String]
    /// The stress applied, if any.
    public let stress: String?
    /// Warnings found while loading (the scenario is valid).
    public let warnings: [Diagnostic]

    public init(scenario: Scenario, path: String, sha256: String, overrides: [String], stress: String?,
                warnings: [Diagnostic]) {
        self.scenario = scenario
        self.path = path
        self.sha256 = sha256
        self.overrides = overrides
        self.stress = stress
        self.warnings = warnings
    }
}

/// Reads scenario files: parse, apply the stress and then the `--set`
/// overrides (so the command line wins), validate, read the loan tape.
public enum ScenarioLoader {
    /// Loads and validates the scenario at `path`.
    ///
    /// Throws `InputError` with every diagnostic found: `.missingFile` if the
    /// scenario or its loan tape does not exist, `.invalid` otherwise.
    public static func load(path: String, overrides: [String] = [], stress: String? = nil) throws(InputError)
        -> LoadedScenario
    {
        let data = try readFile(path, missing: .error(.noSuchFile, at: SourceLocation(file: path)))
        guard let format = ScenarioFormat(path: path) else {
            throw InputError(.invalid, [.error(.unknownFormat, at: SourceLocation(file: path),
                                               hint: .diagnostic(.formatExtensions))])
        }
        let text = try decodeText(data, file: path)
        return try load(contents: text, format: format, file: path, overrides: overrides, stress: stress,
                        sha256: SHA256.hexDigest(of: data))
    }

    /// Loads a scenario from text. `file` names it in diagnostics; a loan tape
    /// is looked for relative to `file`'s directory.
    public static func load(contents: String, format: ScenarioFormat, file: String, overrides: [String] = [],
                            stress: String? = nil, sha256: String? = nil,
                            tape: LoanTapeSource = .relativeToFile) throws(InputError) -> LoadedScenario
    {
        var root = try document(contents: contents, format: format, file: file).get()
        let log = DiagnosticLog()
        if let stress { Overrides.apply(stress: stress, to: &root, file: file, log: log) }
        for override in overrides { Overrides.apply(commandLine: override, to: &root, log: log) }

        let decoded = ScenarioDecoder.decode(root, file: file, log: log)
        var kind = InputError.Kind.invalid
        var scenario = decoded
        let tapeLocation = root["loan_tape"]?.keyLocation ?? SourceLocation(file: file)
        // The file to read the tape from, if any; an uploaded tape is read at once.
        var tapeFile: String?
        switch (tape, root["loan_tape"]?.node.value) {
        case let (.uploaded(text, name), _):
            if let valid = decoded {
                scenario?.tapeLoans = readTape(text, file: name, of: valid, log: log)
                scenario?.loanTape = name
            }
        case let (.relativeToFile, .string(path)?):
            tapeFile = resolve(path, relativeTo: file)
        case let (.inFolder(folder), .string(name)?) where isPlainFileName(name):
            tapeFile = (folder as NSString).appendingPathComponent(name)
        case (.inFolder, .string?), (.refused, .string?):
            log.error(.loanTapeNeedsUpload, at: tapeLocation, path: "loan_tape")
        default:
            break
        }
        if let tapeFile {
            if !FileManager.default.fileExists(atPath: tapeFile) {
                log.error(.loanTapeNotFound, ["path": tapeFile], at: tapeLocation, path: "loan_tape",
                          hint: .diagnostic(.pathRelative))
                kind = .missingFile
            } else if let valid = decoded {
                do {
                    let data = try readFile(tapeFile, missing: .error(.noSuchFile, at: SourceLocation(file: tapeFile)))
                    let text = try decodeText(data, file: tapeFile)
                    scenario?.tapeLoans = readTape(text, file: tapeFile, of: valid, log: log)
                } catch {
                    log.append(contentsOf: error.diagnostics)
                    if error.kind == .missingFile { kind = .missingFile }
                }
            }
        }
        if decoded != nil { checkSegmentPrefixes(decoded!, root: root, log: log) }
        let diagnostics = inReadingOrder(log.items)
        guard !log.hasErrors, let scenario else { throw InputError(kind, diagnostics) }
        return LoadedScenario(scenario: scenario, path: file,
                              sha256: sha256 ?? SHA256.hexDigest(of: Array(contents.utf8)),
                              overrides: overrides, stress: stress, warnings: diagnostics)
    }

    /// A file name without folders, that cannot lead out of the folder it is looked for in.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\")
    }

    /// The loans of a loan tape's text, checked against the scenario.
    private static func readTape(_ text: String, file: String, of scenario: Scenario, log: DiagnosticLog) -> [Loan] {
        let tape = LoanTape.read(text, file: file, bankIDs: scenario.banks.map(\.id), horizon: scenario.horizonYears, log: log)
        checkLoanIDs(tape.loans, lines: tape.lines, of: scenario, tapeFile: file, log: log)
        return tape.loans
    }

    /// Parses text into the format-neutral tree, without validating it.
    public static func document(contents: String, format: ScenarioFormat, file: String) -> Result<DocumentNode, InputError> {
        var text = contents
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        switch format {
        case .yaml: return YAMLReader.read(text, file: file)
        case .toml: return TOMLReader.read(text, file: file)
        case .json: return JSONReader.read(text, file: file)
        }
    }

    /// Diagnostics grouped by file (in order of first appearance), each file's
    /// sorted by line and column; diagnostics without a line keep their place first.
    static func inReadingOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var files: [String] = []
        for diagnostic in diagnostics where !files.contains(diagnostic.location.file) {
            files.append(diagnostic.location.file)
        }
        return files.flatMap { file in
            diagnostics.enumerated().filter { $0.element.location.file == file }.sorted {
                let a = ($0.element.location.line ?? 0, $0.element.location.column ?? 0, $0.offset)
                let b = ($1.element.location.line ?? 0, $1.element.location.column ?? 0, $1.offset)
                return a < b
            }.map(\.element)
        }
    }

    /// `path` as seen from the directory of `file` (unchanged if absolute).
    static func resolve(_ path: String, relativeTo file: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let slash = file.lastIndex(of: "/") else { return path }
        return String(file[...slash]) + path
    }

    static func readFile(_ path: String, missing: Diagnostic) throws(InputError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(.missingFile, [missing])
        }
        if isDirectory.boolValue {
            throw InputError(.invalid, [.error(.isDirectory, at: SourceLocation(file: path))])
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(.invalid, [.error(.cannotReadFile, ["detail": error.localizedDescription],
                                               at: SourceLocation(file: path))])
        }
    }

    static func decodeText(_ data: Data, file: String) throws(InputError) -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(.invalid, [.error(.notUTF8, at: SourceLocation(file: file))])
        }
        return text
    }

    /// Segment loans are named BANK-SEGMENT-YEAR-N; two segments must not give the same names.
    private static func checkSegmentPrefixes(_ scenario: Scenario, root: DocumentNode, log: DiagnosticLog) {
        var seen: [String: (segment: String, bank: String)] = [:]
        for (bankIndex, bank) in scenario.banks.enumerated() {
            for (segmentIndex, segment) in bank.segments.enumerated() {
                let prefix = "\(bank.id)-\(segment.name)"
                let path = "banks[\(bankIndex)].segments[\(segmentIndex)].name"
                if let other = seen[prefix] {
                    let location = segmentLocation(root, bankIndex, segmentIndex)
                    log.error(.segmentNameClash, ["segment": other.segment, "bank": other.bank, "prefix": prefix],
                              at: location, path: path, hint: .diagnostic(.renameSegment))
                } else {
                    seen[prefix] = (segment.name, bank.id)
                }
            }
        }
    }

    private static func segmentLocation(_ root: DocumentNode, _ bank: Int, _ segment: Int) -> SourceLocation {
        guard case let .list(banks)? = root["banks"]?.node.value, banks.indices.contains(bank),
              case let .list(segments)? = banks[bank]["segments"]?.node.value, segments.indices.contains(segment)
        else { return root.location }
        return segments[segment]["name"]?.keyLocation ?? segments[segment].location
    }

    /// A tape loan must not take the id of a loan expanded from a segment.
    private static func checkLoanIDs(_ loans: [Loan], lines: [Int], of scenario: Scenario, tapeFile: String, log: DiagnosticLog) {
        var counts: [String: (Segment, String)] = [:]
        for bank in scenario.banks {
            for segment in bank.segments { counts["\(bank.id)-\(segment.name)"] = (segment, bank.id) }
        }
        guard !counts.isEmpty else { return }
        for (offset, loan) in loans.enumerated() {
            let parts = loan.id.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count >= 3, let year = Int(parts[parts.count - 2]), let number = Int(parts[parts.count - 1]) else {
                continue
            }
            let prefix = parts.dropLast(2).joined(separator: "-")
            guard let (segment, bank) = counts[prefix], (1...scenario.horizonYears).contains(year),
                  number >= 1, number <= segment.loanCount(year: year) else { continue }
            log.error(.loanIDClash, ["id": loan.id, "segment": segment.name, "bank": bank],
                      at: SourceLocation(file: tapeFile, line: lines[offset], column: 1), path: "loan_id",
                      hint: .diagnostic(.segmentLoanNames))
        }
    }
}
