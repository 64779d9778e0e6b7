import ArgumentParser
import Foundation
import PoolSimApp
import PoolSimRandom
import PoolSimScenario
import PoolSimText

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files and report every problem.",
        discussion: """
            Prints 'FILE: ok' for each valid file; diagnostics go to stderr. With --print the \
            resolved scenarios go to stdout as YAML documents (separated by '---') and the 'ok' \
            lines to stderr, so the output can be saved as a scenario. FILE '-' reads standard \
            input (YAML, TOML or JSON, told apart by its first line; a loan tape is looked for \
            from the working directory). Exits 65 if any file is invalid, 66 if any does not exist.
            """)

    @Argument(help: "Scenario files (.yaml, .yml, .toml or .json), or - for standard input.")
    var files: [String] = []

    @Flag(name: .customLong("print"), help: "Print each resolved scenario, defaults filled in, as YAML.")
    var printResolved = false

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one scenario file") }
    }

    func run() throws {
        GSL.start()
        let language = languageOption.language
        var failure: Int32 = 0
        var printed = 0
        for file in files {
            do {
                let loaded = try load(file)
                printDiagnostics(loaded.warnings, language)
                if printResolved {
                    note(RunText.validateOK.text(language, ["file": Self.name(file)]))
                    print((printed > 0 ? "---\n" : "") + ScenarioWriter.yaml(loaded.scenario), terminator: "")
                    printed += 1
                } else {
                    print(RunText.validateOK.text(language, ["file": Self.name(file)]))
                }
            } catch {
                printDiagnostics(error.diagnostics, language)
                failure = max(failure, AppError.input(error).exitCode)
            }
        }
        if failure != 0 { throw ExitCode(failure) }
    }

    /// How diagnostics and the ok line name a file.
    static func name(_ file: String) -> String { file == "-" ? "<stdin>" : file }

    /// A scenario file, or standard input for `-` (named `<stdin>` in diagnostics).
    func load(_ file: String) throws(InputError) -> LoadedScenario {
        guard file == "-" else {
            return try ScenarioLoader.load(path: file, overrides: scenarioOptions.overrides, stress: scenarioOptions.stress)
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(.invalid, [Diagnostic(.error, Message(DiagnosticText.standardInputNotUTF8),
                                                   at: SourceLocation(file: Self.name(file)))])
        }
        return try ScenarioLoader.load(contents: text, format: ScenarioFormat(sniffing: text), file: Self.name(file),
                                       overrides: scenarioOptions.overrides, stress: scenarioOptions.stress)
    }
}
