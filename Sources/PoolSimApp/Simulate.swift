import Foundation
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario
import PoolSimText

/// A finished simulation: its results, and the per-trial values they rest on.
public struct FinishedRun: Sendable {
    public var results: RunResults
    public var trials: TrialTable
    /// Whether a cancellation stopped it before every block was run.
    public var interrupted: Bool

    public var statistics: RunStatistics { results.statistics }
}

/// One scenario ready to simulate: portfolio expanded, memory checked.
struct PreparedRun {
    let loaded: LoadedScenario
    let settings: SimulationSettings
    let simulation: Simulation
    let importance: ImportanceMode

    /// Expands the portfolio and checks the run fits in memory.
    init(_ loaded: LoadedScenario, settings: SimulationSettings, importance: ImportanceMode) throws(AppError) {
        let scenario = loaded.scenario
        try Self.checkMemory(trials: settings.trials, scenario: scenario)
        let portfolio = Portfolio(scenario: scenario, generatorType: settings.generatorType, seed: settings.seed)
        simulation = try Self.simulation(scenario, loans: portfolio.loans, file: loaded.path)
        self.loaded = loaded
        self.settings = settings
        self.importance = importance
    }

    /// The same portfolio and random numbers with another initial balance (for `size`'s search).
    init(_ base: PreparedRun, initialBalance: Double) throws(AppError) {
        var scenario = base.simulation.scenario
        scenario.pool.initialBalance = initialBalance
        simulation = try Self.simulation(scenario, loans: base.simulation.loans, file: base.loaded.path)
        loaded = base.loaded
        settings = base.settings
        importance = .off
    }

    /// The engine for a scenario; one whose distributions GSL refuses is an invalid input of `file`.
    static func simulation(_ scenario: Scenario, loans: [Loan], file: String) throws(AppError) -> Simulation {
        do {
            return try Simulation(scenario: scenario, loans: loans)
        } catch {
            throw .input(InputError(.invalid, [Diagnostic(.error, Message(DiagnosticText.modelInvalid, ["detail": error.description]),
                                                          at: SourceLocation(file: file))]))
        }
    }

    /// Per-trial values are kept for exact percentiles; a run that could not
    /// hold them in memory is refused up front rather than crashing later.
    static func checkMemory(trials: Int, scenario: Scenario) throws(AppError) {
        let perTrial = TrialRecords.bytesPerTrial(horizonYears: scenario.horizonYears, bankCount: scenario.banks.count)
        let needed = Double(trials) * Double(perTrial) * 1.2
        let budget = Double(ProcessInfo.processInfo.physicalMemory) * 0.6
        guard needed <= budget else {
            let most = Int(budget / (Double(perTrial) * 1.2))
            throw .usage(Message(RunText.trialsTooMany, ["trials": String(trials), "gigabytes": String(Int(needed / 1e9)),
                                                         "most": String(most)]))
        }
    }

    /// Runs the blocks of `settings` with progress events under `label`; a
    /// cancellation keeps the blocks finished.
    func simulate(_ settings: SimulationSettings, label: String,
                  context: JobContext) -> SimulationResult {
        let started = Date()
        let blocks = settings.blockCount
        let blockSize = settings.blockSize
        let events = context.events
        let result = context.executor.run(simulation, settings, progress: { tally in
            events(.progress(SimulationProgress(
                label: label, trialsDone: tally.trials, trials: settings.trials,
                blocksDone: min(blocks, (tally.trials + blockSize - 1) / blockSize), blocks: blocks,
                elapsedSeconds: Date().timeIntervalSince(started), pExhaustion: tally.pExhaustion)))
        }, shouldStop: { context.cancellation.isCancelled })
        events(.simulationEnded(label: label))
        return result
    }

    /// Runs the trials and summarises them. Throws `.interrupted` when stopped
    /// before any trial finished.
    func execute(label: String? = nil, context: JobContext) throws(AppError) -> FinishedRun {
        let scenario = loaded.scenario
        let label = label ?? scenario.name
        context.events(.simulationStarted(SimulationStart(label: label, trials: settings.trials, seed: settings.seed,
                                                          generator: settings.generatorType, jobs: settings.jobs)))
        let started = Date()
        var settings = self.settings
        var tuning: ImportanceTuning?
        if importance == .auto {
            context.events(.tuningImportanceSampling(label: label))
            let tuned = simulation.tuneImportanceSampling(settings)
            settings.tilt = tuned.tilt
            tuning = tuned
        }
        let result = simulate(settings, label: label, context: context)
        let elapsed = Date().timeIntervalSince(started)
        guard result.records.count > 0 else {
            throw .interrupted(Message(RunText.interruptedNothingWritten))
        }
        if result.interrupted { context.events(.notice(.interruptedSummarising(trials: result.records.count))) }
        let statistics = RunStatistics(records: result.records, banks: scenario.banks,
                                       initialBalance: scenario.pool.initialBalance)
        var metadata = metadata(trials: result.records.count, elapsed: elapsed, interrupted: result.interrupted,
                                mpiRanks: context.executor.mpiRanks)
        if let tuning {
            let diagnostics = ImportanceDiagnostics.of(result.records, pExhaustion: statistics.pExhaustion)
            if let reason = diagnostics.degenerateReason { context.events(.notice(.importanceDegenerate(reason: reason))) }
            metadata.importance = ImportanceReport(tuning, diagnostics)
        }
        let results = RunResults(metadata: metadata, statistics: statistics,
                                 scenario: ScenarioRecord(document: ScenarioWriter.jsonValue(scenario), scenario: scenario))
        return FinishedRun(results: results, trials: TrialTable(records: result.records, bankIDs: scenario.banks.map(\.id)),
                           interrupted: result.interrupted)
    }

    /// Runs this simulation as one step of an analysis: a stopped step leaves
    /// the analysis incomplete, so it throws rather than summarise.
    func analysisStep(label: String, context: JobContext) throws(AppError) -> FinishedRun {
        let finished = try execute(label: label, context: context)
        if finished.interrupted { throw AppError.analysisInterrupted }
        return finished
    }

    func metadata(trials: Int, elapsed: Double, interrupted: Bool, mpiRanks: Int?) -> RunMetadata {
        RunMetadata(
            gslVersion: GSL.version, rng: settings.generatorType.name, seed: settings.seed,
            trials: trials, trialsRequested: settings.trials, jobs: settings.jobs,
            scenarioName: loaded.scenario.name, scenarioSHA256: loaded.sha256,
            overrides: loaded.overrides, stress: loaded.stress,
            createdAt: timestamp(), elapsedSeconds: elapsed,
            stopReason: interrupted ? .interrupted : .completed,
            method: settings.method, blockSize: settings.blockSize, mpiRanks: mpiRanks)
    }
}

/// ISO 8601 in UTC, to the second: the time results and web runs record.
public func timestamp(_ date: Date = Date()) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
}
