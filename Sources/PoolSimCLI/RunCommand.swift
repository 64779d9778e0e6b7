import ArgumentParser
import Foundation
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario and write its results directory.",
        discussion: """
            Without SCENARIO, runs the bundled scenarios/hebei-2022.yaml. Progress goes to \
            stderr, the summary to stdout, the files to results/<scenario name> (CSV, XLSX, \
            JSON, HTML). Ctrl-C stops after the blocks in progress and writes what was finished.
            """)

    @Argument(help: "The scenario file.")
    var scenario: String = "scenarios/hebei-2022.yaml"

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        GSL.start()
        let loaded = try scenarioOptions.load(scenario)
        let settings = simulation.settings(for: loaded.scenario)
        let run = try SimulationRun.prepare(loaded, settings: settings, importance: simulation.importanceSampling)
        let directory = try output.prepareDirectory(for: loaded.scenario)
        let finished = try run.execute(quiet: output.quiet)
        try output.write(finished.document, trials: finished.trialTable, to: directory)
        output.printResult(finished.document) { SummaryReport.render(finished.document) }
        if !output.quiet { note("results written to \(directory.path)") }
        if finished.interrupted { throw ExitCode(130) }
    }
}

/// One simulation of one loaded scenario, from portfolio to results document.
struct SimulationRun {
    let loaded: LoadedScenario
    let settings: SimulationSettings
    let simulation: Simulation
    /// Whether to tune and use importance sampling (`--importance auto`).
    var importance = false

    /// Expands the portfolio and checks the run fits in memory.
    static func prepare(_ loaded: LoadedScenario, settings: SimulationSettings,
                        importance: Bool = false) throws -> SimulationRun {
        let scenario = loaded.scenario
        let portfolio = Portfolio(scenario: scenario, generatorType: settings.generatorType, seed: settings.seed)
        try checkMemory(trials: settings.trials, scenario: scenario)
        do {
            let simulation = try Simulation(scenario: scenario, loans: portfolio.loans)
            return SimulationRun(loaded: loaded, settings: settings, simulation: simulation, importance: importance)
        } catch {
            note("error: \(error.description)")
            throw ExitCode(65)
        }
    }

    /// Per-trial values are kept for exact percentiles; a run that could not
    /// hold them in memory is refused up front rather than crashing later.
    static func checkMemory(trials: Int, scenario: Scenario) throws {
        let perTrial = TrialRecords.bytesPerTrial(horizonYears: scenario.horizonYears, bankCount: scenario.banks.count)
        let needed = Double(trials) * Double(perTrial) * 1.2
        let budget = Double(ProcessInfo.processInfo.physicalMemory) * 0.6
        guard needed <= budget else {
            let most = Int(budget / (Double(perTrial) * 1.2))
            note("error: \(trials) trials would keep about \(Int(needed / 1e9)) GB of per-trial values in memory, "
                + "more than this machine can spare; run at most \(most) trials here, or on a machine with more "
                + "memory (poolsim-mpi spreads the time of a run over ranks, not its memory)")
            throw ExitCode(64)
        }
    }

    struct Finished {
        var document: JSONValue
        var statistics: RunStatistics
        var trialTable: TrialTable
        var interrupted: Bool
    }

