import ArgumentParser
import Foundation
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimApp
import PoolSimScenario
import PoolSimText

struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "Write the expanded loan list of a scenario as a loan tape (CSV).",
        discussion: """
            Tape loans come first, then each segment's loans, named BANK-SEGMENT-YEAR-N. \
            Amounts are drawn from the run seed's portfolio stream, so `run` with the same \
            seed and generator sees the same loans.
            """)

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: "Run seed (default: the scenario's seed).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("GSL generator type.", valueName: "NAME"))
    var rng: GeneratorType = .mt19937

    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "FILE"))
    var out: String?

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        GSL.start()
        let loaded = try scenarioOptions.load(scenario, languageOption.language)
        let portfolio = Portfolio(scenario: loaded.scenario, generatorType: rng,
                                  seed: seed ?? loaded.scenario.seed)
        let csv = LoanTape.csv(portfolio.loans)
        guard let out else {
            print(csv, terminator: "")
            return
        }
        do throws(OutputError) {
            try AtomicFile.write(Data(csv.utf8), to: out)
        } catch {
            note(AppError.output(error).rendered(languageOption.language))
            throw ExitCode(error.exitCode)
        }
    }
}
