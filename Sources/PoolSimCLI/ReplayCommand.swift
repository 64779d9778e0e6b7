import ArgumentParser
import PoolSimApp
import PoolSimRandom
import PoolSimReport
import PoolSimText

struct ReplayCommand: JobCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run the pool rules on a given list of defaults, without randomness.",
        discussion: """
            The defaults file is CSV with header year,loan_id,lgd[,time]. An empty lgd is the \
            loan's mean LGD (plus lgd_add); time (a fraction of the year) orders claims under \
            the fifo rule, otherwise file order does. Loan ids are those of `poolsim portfolio` \
            with the same seed.
            """)

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: ArgumentHelp("The defaults file (CSV).", valueName: "FILE"))
    var defaults: String

    @Option(help: "Seed of the portfolio expansion (default: the scenario's seed).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("GSL generator type of the portfolio expansion.", valueName: "NAME"))
    var rng: GeneratorType = .mt19937

    @Option(help: ArgumentHelp("What goes to stdout: table, or json (the results document of one trial).", valueName: "FORMAT"))
    var format: OutputFormat = .table

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var languageOption: LanguageOption

    func run(in environment: CommandEnvironment) throws {
        let language = languageOption.language
        let request = ReplayRequest(scenario: scenarioOptions.input(scenario), defaults: .file(path: defaults),
                                    seed: seed, generator: rng)
        let replay = try perform(environment, quiet: true, language: language) { context throws(AppError) in
            try ReplayJob.run(request, context: context)
        }
        print(format == .json ? replay.results.json()
                : AnalysisExport.replayTable(replay.outcome, scenario: replay.scenario, language: language),
              terminator: "")
    }
}
