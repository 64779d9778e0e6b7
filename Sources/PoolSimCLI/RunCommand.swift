import ArgumentParser
import PoolSimApp
import PoolSimReport
import PoolSimText

struct RunCommand: JobCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario and write its results directory.",
        discussion: """
            Without SCENARIO, runs the bundled scenarios/hebei-2022.yaml. Progress goes to \
            stderr, the summary to stdout, the files to results/<scenario name> (CSV, XLSX, \
            JSON, HTML). Ctrl-C stops after the blocks in progress and writes what was finished.
            """)

    @Argument(help: "The scenario file.")
    var scenario: String = "scenarios/hebei-2022.yaml"

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var simulation: SimulationOptionGroup
    @OptionGroup var output: OutputOptions
    @OptionGroup var languageOption: LanguageOption

    func validate() throws { try usage(languageOption.language) { try simulation.options.validate() } }

    func run(in environment: CommandEnvironment) throws {
        let language = languageOption.language
        let request = RunRequest(scenario: scenarioOptions.input(scenario), simulation: simulation.options,
                                 output: output.plan(language))
        let outcome = try perform(environment, quiet: output.quiet, language: language) { context throws(AppError) in
            try RunJob.run(request, context: context)
        }
        output.printResult(language, json: { outcome.results.json() },
                           table: { SummaryReport.render(outcome.results, language: language) }, directory: outcome.directory)
        if outcome.interrupted { throw ExitCode(130) }
    }
}
