import ArgumentParser
import PoolSimApp
import PoolSimCore
import PoolSimReport
import PoolSimText

struct SweepCommand: JobCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "A grid of runs over one or two scenario keys.",
        discussion: """
            --grid PATH=V1,V2,… names a key (as for --set) and its values; with two grids every \
            combination runs. All points run the same trials with the same seed (common random \
            numbers), so differences between points are not blurred by sampling noise. Values \
            are single numbers or words; lists cannot be swept.
            """)

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: ArgumentHelp("A key and its values, e.g. pool.initial_balance=80000000,110000000 (one or two).",
                               valueName: "PATH=V1,V2,…"))
    var grid: [String]

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var simulation: SimulationOptionGroup
    @OptionGroup var output: OutputOptions
    @OptionGroup var languageOption: LanguageOption

    func request() throws(AppError) -> SweepRequest {
        var axes: [SweepResults.Axis] = []
        for text in grid { axes.append(try SweepRequest.axis(parsing: text)) }
        return SweepRequest(scenario: scenarioOptions.input(scenario), axes: axes, simulation: simulation.options,
                            output: output.plan(languageOption.language))
    }

    func validate() throws { try usage(languageOption.language) { try request().validate() } }

    func run(in environment: CommandEnvironment) throws {
        let language = languageOption.language
        let outcome = try perform(environment, quiet: output.quiet, language: language) { context throws(AppError) in
            try SweepJob.run(try request(), context: context)
        }
        output.printResult(language, json: { JSONValueEncoder().text(outcome.results) },
                           table: { AnalysisExport.sweepTable(outcome.results, language: language) },
                           directory: outcome.directory)
    }
}
