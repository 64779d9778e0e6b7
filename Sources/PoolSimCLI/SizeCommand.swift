import ArgumentParser
import PoolSimApp
import PoolSimCore
import PoolSimReport
import PoolSimText

struct SizeCommand: JobCommand {
    static let configuration = CommandConfiguration(
        commandName: "size",
        abstract: "The initial balance that keeps P(exhaustion within the horizon) at or below P.",
        discussion: """
            When coverage does not depend on the balance (no leverage cap, no pool floor), one run \
            answers every P: the balance is the (1 − P) quantile of the trials' required pools, with a \
            distribution-free 95% interval. Otherwise the balance is searched by bisection, every \
            candidate run on the same random numbers, and the interval is where the Wilson interval \
            of P(exhaustion) reaches P. The method used is printed and recorded.
            """)

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: ArgumentHelp("Target ruin probability, e.g. 0.01 (repeatable).", valueName: "P"))
    var ruin: [Double]

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var simulation: SimulationOptionGroup
    @OptionGroup var output: OutputOptions
    @OptionGroup var languageOption: LanguageOption

    var request: SizeRequest {
        SizeRequest(scenario: scenarioOptions.input(scenario), ruinProbabilities: ruin, simulation: simulation.options,
                    output: output.plan(languageOption.language))
    }

    func validate() throws { try usage(languageOption.language) { try request.validate() } }

    func run(in environment: CommandEnvironment) throws {
        let language = languageOption.language
        let outcome = try perform(environment, quiet: output.quiet, language: language) { context throws(AppError) in
            try SizeJob.run(request, context: context)
        }
        output.printResult(language, json: { JSONValueEncoder().text(outcome.results.estimatesDocument) },
                           table: { AnalysisExport.sizeTable(outcome.results, language: language) },
                           directory: outcome.directory)
    }
}
