import ArgumentParser
import PoolSimApp
import PoolSimCore
import PoolSimReport
import PoolSimText

struct CalibrateCommand: JobCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Default probabilities and correlations from a bank default history.",
        discussion: """
            The history is CSV with header year,bank,loans,defaults: per bank and year, the \
            covered loans at risk at the start of the year and how many of them defaulted. \
            The engine's Gaussian copula (a global and a bank factor) is fitted by maximum \
            likelihood, with profile-likelihood intervals for the correlations and Wald \
            intervals for each bank's PD. --apply writes a copy of a scenario with the \
            estimates (rho_global, rho_bank, and each bank's segment PDs scaled to its \
            estimate) to --out.
            """)

    @Argument(help: "The history file (CSV).")
    var history: String

    @Flag(help: "One PD shared by every bank.")
    var commonPD = false

    @Option(help: ArgumentHelp("A scenario to copy with the estimates (needs --out).", valueName: "SCENARIO"))
    var apply: String?

    @Option(help: ArgumentHelp("Where --apply writes the new scenario (YAML).", valueName: "NEW.yaml"))
    var out: String?

    @Flag(help: "Replace --out or the --report directory if it exists.")
    var force = false

    @Option(help: ArgumentHelp("What goes to stdout: table, or json (the estimates).", valueName: "FORMAT"))
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Write an HTML report, a workbook, CSV tables and JSON to this directory.", valueName: "DIR"))
    var report: String?

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        let language = languageOption.language
        if apply != nil, out == nil { throw ValidationError(CalibrateText.applyNeedsOut.text(language)) }
        if apply == nil, out != nil { throw ValidationError(CalibrateText.outNeedsApply.text(language)) }
    }

    func run(in environment: CommandEnvironment) throws {
        let language = languageOption.language
        let request = CalibrateRequest(
            history: .file(path: history), commonPD: commonPD,
            apply: apply.map { CalibrateRequest.Apply(scenario: $0, out: out ?? "", force: force, language: language) },
            report: report.map { OutputPlan(directory: $0, force: force, language: language) })
        let outcome = try perform(environment, quiet: false, language: language) { context throws(AppError) in
            try CalibrateJob.run(request, context: context)
        }
        print(format == .json ? JSONValueEncoder().text(outcome.calibration)
                : CalibrationExport.table(outcome.calibration, history: outcome.historyName, language: language),
              terminator: "")
        if let path = outcome.scenarioPath { note(CalibrateText.scenarioWritten.text(language, ["path": path])) }
        if let directory = outcome.reportDirectory { note(RunText.resultsWritten.text(language, ["path": directory])) }
    }
}
