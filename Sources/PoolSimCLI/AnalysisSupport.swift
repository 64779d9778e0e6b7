import ArgumentParser
import Foundation
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario

/// One finished simulation of an analysis, with its label.
struct LabelledRun {
    var label: String
    var loaded: LoadedScenario
    var finished: SimulationRun.Finished
}

extension SimulationRun {
    /// Runs `loaded` as one step of an analysis. An interrupted analysis is
    /// incomplete, so it writes nothing and exits 130.
    static func analysisStep(_ loaded: LoadedScenario, settings: SimulationSettings, label: String,
                             quiet: Bool, importance: Bool = false) throws -> Finished {
        try prepare(loaded, settings: settings, importance: importance).analysisStep(label: label, quiet: quiet)
    }

    /// Runs this prepared simulation as one step of an analysis.
    func analysisStep(label: String, quiet: Bool) throws -> Finished {
        let finished = try execute(quiet: quiet, label: label)
        if finished.interrupted {
            note("interrupted: the analysis is incomplete; nothing written")
            throw ExitCode(130)
        }
        return finished
    }
}

extension OutputOptions {
    /// Writes analysis files (JSON, CSV, an XLSX of the CSV tables, HTML, as
    /// chosen by --export) into the directory.
    func writeAnalysis(_ title: String, json: JSONValue, csv: [(name: String, rows: [[String]])], html: String?,
                       to directory: ResultsDirectory) throws {
        let formats = exportOptions.formats
        do {
            for (name, rows) in csv where formats.contains(.csv) {
                try directory.write((noBom ? "" : CSVExport.byteOrderMark) + CSVExport.render(rows), to: name)
            }
            if formats.contains(.xlsx), !csv.isEmpty {
                let tables = csv.map { (name: String($0.name.prefix { $0 != "." }), rows: $0.rows) }
                try directory.write(XLSXExport.workbook(tables: tables, title: title), to: "analysis.xlsx")
            }
            if formats.contains(.html), let html { try directory.write(html, to: "report.html") }
            if formats.contains(.json) { try directory.write(json.rendered(), to: "analysis.json") }
        } catch {
            note("error: \(error.message)")
            throw ExitCode(error.exitCode)
        }
    }

    /// The directory for an analysis: --out, or results/<scenario>-<analysis>.
    func analysisDirectory(_ scenario: Scenario, analysis: String) throws -> ResultsDirectory {
        let path = out ?? "results/\(scenario.name)-\(analysis)"
        do {
            return try ResultsDirectory.prepare(path, force: force)
        } catch {
            note("error: \(error.message)")
            throw ExitCode(error.exitCode)
        }
    }
}

/// Table cells for headline statistics.
enum HeadlineFormat {
    static func value(_ statistic: HeadlineStatistic, _ value: Double) -> String {
        statistic == .pExhaustion ? NumberFormat.percent(value) : NumberFormat.money(value)
    }

    /// "+1.23% [0.80%, 1.66%]", or the difference alone where it has no interval.
    static func difference(_ statistic: HeadlineStatistic, _ d: PairedDifference) -> String {
        let text = (d.difference > 0 ? "+" : "") + value(statistic, d.difference)
        guard let low = d.ciLow, let high = d.ciHigh else { return text }
        return "\(text) [\(value(statistic, low)), \(value(statistic, high))]"
    }
}

/// The headline statistics of one run as a JSON object.
func headlineJSON(_ statistics: RunStatistics) -> JSONValue {
    .object(HeadlineStatistic.allCases.map { ($0.rawValue, .finite($0.value(statistics))) })
}
