import ArgumentParser
import Foundation
import PoolSimApp
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario
import PoolSimText

// MARK: - Option values

extension GeneratorType: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(name: argument) }
    public static var allValueStrings: [String] { names }
    public var defaultValueDescription: String { name }
}

extension SamplingMethod: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension ImportanceMode: ExpressibleByArgument {}

/// What goes to stdout.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    /// A summary table for people.
    case table
    /// The results document.
    case json
}

/// A comma-separated list of export formats (`csv,json`).
struct ExportList: ExpressibleByArgument {
    var formats: [ExportFormat]

    init(_ formats: [ExportFormat]) { self.formats = formats }

    init?(argument: String) {
        guard case let .success(formats) = ExportFormat.parseList(argument) else { return nil }
        self.formats = formats
    }

    static var allValueStrings: [String] { ExportFormat.allCases.map(\.rawValue) }
    var defaultValueDescription: String { formats.map(\.rawValue).joined(separator: ",") }
}

// MARK: - Option groups

/// `--lang`: the language of everything a person reads.
struct LanguageOption: ParsableArguments {
    @Option(help: ArgumentHelp("Language of what people read: zh (中文) or en (default: POOLSIM_LANG, then the locale, else en).",
                               valueName: "LANG"))
    var lang: Language?

    var language: Language { Language.resolve(lang, environment: ProcessInfo.processInfo.environment) }
}

/// The options every command that reads a scenario shares: `--set` and `--stress`.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .customLong("set"),
            help: ArgumentHelp("Change one key before validation, e.g. pool.initial_balance=150000000 (repeatable).",
                               valueName: "PATH=VALUE"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp("Apply a stress named in the scenario's `stresses`.", valueName: "NAME"))
    var stress: String?

    func input(_ path: String) -> ScenarioInput { .file(path, overrides: overrides, stress: stress) }

    /// Loads and validates a scenario for the commands that only read it;
    /// warnings and errors go to stderr, errors exit 65 (66 for a missing file).
    func load(_ path: String, _ language: Language) throws -> LoadedScenario {
        do {
            let loaded = try ScenarioLoader.load(path: path, overrides: overrides, stress: stress)
            printDiagnostics(loaded.warnings, language)
            return loaded
        } catch {
            printDiagnostics(error.diagnostics, language)
            throw ExitCode(AppError.input(error).exitCode)
        }
    }
}

/// Options of every command that simulates.
struct SimulationOptionGroup: ParsableArguments {
    @Option(help: "Number of trials (default: the scenario's `trials`).")
    var trials: Int?

    @Option(help: "Run seed (default: the scenario's `seed`). Same seed, same results.")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("GSL generator type.", valueName: "NAME"))
    var rng: GeneratorType = .mt19937

    @Option(help: ArgumentHelp("How defaults are drawn: grouped (fast) or per-loan (reference).", valueName: "METHOD"))
    var method: SamplingMethod = .grouped

    @Option(help: ArgumentHelp("Importance sampling for rare exhaustion: auto (tune a shift of the systematic factors) or off.",
                               valueName: "MODE"))
    var importance: ImportanceMode = .off

    var options: SimulationOptions {
        SimulationOptions(trials: trials, seed: seed, generator: rng, jobs: jobs, method: method, importance: importance)
    }


}

/// Options of every command that writes a results directory.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Results directory (default: results/<scenario name>).", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("What goes to stdout.", valueName: "FORMAT"))
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Formats to write, comma-separated: any of csv,xlsx,json,html.", valueName: "LIST"))
    var export = ExportList(ExportFormat.allCases)

    @Flag(help: "Also write one row per trial (trials.csv, and a Trials sheet).")
    var perTrial = false

    @Flag(help: "Replace the results in an existing directory.")
    var force = false

    @Flag(help: "Leave the UTF-8 byte-order mark out of CSV files.")
    var noBom = false

    @Flag(help: "No progress reports.")
    var quiet = false

    func plan(_ language: Language) -> OutputPlan {
        OutputPlan(directory: out, force: force, formats: export.formats, perTrial: perTrial, byteOrderMark: !noBom,
                   language: language)
    }

    /// The results as a table or JSON on stdout, then where the files went.
    func printResult(_ language: Language, json: () -> String, table: () -> String, directory: String) {
        print(format == .json ? json() : table(), terminator: "")
        if !quiet { note(RunText.resultsWritten.text(language, ["path": directory])) }
    }
}

/// A usage error of the application layer as ArgumentParser's (exit 64, with the command's usage), in `language`.
func usage(_ language: Language, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let AppError.usage(message) {
        throw ValidationError(message.text(language))
    }
}
