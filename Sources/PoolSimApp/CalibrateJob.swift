import Foundation
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario
import PoolSimText

/// `calibrate`: PDs and correlations from a default history (CALIBRATE.md).
public struct CalibrateRequest: Sendable {
    /// Where `--apply` writes the scenario with the estimates.
    public struct Apply: Sendable {
        public var scenario: String
        public var out: String
        /// Replace `out` if it exists (otherwise exit 73).
        public var force: Bool
        /// The language of the comment that records where the estimates came from.
        public var language: Language

        public init(scenario: String, out: String, force: Bool = false, language: Language = .en) {
            self.scenario = scenario
            self.out = out
            self.force = force
            self.language = language
        }
    }

    public var history: TableInput
    public var commonPD: Bool
    public var apply: Apply?
    /// `--report DIR`: the HTML page, the workbook, the CSV tables and the JSON.
    public var report: OutputPlan?

    public init(history: TableInput, commonPD: Bool = false, apply: Apply? = nil, report: OutputPlan? = nil) {
        self.history = history
        self.commonPD = commonPD
        self.apply = apply
        self.report = report
    }
}

public struct CalibrateOutcome: Sendable {
    public var calibration: Calibration
    /// The history file as named in diagnostics.
    public var historyName: String
    /// Where `--apply` wrote the scenario.
    public var scenarioPath: String?
    /// Where `--report` wrote its files.
    public var reportDirectory: String?
}

public enum CalibrateJob {
    /// Reads the history, fits it, and writes what was asked: the scenario
    /// with the estimates (validated before it is written) and the report.
    public static func run(_ request: CalibrateRequest, context: JobContext) throws(AppError) -> CalibrateOutcome {
        let read: HistoryFile.Read
        let name: String
        do {
            switch request.history {
            case let .file(path):
                name = path
                read = try HistoryFile.load(path: path)
            case let .text(text, label):
                name = label
                read = try HistoryFile.read(text, file: label)
            }
        } catch {
            throw .input(error)
        }
        if !read.warnings.isEmpty { context.events(.warnings(read.warnings)) }
        let history = read.history
        // What could refuse the outputs is checked before the fit, which can take a while.
        let base = try request.apply.map { apply throws(AppError) -> LoadedScenario in
            if !apply.force, FileManager.default.fileExists(atPath: apply.out) {
                throw .output(OutputError(kind: .cannotCreate, message: "\(apply.out) exists; use --force to replace it"))
            }
            return try ScenarioInput.file(apply.scenario).load(context)
        }
        if let edge = Calibration.edge(of: history, commonPD: request.commonPD) {
            let (bank, none): (String?, Bool) = switch edge {
            case let .noDefaults(bank): (bank, true)
            case let .allDefaults(bank): (bank, false)
            }
            let message = bank.map { Message(none ? DiagnosticText.calibrationBankNoDefaults : .calibrationBankAllDefaults, ["bank": $0]) }
                ?? Message(none ? DiagnosticText.calibrationNoDefaults : .calibrationAllDefaults)
            throw .input(InputError(.invalid, [Diagnostic(.error, message, at: bank.flatMap { read.bankLocations[$0] }
                                                              ?? SourceLocation(file: name), keyPath: bank == nil ? "" : "bank")]))
        }
        let target = try request.report.map { plan throws(AppError) in
            try OutputTarget(plan, defaultPath: "results/calibration", context: context)
        }
        context.events(.notice(.calibrating(banks: history.banks.count, years: history.years.count,
                                            observations: history.records.count)))
        let calibration: Calibration
        do {
            calibration = try Calibration.fit(history, commonPD: request.commonPD, curve: request.report != nil)
        } catch {
            throw .input(InputError(.invalid, [Diagnostic(.error, Message(DiagnosticText.calibrationFailed,
                                                                          ["reason": error.description]),
                                                          at: SourceLocation(file: name))]))
        }

        var scenarioPath: String?
        if let apply = request.apply, let base {
            try write(calibration, to: base, apply, history: name, locations: read.bankLocations, context: context)
            scenarioPath = apply.out
        }
        var reportDirectory: String?
        if let plan = request.report, let target {
            let title = ((name as NSString).lastPathComponent as NSString).deletingPathExtension + " calibration"
            try target.writeAnalysis(title, json: calibration, tables: CalibrationExport.tables(calibration),
                                     html: CalibrationReport.page(calibration, history: name, language: plan.language))
            reportDirectory = target.path
        }
        return CalibrateOutcome(calibration: calibration, historyName: name, scenarioPath: scenarioPath,
                                reportDirectory: reportDirectory)
    }

    /// The scenario with the estimates, loaded back as `poolsim run` would
    /// load it before it is written: a file that does not validate is never written.
    static func write(_ calibration: Calibration, to base: LoadedScenario, _ apply: CalibrateRequest.Apply, history: String,
                      locations: [String: SourceLocation], context: JobContext) throws(AppError) {
        let written: CalibratedScenario.Written
        do {
            written = try CalibratedScenario.apply(calibration, to: base, history: history,
                                                   historyLocations: locations, date: String(timestamp().prefix(10)),
                                                   language: apply.language)
            _ = try ScenarioLoader.load(contents: written.text, format: .yaml, file: apply.out)
        } catch {
            throw .input(error)
        }
        if !written.warnings.isEmpty { context.events(.warnings(written.warnings)) }
        guard context.writesFiles else { return }
        do {
            try AtomicFile.write(Data(written.text.utf8), to: apply.out)
        } catch {
            throw .output(error)
        }
    }
}
