import ArgumentParser
import PoolSimRandom
import PoolSimScenario

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files and report every problem.",
        discussion: """
            Prints 'FILE: ok' for each valid file; diagnostics go to stderr. With --print the \
            resolved scenarios go to stdout as YAML documents (separated by '---') and the 'ok' \
            lines to stderr, so the output can be saved as a scenario. Exits 65 if any file is \
            invalid, 66 if any does not exist.
            """)

    @Argument(help: "Scenario files (.yaml, .yml, .toml or .json).")
    var files: [String] = []

    @Flag(name: .customLong("print"), help: "Print each resolved scenario, defaults filled in, as YAML.")
    var printResolved = false

    @OptionGroup var scenarioOptions: ScenarioOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one scenario file") }
    }

    func run() throws {
        GSL.start()
        var failure: Int32 = 0
        var printed = 0
        for file in files {
            do {
                let loaded = try ScenarioLoader.load(
                    path: file, overrides: scenarioOptions.overrides, stress: scenarioOptions.stress)
                ScenarioOptions.printDiagnostics(loaded.warnings)
                if printResolved {
                    note("\(file): ok")
                    print((printed > 0 ? "---\n" : "") + ScenarioWriter.yaml(loaded.scenario), terminator: "")
                    printed += 1
                } else {
                    print("\(file): ok")
                }
            } catch {
                ScenarioOptions.printDiagnostics(error.diagnostics)
                failure = max(failure, ScenarioOptions.exitCode(for: error).rawValue)
            }
        }
        if failure != 0 { throw ExitCode(failure) }
    }
}
