import ArgumentParser
import Foundation
import PoolSimScenario

/// The options every command that reads a scenario shares: `--set` and `--stress`.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .customLong("set"),
            help: ArgumentHelp("Change one key before validation, e.g. pool.initial_balance=150000000 (repeatable).",
                               valueName: "PATH=VALUE"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp("Apply a stress named in the scenario's `stresses`.", valueName: "NAME"))
    var stress: String?

    /// Loads and validates the scenario at `path` with these options. Warnings
    /// go to stderr; on errors every diagnostic goes to stderr and the command
    /// exits 65 (invalid) or 66 (a file does not exist).
    func load(_ path: String, extraOverrides: [String] = []) throws(ExitCode) -> LoadedScenario {
        try Self.load(path, overrides: overrides + extraOverrides, stress: stress)
    }

    /// Loads a scenario with the given overrides and stress, as `load(_:)` does.
    static func load(_ path: String, overrides: [String], stress: String?) throws(ExitCode) -> LoadedScenario {
        do {
            let loaded = try ScenarioLoader.load(path: path, overrides: overrides, stress: stress)
            Self.printDiagnostics(loaded.warnings)
            return loaded
        } catch {
            Self.printDiagnostics(error.diagnostics)
            throw Self.exitCode(for: error)
        }
    }

    /// 65 for invalid input, 66 for a missing file.
    static func exitCode(for error: InputError) -> ExitCode {
        switch error.kind {
        case .invalid: return ExitCode(65)
        case .missingFile: return ExitCode(66)
        }
    }

    /// Writes diagnostics to stderr, one per line (hints on their own line).
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
