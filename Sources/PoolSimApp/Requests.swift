import Foundation
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario
import PoolSimText

/// Where a scenario comes from, and what to change in it before validation.
public struct ScenarioInput: Sendable {
    public enum Source: Sendable {
        /// A file; its loan tape is read relative to it.
        case file(path: String)
        /// Text sent by a client; `name` stands for the file in diagnostics. Its
        /// loan tape is the text sent with it, if any: text never reads files.
        case text(String, format: ScenarioFormat, name: String, tape: LoanTapeSource = .refused)
    }

    public var source: Source
    /// `--set PATH=VALUE` overrides, applied after the stress.
    public var overrides: [String]
    public var stress: String?

    public init(_ source: Source, overrides: [String] = [], stress: String? = nil) {
        self.source = source
        self.overrides = overrides
        self.stress = stress
    }

    public static func file(_ path: String, overrides: [String] = [], stress: String? = nil) -> ScenarioInput {
        ScenarioInput(.file(path: path), overrides: overrides, stress: stress)
    }

    /// The same input with more overrides.
    func adding(overrides more: [String]) -> ScenarioInput {
        ScenarioInput(source, overrides: overrides + more, stress: stress)
    }

    /// Loads and validates the scenario; warnings go to the context's events.
    public func load(_ context: JobContext) throws(AppError) -> LoadedScenario {
        do {
            let loaded: LoadedScenario
            switch source {
            case let .file(path):
                loaded = try ScenarioLoader.load(path: path, overrides: overrides, stress: stress)
            case let .text(text, format, name, tape):
                loaded = try ScenarioLoader.load(contents: text, format: format, file: name, overrides: overrides,
                                                 stress: stress, tape: tape)
            }
            if !loaded.warnings.isEmpty { context.events(.warnings(loaded.warnings)) }
            return loaded
        } catch {
            throw .input(error)
        }
    }
}

/// A CSV input other than the scenario's loan tape: a defaults file for
/// `replay`, a default history for `calibrate`.
public enum TableInput: Sendable {
    case file(path: String)
    /// CSV text sent by a client; `name` stands for the file in diagnostics.
    case text(String, name: String)
}

/// Importance sampling of rare exhaustion (README, "Importance sampling for rare exhaustion").
public enum ImportanceMode: String, Sendable, CaseIterable {
    /// Tune a shift of the systematic factors on pilot trials, then weight every trial.
    case auto
    /// Plain Monte Carlo.
    case off
}

/// How to simulate: what `run` and every analysis share.
public struct SimulationOptions: Sendable {
    /// Trials (nil: the scenario's `trials`).
    public var trials: Int?
    /// Run seed (nil: the scenario's `seed`).
    public var seed: UInt64?
    public var generator: GeneratorType
    /// Worker threads; results do not depend on it.
    public var jobs: Int
    public var method: SamplingMethod
    public var importance: ImportanceMode

    public init(trials: Int? = nil, seed: UInt64? = nil, generator: GeneratorType = .mt19937,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, method: SamplingMethod = .grouped,
                importance: ImportanceMode = .off) {
        self.trials = trials
        self.seed = seed
        self.generator = generator
        self.jobs = jobs
        self.method = method
        self.importance = importance
    }

    /// Refuses values no run can use (exit 64).
    public func validate() throws(AppError) {
        if let trials, trials < 1 { throw .usage(Message(RequestText.trialsTooFew, ["value": String(trials)])) }
        if jobs < 1 { throw .usage(Message(RequestText.jobsTooFew, ["value": String(jobs)])) }
    }

    public func settings(for scenario: Scenario) -> SimulationSettings {
        SimulationSettings(trials: trials ?? scenario.trials, seed: seed ?? scenario.seed, generatorType: generator,
                           jobs: jobs, method: method)
    }
}

/// Which files a job writes, and where.
public struct OutputPlan: Sendable {
    /// The results directory; nil: `results/<scenario name>` for a run,
    /// `results/<scenario name>-<analysis>` for an analysis.
    public var directory: String?
    /// Replace the results in an existing directory (otherwise exit 73).
    public var force: Bool
    public var formats: [ExportFormat]
    /// Also write one row per trial (trials.csv, and a Trials sheet).
    public var perTrial: Bool
    /// Start CSV files with a UTF-8 byte-order mark (for Excel).
    public var byteOrderMark: Bool
    /// The language of the reports and workbooks; results.json and the CSV files do not depend on it.
    public var language: Language

    public init(directory: String? = nil, force: Bool = false, formats: [ExportFormat] = ExportFormat.allCases,
                perTrial: Bool = false, byteOrderMark: Bool = true, language: Language = .en) {
        self.directory = directory
        self.force = force
        self.formats = formats
        self.perTrial = perTrial
        self.byteOrderMark = byteOrderMark
        self.language = language
    }

    var exporterOptions: Exporter.Options {
        Exporter.Options(formats: formats, byteOrderMark: byteOrderMark, language: language)
    }
}
