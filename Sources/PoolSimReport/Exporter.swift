import Foundation
import PoolSimCore
import PoolSimText

/// The formats of a results directory (`--export`).
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, xlsx, json, html

    /// Parses a comma-separated list such as "csv,json"; nil names the unknown entry.
    public static func parseList(_ text: String) -> Result<[ExportFormat], UnknownFormat> {
        var formats: [ExportFormat] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let format = ExportFormat(rawValue: name) else { return .failure(UnknownFormat(name: name)) }
            if !formats.contains(format) { formats.append(format) }
        }
        return .success(formats)
    }

    public struct UnknownFormat: Error, CustomStringConvertible {
        public var name: String
        public var description: String {
            "unknown export format '\(name)'; valid formats: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}

/// Per-trial rows to export with `--per-trial`.
public struct TrialTable: Sendable {
    public var records: TrialRecords
    public var bankIDs: [String]

    public init(records: TrialRecords, bankIDs: [String]) {
        self.records = records
        self.bankIDs = bankIDs
    }
}

/// Writes the chosen exports of one run's results into a results directory.
public enum Exporter {
    public struct Options: Sendable {
        public var formats: [ExportFormat]
        /// Start CSV files with a UTF-8 byte-order mark (for Excel).
        public var byteOrderMark: Bool
        /// The language of the workbook and the report; the CSV files and results.json do not depend on it.
        public var language: Language

        public init(formats: [ExportFormat] = ExportFormat.allCases, byteOrderMark: Bool = true, language: Language = .en) {
            self.formats = formats
            self.byteOrderMark = byteOrderMark
            self.language = language
        }
    }

    /// Writes every file; returns their names in the order written.
    @discardableResult
    public static func write(_ results: RunResults, trials: TrialTable?, to directory: ResultsDirectory,
                             options: Options) throws(OutputError) -> [String] {
        var written: [String] = []
        let bom = options.byteOrderMark ? CSVExport.byteOrderMark : ""
        for format in options.formats {
            switch format {
            case .json:
                try directory.write(results.json(), to: "results.json")
                written.append("results.json")
            case .csv:
                let tables: [(String, String)] = [
                    ("summary.csv", CSVExport.summary(results)),
                    ("by_year.csv", CSVExport.byYear(results)),
                    ("by_bank.csv", CSVExport.byBank(results)),
                    ("pool_size.csv", CSVExport.poolSize(results)),
                ]
                for (name, text) in tables {
                    try directory.write(bom + text, to: name)
                    written.append(name)
                }
                if let trials {
                    try directory.write(bom + CSVExport.trials(trials.records, bankIDs: trials.bankIDs), to: "trials.csv")
                    written.append("trials.csv")
                }
            case .xlsx:
                try directory.write(XLSXExport.workbook(results, trials: trials, language: options.language), to: "results.xlsx")
                written.append("results.xlsx")
            case .html:
                try directory.write(HTMLReport.render(results, language: options.language), to: "report.html")
                written.append("report.html")
            }
        }
        return written
    }
}
