import ArgumentParser
import PoolSimApp
import PoolSimReport
import PoolSimText

struct ReportCommand: JobCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild the exports and the HTML report from a saved results.json.",
        discussion: """
            Reads RESULTS_DIR/results.json and writes summary.csv, by_year.csv, by_bank.csv, \
            pool_size.csv, results.xlsx and report.html next to it, replacing those files. \
            results.json itself is the input and is left as it is. trials.csv and the workbook's \
            Trials sheet need the per-trial values, which results.json does not hold: an existing \
            trials.csv is left alone, and the rebuilt workbook has no Trials sheet (run again with \
            --per-trial to get them).
            """)

    @Argument(help: ArgumentHelp("A results directory written by `poolsim run`.", valueName: "RESULTS_DIR"))
    var resultsDirectory: String

    @Option(help: ArgumentHelp("Formats to rebuild, comma-separated: any of csv,xlsx,html.", valueName: "LIST"))
    var export = ExportList([.csv, .xlsx, .html])

    @Flag(help: "Leave the UTF-8 byte-order mark out of CSV files.")
    var noBom = false

    @OptionGroup var languageOption: LanguageOption

    func run(in environment: CommandEnvironment) throws {
        let language = languageOption.language
        if export.formats.contains(.json) { note(RunText.reportInputNotRewritten.text(language)) }
        let request = ReportRequest(directory: resultsDirectory, formats: export.formats, byteOrderMark: !noBom,
                                    language: language)
        let outcome = try perform(environment, quiet: true, language: language) { context throws(AppError) in
            try ReportJob.run(request, context: context)
        }
        note(RunText.reportRebuilt.text(language, ["files": outcome.written.joined(separator: ", "), "path": resultsDirectory]))
    }
}
