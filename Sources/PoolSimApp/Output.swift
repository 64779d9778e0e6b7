import Foundation
import PoolSimCore
import PoolSimText
import PoolSimReport

/// A results directory a job writes into, or nothing on processes that do
/// not write (MPI ranks other than 0).
struct OutputTarget {
    let plan: OutputPlan
    /// nil when this process writes no files.
    let directory: ResultsDirectory?
    let path: String

    /// Creates the directory (or accepts it with `force`), or throws exit 73.
    init(_ plan: OutputPlan, defaultPath: String, context: JobContext) throws(AppError) {
        try self.init(plan: plan, path: plan.directory ?? defaultPath, force: plan.force, writes: context.writesFiles)
    }

    /// A subdirectory for one run of an analysis, replaced if it exists.
    func subdirectory(_ name: String) throws(AppError) -> OutputTarget {
        try OutputTarget(plan: plan, path: (path as NSString).appendingPathComponent(name), force: true,
                         writes: directory != nil)
    }

    private init(plan: OutputPlan, path: String, force: Bool, writes: Bool) throws(AppError) {
        self.plan = plan
        self.path = path
        guard writes else {
            directory = nil
            return
        }
        do {
            directory = try ResultsDirectory.prepare(path, force: force)
        } catch {
            throw .output(error)
        }
    }

    /// The run's exports, as chosen by the plan.
    func write(_ run: FinishedRun) throws(AppError) {
        try write(run.results, trials: run.trials)
    }

    /// The exports of `results`; `resultsJSON`, when given, is written as results.json instead.
    func write(_ results: RunResults, trials: TrialTable, resultsJSON: String? = nil) throws(AppError) {
        guard let directory else { return }
        var options = plan.exporterOptions
        let json = options.formats.contains(.json) ? resultsJSON : nil
        if json != nil { options.formats.removeAll { $0 == .json } }
        do {
            try Exporter.write(results, trials: plan.perTrial ? trials : nil, to: directory, options: options)
            if let json { try directory.write(json, to: "results.json") }
        } catch {
            throw .output(error)
        }
    }

    /// An analysis's files: its JSON, its CSV tables and a workbook of them, its report.
    func writeAnalysis<Results: Encodable>(_ title: String, json: Results, tables: [AnalysisTable], html: String?)
        throws(AppError)
    {
        guard let directory else { return }
        let formats = plan.formats
        do {
            for table in tables where formats.contains(.csv) {
                try directory.write((plan.byteOrderMark ? CSVExport.byteOrderMark : "") + CSVExport.render(table.rows),
                                    to: table.name + ".csv")
            }
            if formats.contains(.xlsx), !tables.isEmpty {
                try directory.write(XLSXExport.workbook(tables: tables, title: title, language: plan.language),
                                    to: "analysis.xlsx")
            }
            if formats.contains(.html), let html { try directory.write(html, to: "report.html") }
            if formats.contains(.json) { try directory.write(JSONValueEncoder().text(json), to: "analysis.json") }
        } catch {
            throw .output(error)
        }
    }
}
