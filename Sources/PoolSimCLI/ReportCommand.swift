import ArgumentParser
import Foundation
import PoolSimCore
import PoolSimReport

struct ReportCommand: ParsableCommand {
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

    @Option(help: ArgumentHelp("Formats to rebuild: any of csv,xlsx,html.", valueName: "LIST"))
    var export: String = "csv,xlsx,html"

    @Flag(help: "Leave the UTF-8 byte-order mark out of CSV files.")
    var noBom = false

    func validate() throws {
        if case let .failure(error) = ExportFormat.parseList(export) { throw ValidationError(error.description) }
    }

    func run() throws {
        let directory = ResultsDirectory(path: resultsDirectory)
        let document = try Self.load(directory)
        var formats = (try? ExportFormat.parseList(export).get()) ?? []
        if formats.contains(.json) {
            note("note: results.json is the input of report and is not rewritten")
            formats.removeAll { $0 == .json }
        }
        do {
            let written = try Exporter.write(document, trials: nil, to: directory,
                                             options: Exporter.Options(formats: formats, byteOrderMark: !noBom))
            note("rebuilt \(written.joined(separator: ", ")) in \(directory.path)")
        } catch {
            note("error: \(error.message)")
            throw ExitCode(error.exitCode)
        }
    }

    /// The results document of a directory: exit 66 if it is missing, 65 if it is not one.
    static func load(_ directory: ResultsDirectory) throws -> JSONValue {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            note("error: \(directory.path): no such results directory")
            throw ExitCode(66)
        }
        let path = directory.file("results.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            note("error: \(path) does not exist; `poolsim run --export json` writes it")
            throw ExitCode(66)
        }
        let document: JSONValue
        do {
            document = try JSONValue(parsing: String(decoding: data, as: UTF8.self))
        } catch {
            note("error: \(path): \(error.description)")
            throw ExitCode(65)
        }
        guard let version = document["schema_version"]?.doubleValue, document["summary"] != nil else {
            note("error: \(path) is not a PoolSim results document (no schema_version or summary)")
            throw ExitCode(65)
        }
        guard version <= Double(ResultsDocument.schemaVersion) else {
            note("error: \(path) has schema version \(JSONValue.format(version)); this poolsim reads up to \(ResultsDocument.schemaVersion)")
            throw ExitCode(65)
        }
        return document
    }
}
