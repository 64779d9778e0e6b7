import ArgumentParser
import PoolSimApp
import PoolSimCore
import PoolSimReport
import PoolSimText

struct CompareCommand: JobCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Scenarios and stress overlays side by side, on the same random numbers.",
        discussion: """
            The columns are each SCENARIO as given, then the first scenario under each --stress. \
            Every column runs the same trials with the same seed (common random numbers), so \
            trial i of one column is paired with trial i of the first, and differences carry a \
            95% interval from the paired differences (quantile statistics carry the difference only).
            """)

    @Argument(help: "Scenario files.")
    var scenarios: [String]

    @Option(name: .customLong("stress"), help: ArgumentHelp("A stress of the first scenario to add as a column (repeatable).", valueName: "NAME"))
    var stresses: [String] = []

    @Option(name: .customLong("set"), help: ArgumentHelp("Change one key in every scenario before validation (repeatable).", valueName: "PATH=VALUE"))
    var overrides: [String] = []

    @OptionGroup var simulation: SimulationOptionGroup
    @OptionGroup var output: OutputOptions
    @OptionGroup var languageOption: LanguageOption

    var request: CompareRequest {
        CompareRequest(scenarios: scenarios.map { .file($0, overrides: overrides) }, stresses: stresses,
                       simulation: simulation.options, output: output.plan(languageOption.language))
    }

    func validate() throws { try usage(languageOption.language) { try request.validate() } }

    func run(in environment: CommandEnvironment) throws {
        let language = languageOption.language
        let outcome = try perform(environment, quiet: output.quiet, language: language) { context throws(AppError) in
            try CompareJob.run(request, context: context)
        }
        output.printResult(language, json: { JSONValueEncoder().text(outcome.results) },
                           table: { AnalysisExport.compareTable(outcome.results, language: language) },
                           directory: outcome.directory)
    }
}
