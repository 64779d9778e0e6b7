import Foundation
import PoolSimCore
import PoolSimReport
import PoolSimText

/// `report`: a run's exports rebuilt from its saved results.json.
public struct ReportRequest: Sendable {
    /// A results directory written by `run`.
    public var directory: String
    /// What to rebuild; results.json is the input and never rewritten.
    public var formats: [ExportFormat]
    public var byteOrderMark: Bool
    /// The language of the rebuilt report and workbook.
    public var language: Language

    public init(directory: String, formats: [ExportFormat] = [.csv, .xlsx, .html], byteOrderMark: Bool = true,
                language: Language = .en) {
        self.directory = directory
        self.formats = formats
        self.byteOrderMark = byteOrderMark
        self.language = language
    }
}

public struct ReportOutcome: Sendable {
    public var results: RunResults
    /// The files written, in order.
    public var written: [String]
}

public enum ReportJob {
    /// Reads DIRECTORY/results.json (exit 66 if missing, 65 if it is not a
    /// results document) and writes the chosen exports next to it. trials.csv
    /// and the Trials sheet need per-trial values results.json does not hold.
    public static func run(_ request: ReportRequest, context: JobContext) throws(AppError) -> ReportOutcome {
        let directory = ResultsDirectory(path: request.directory)
        let results = try load(directory)
        guard context.writesFiles else { return ReportOutcome(results: results, written: []) }
        do {
            let written = try Exporter.write(results, trials: nil, to: directory,
                                             options: Exporter.Options(formats: request.formats.filter { $0 != .json },
                                                                       byteOrderMark: request.byteOrderMark,
                                                                       language: request.language))
            return ReportOutcome(results: results, written: written)
        } catch {
            throw .output(error)
        }
    }

    /// The results of a directory.
    public static func load(_ directory: ResultsDirectory) throws(AppError) -> RunResults {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missing(Message(RequestText.noResultsDirectory, ["path": directory.path]))
        }
        let path = directory.file("results.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .missing(Message(RequestText.noResultsFile, ["path": path]))
        }
        let document: JSONValue
        do {
            document = try JSONValue(parsing: String(decoding: data, as: UTF8.self))
        } catch {
            throw .invalidResults(Message(RequestText.invalidResultsJSON, ["path": path, "detail": error.description]))
        }
        guard case let .object(members) = document, members.contains(where: { $0.0 == "schema_version" }),
              members.contains(where: { $0.0 == "summary" }) else {
            throw .invalidResults(Message(RequestText.notResultsDocument, ["path": path]))
        }
        do {
            return try JSONValueDecoder().decode(RunResults.self, from: document)
        } catch {
            throw .invalidResults(Message(RequestText.unreadableResults, ["path": path, "detail": "\(ResultsDecodingError(error))"]))
        }
    }
}

/// A decoding failure said in terms of the document: where, and what was expected.
struct ResultsDecodingError: CustomStringConvertible {
    let error: Error

    init(_ error: Error) { self.error = error }

    var description: String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, context):
            let at = path(context)
            return "no \(key.stringValue)" + (at.isEmpty ? "" : " in \(at)")
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