    /// Runs the trials with progress on stderr; Ctrl-C keeps the finished blocks.
    func execute(quiet: Bool, label: String? = nil) throws -> Finished {
        let scenario = loaded.scenario
        if !quiet {
            note("\(label ?? scenario.name): \(settings.trials) trials, seed \(settings.seed), \(settings.generatorType.name), \(settings.jobs) jobs")
        }
        installInterruptHandler()
        let started = Date()
        var settings = self.settings
        var tuning: ImportanceTuning?
        if importance {
            if !quiet { note("\(label ?? scenario.name): tuning importance sampling on pilot trials") }
            let tuned = simulation.tuneImportanceSampling(settings)
            settings.tilt = tuned.tilt
            tuning = tuned
        }
        let progress = ProgressReporter(total: settings.trials, label: label ?? scenario.name, quiet: quiet)
        let result = Execution.executor.run(simulation, settings, progress: progress.update,
                                            shouldStop: { interruptRequested.load(ordering: .relaxed) })
        progress.finish()
        let elapsed = Date().timeIntervalSince(started)
        guard result.records.count > 0 else {
            note("interrupted before any trial finished; nothing written")
            throw ExitCode(130)
        }
        if result.interrupted {
            note("interrupted: summarising the \(result.records.count) trials finished")
        }
        let statistics = RunStatistics(records: result.records, banks: scenario.banks,
                                       initialBalance: scenario.pool.initialBalance)
        var metadata = metadata(trials: result.records.count, elapsed: elapsed, interrupted: result.interrupted)
        if let tuning {
            let diagnostics = ImportanceDiagnostics.of(result.records, pExhaustion: statistics.pExhaustion)
            if let reason = diagnostics.degenerateReason {
                note("warning: importance sampling is degenerate: \(reason); its estimates are not reliable. "
                    + "Run without --importance, or with more trials.")
            }
            metadata.extra.append(("importance", Self.importanceJSON(tuning, diagnostics)))
        }
        let document = ResultsDocument.json(metadata: metadata, statistics: statistics, scenario: scenarioJSON)
        return Finished(document: document, statistics: statistics,
                        trialTable: TrialTable(records: result.records, bankIDs: scenario.banks.map(\.id)),
                        interrupted: result.interrupted)
    }

    /// `metadata.importance` of results.json.
    static func importanceJSON(_ tuning: ImportanceTuning, _ diagnostics: ImportanceDiagnostics) -> JSONValue {
        let shifts = tuning.tilt.normalShift
        return .object([
            ("method", .string("cross-entropy shift of the systematic factors (Glasserman and Li 2005)")),
            ("pilot_trials_per_iteration", .int(tuning.pilotTrials)),
            ("iterations", .int(tuning.iterations)),
            ("levels", .array(tuning.levels.map { .finite($0) })),
            ("largest_mean_shift", .finite(shifts.map(abs).max() ?? 0)),
            ("normal_shift", .array(shifts.map { .finite($0) })),
            ("gamma_scale", .array(tuning.tilt.gammaScale.map { .finite($0) })),
            ("effective_sample_size", .finite(diagnostics.effectiveSampleSize)),
            ("event_effective_sample_size", .finite(diagnostics.eventEffectiveSampleSize)),
            ("mean_weight", .finite(diagnostics.meanWeight)),
            ("variance_reduction", .finite(diagnostics.varianceReduction)),
            ("largest_event_weight_share", .finite(diagnostics.largestEventWeightShare)),
            ("degenerate", .bool(diagnostics.degenerateReason != nil)),
            ("degenerate_reason", diagnostics.degenerateReason.map(JSONValue.string) ?? .null),
        ])
    }

    func metadata(trials: Int, elapsed: Double, interrupted: Bool) -> RunMetadata {
        RunMetadata(
            gslVersion: GSL.version, rng: settings.generatorType.name, seed: settings.seed,
            trials: trials, trialsRequested: settings.trials, jobs: settings.jobs,
            scenarioName: loaded.scenario.name, scenarioSHA256: loaded.sha256,
            overrides: loaded.overrides, stress: loaded.stress,
            createdAt: timestamp(), elapsedSeconds: elapsed,
            stopReason: interrupted ? .interrupted : .completed,
            extra: [("method", .string(settings.method.rawValue)),
                    ("block_size", .int(settings.blockSize))] + Execution.executor.metadata)
    }

    /// The resolved scenario, as recorded in results.json.
    var scenarioJSON: JSONValue? {
        try? JSONValue(parsing: ScenarioWriter.json(loaded.scenario))
    }
}
