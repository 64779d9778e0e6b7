import ArgumentParser
import PoolSimApp
import PoolSimCore
import PoolSimReport
import PoolSimText

struct SensitivityCommand: JobCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "One-at-a-time swings of assumptions on exhaustion probability and tail claims.",
        discussion: """
            Each parameter is moved to its low and then its high setting, one at a time, with \
            the others at the scenario's values, all on the same random numbers. By default: \
            pd (PDs ×0.5 and ×1.5), correlation (ρ's ×0.5 and ×1.5), lgd (LGDs −0.1 and +0.1), \
            ratio (compensation ratios ×0.8 and ×1.2), pool (initial balance ×0.8 and ×1.2). \
            --vary NAME=LOW,HIGH replaces the defaults: NAME is one of those five (LOW and HIGH \
            as factors or shifts) or a scenario key (LOW and HIGH as its values). Caveat: \
            one-at-a-time swings ignore interactions between assumptions.
            """)

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: ArgumentHelp("A parameter and its low and high settings (repeatable).", valueName: "NAME=LOW,HIGH"))
    var vary: [String] = []

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var simulation: SimulationOptionGroup
    @OptionGroup var output: OutputOptions
    @OptionGroup var languageOption: LanguageOption

    func request() throws(AppError) -> SensitivityRequest {
        var parameters: [SensitivityParameter] = []
        for text in vary { parameters.append(try SensitivityRequest.parameter(parsing: text)) }
        return SensitivityRequest(scenario: scenarioOptions.input(scenario), parameters: parameters,
                                  simulation: simulation.options, output: output.plan(languageOption.language))
    }

    func validate() throws {
        try usage(languageOption.language) {
            try simulation.options.validate()
            _ = try request()
        }
    }

    func run(in environment: CommandEnvironment) throws {
        let language = languageOption.language
        let outcome = try perform(environment, quiet: output.quiet, language: language) { context throws(AppError) in
            try SensitivityJob.run(try request(), context: context)
        }
        output.printResult(language, json: { JSONValueEncoder().text(outcome.results) },
                           table: { AnalysisExport.sensitivityTable(outcome.results, language: language) },
                           directory: outcome.directory)
    }
}
