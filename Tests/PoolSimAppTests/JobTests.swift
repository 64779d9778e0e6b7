import Foundation
import PoolSimApp
import PoolSimCore
import PoolSimReport
import PoolSimScenario
import Synchronization
import Testing

/// The application layer: requests in, typed results out, files as the
/// command line writes them; progress events, cancellation, errors.
@Suite("jobs")
struct JobTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scenarios").standardized.path
    static let hebei = scenarios + "/hebei-2022.yaml"
    static let tape = scenarios + "/example-tape.yaml"

    /// A fresh directory under the system's temporary directory.
    static func scratch() -> String {
        let path = NSTemporaryDirectory() + "poolsim-app-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Records every event a job sends.
    final class Events: Sendable {
        let list = Mutex<[JobEvent]>([])
        func record(_ event: JobEvent) { list.withLock { $0.append(event) } }
        var all: [JobEvent] { list.withLock { $0 } }
        var progress: [SimulationProgress] {
            all.compactMap { if case let .progress(p) = $0 { p } else { nil } }
        }
    }

    static func context(_ events: Events = Events(), cancellation: CancellationToken = CancellationToken(),
                        writesFiles: Bool = true) -> JobContext {
        JobContext(events: events.record, cancellation: cancellation, writesFiles: writesFiles)
    }

    static func options(trials: Int, seed: UInt64 = 7, importance: ImportanceMode = .off) -> SimulationOptions {
        SimulationOptions(trials: trials, seed: seed, jobs: 1, importance: importance)
    }

    @Test("run: the results are the engine's, written as results.json, and read back to the same values")
    func run() throws {
        let out = Self.scratch() + "/run"
        let outcome = try RunJob.run(RunRequest(scenario: .file(Self.hebei), simulation: Self.options(trials: 2000),
                                                output: OutputPlan(directory: out)), context: Self.context())
        #expect(!outcome.interrupted && outcome.directory == out)

        // The same trials straight from the core.
        let loaded = try ScenarioLoader.load(path: Self.hebei)
        let settings = SimulationSettings(trials: 2000, seed: 7, jobs: 2)
        let portfolio = Portfolio(scenario: loaded.scenario, generatorType: .mt19937, seed: 7)
        let records = try Simulation(scenario: loaded.scenario, loans: portfolio.loans).run(settings).records
        let direct = RunStatistics(records: records, banks: loaded.scenario.banks,
                                   initialBalance: loaded.scenario.pool.initialBalance)
        let statistics = outcome.results.statistics
        #expect(statistics.pExhaustion == direct.pExhaustion)
        #expect(statistics.total(.claims) == direct.total(.claims))
        #expect(statistics.valueAtRisk(.p99) == direct.valueAtRisk(.p99))
        #expect(outcome.results.metadata.scenarioName == "hebei-2022" && outcome.results.metadata.seed == 7)
        #expect(outcome.results.scenario?.initialBalance == 110_000_000)

        let written = try String(contentsOfFile: out + "/results.json", encoding: .utf8)
        #expect(written == outcome.results.json())
        let decoded = try RunResults(json: written)
        #expect(decoded.json() == written)
        #expect(decoded.statistics.byBank.map(\.id) == loaded.scenario.banks.map(\.id))
        for name in ["summary.csv", "by_year.csv", "by_bank.csv", "pool_size.csv", "results.xlsx", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: out + "/trials.csv"))
    }

    @Test("progress: one event per block, in order, ending with every trial and the run's own P(exhaustion)")
    func progress() throws {
        let events = Events()
        let outcome = try RunJob.run(RunRequest(scenario: .file(Self.hebei), simulation: Self.options(trials: 5000),
                                                output: OutputPlan(directory: Self.scratch() + "/p")),
                                     context: Self.context(events))
        let progress = events.progress
        #expect(progress.map(\.trialsDone) == [1000, 2000, 3000, 4000, 5000])
        #expect(progress.map(\.blocksDone) == [1, 2, 3, 4, 5])
        #expect(progress.allSatisfy { $0.blocks == 5 && $0.trials == 5000 && $0.label == "hebei-2022" })
        #expect(progress.last?.pExhaustion == outcome.results.statistics.pExhaustion)
        guard case .simulationStarted(let start)? = events.all.first(where: {
            if case .simulationStarted = $0 { true } else { false }
        }) else {
            Issue.record("no start event")
            return
        }
        #expect(start.trials == 5000 && start.seed == 7 && start.jobs == 1)
        #expect(events.all.contains { if case .simulationEnded = $0 { true } else { false } })
    }

    @Test("progress under importance sampling: the running estimate is the weighted one")
    func weightedProgress() throws {
        let events = Events()
        let outcome = try RunJob.run(
            RunRequest(scenario: .file(Self.tape), simulation: Self.options(trials: 2000, importance: .auto),
                       output: OutputPlan(directory: Self.scratch() + "/w")), context: Self.context(events))
        let running = try #require(events.progress.last?.pExhaustion)
        let final = outcome.results.statistics.pExhaustion
        #expect(abs(running.estimate - final.estimate) <= 1e-12 * max(1, final.estimate))
        #expect(running.low <= running.estimate && running.estimate <= running.high)
        #expect(outcome.results.metadata.importance != nil)
    }

    @Test("cancellation stops after the blocks in progress and keeps them, marked interrupted")
    func cancellation() throws {
        let token = CancellationToken()
        let events = Events()
        let context = JobContext(events: { event in
            events.record(event)
            if case let .progress(p) = event, p.blocksDone == 2 { token.cancel() }
        }, cancellation: token)
        let out = Self.scratch() + "/c"
        let outcome = try RunJob.run(RunRequest(scenario: .file(Self.hebei), simulation: Self.options(trials: 10_000),
                                                output: OutputPlan(directory: out, perTrial: true)), context: context)
        #expect(outcome.interrupted)
        #expect(outcome.results.metadata.trials == 2000 && outcome.results.metadata.trialsRequested == 10_000)
        #expect(outcome.results.metadata.stopReason == .interrupted)
        #expect(events.all.contains { if case .notice(.interruptedSummarising(2000)) = $0 { true } else { false } })
        let rows = try String(contentsOfFile: out + "/trials.csv", encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 2001)

        // The kept trials are the first trials of the full run.
        let full = try RunJob.run(RunRequest(scenario: .file(Self.hebei), simulation: Self.options(trials: 2000),
                                             output: OutputPlan(directory: Self.scratch() + "/f")), context: Self.context())
        #expect(full.results.statistics.total(.claims) == outcome.results.statistics.total(.claims))
    }

    @Test("a job cancelled before it starts writes nothing and says so (exit 130)")
    func cancelledBeforeStart() {
        let token = CancellationToken()
        token.cancel()
        let out = Self.scratch() + "/never"
        #expect {
            try RunJob.run(RunRequest(scenario: .file(Self.hebei), simulation: Self.options(trials: 3000),
                                      output: OutputPlan(directory: out)), context: Self.context(cancellation: token))
        } throws: { ($0 as? AppError)?.exitCode == 130 }
        #expect(!FileManager.default.fileExists(atPath: out + "/results.json"))
    }

    @Test("an analysis cancelled part-way is incomplete: it throws and writes no analysis")
    func analysisCancelled() {
        let token = CancellationToken()
        let context = JobContext(events: { event in
            if case let .progress(p) = event, p.label.hasPrefix("2/") { token.cancel() }
        }, cancellation: token)
        let out = Self.scratch() + "/cmp"
        #expect {
            try CompareJob.run(CompareRequest(scenarios: [.file(Self.hebei)], stresses: ["severe-downturn"],
                                              simulation: Self.options(trials: 3000), output: OutputPlan(directory: out)),
                               context: context)
        } throws: { ($0 as? AppError)?.exitCode == 130 }
        #expect(!FileManager.default.fileExists(atPath: out + "/analysis.json"))
    }

    @Test("errors carry the command line's exit codes")
    func errors() throws {
        func code(_ body: () throws -> Void) -> Int32? {
            do { try body() } catch let error as AppError { return error.exitCode } catch { return -1 }
            return nil
        }
        let out = Self.scratch()
        #expect(code { _ = try RunJob.run(RunRequest(scenario: .file("/nonexistent.yaml")), context: Self.context()) } == 66)
        #expect(code {
            _ = try RunJob.run(RunRequest(scenario: .file(Self.hebei, overrides: ["pool.nope=1"])), context: Self.context())
        } == 65)
        // The directory exists and force was not given.
        #expect(code {
            _ = try RunJob.run(RunRequest(scenario: .file(Self.hebei), simulation: Self.options(trials: 10),
                                          output: OutputPlan(directory: out)), context: Self.context())
        } == 73)
        #expect(code { _ = try RunJob.run(RunRequest(scenario: .file(Self.hebei), simulation: Self.options(trials: 0)),
                                          context: Self.context()) } == 64)
        #expect(code { try SizeRequest(scenario: .file(Self.hebei), ruinProbabilities: [1.5]).validate() } == 64)
        #expect(code { _ = try SweepRequest.axis(parsing: "nonsense") } == 64)
        #expect(code { _ = try SensitivityRequest.parameter(parsing: "pd=low,high") } == 64)
        #expect(code { try CompareRequest(scenarios: [.file(Self.hebei)]).validate() } == 64)
        #expect(code { _ = try ReportJob.run(ReportRequest(directory: out + "/none"), context: Self.context()) } == 66)
    }

    @Test("a process that writes no files (an MPI rank other than 0) computes the same and creates nothing")
    func noFiles() throws {
        let out = Self.scratch() + "/silent"
        let outcome = try RunJob.run(RunRequest(scenario: .file(Self.hebei), simulation: Self.options(trials: 1000),
                                                output: OutputPlan(directory: out)),
                                     context: Self.context(writesFiles: false))
        #expect(outcome.results.metadata.trials == 1000)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("size: the required-pool quantile of the base run, recorded in both results.json and analysis.json")
    func size() throws {
        let out = Self.scratch() + "/size"
        let outcome = try SizeJob.run(SizeRequest(scenario: .file(Self.hebei), ruinProbabilities: [0.05, 0.01],
                                                  simulation: Self.options(trials: 2000), output: OutputPlan(directory: out)),
                                      context: Self.context())
        let estimates = outcome.results.estimates
        #expect(estimates.map(\.ruinProbability) == [0.05, 0.01])
        #expect(estimates.allSatisfy { $0.method == .requiredPoolQuantile && $0.ciLow <= $0.initialBalance
            && $0.initialBalance <= $0.ciHigh })
        #expect(estimates[1].initialBalance >= estimates[0].initialBalance)
        // The run's own table of required balances says the same at 5% and 1%.
        let required = outcome.results.run.statistics.poolSize.required
        #expect(required.first { $0.ruinProbability == 0.05 }?.initialBalance == estimates[0].initialBalance)
        let analysis = try String(contentsOfFile: out + "/analysis.json", encoding: .utf8)
        let list = try JSONValueDecoder().decode(SizeEstimateList.self, from: try JSONValue(parsing: analysis))
        #expect(list.items == estimates)
        let results = try String(contentsOfFile: out + "/results.json", encoding: .utf8)
        #expect(try JSONValueDecoder().decode(SizeResults.self, from: try JSONValue(parsing: results)).estimates == estimates)
    }

    @Test("compare: columns on the same random numbers; a column against itself differs by exactly zero")
    func compare() throws {
        let out = Self.scratch() + "/compare"
        let outcome = try CompareJob.run(
            CompareRequest(scenarios: [.file(Self.hebei), .file(Self.hebei)], stresses: ["severe-downturn"],
                           simulation: Self.options(trials: 2000), output: OutputPlan(directory: out)),
            context: Self.context())
        let results = outcome.results
        #expect(results.columns.map(\.label) == ["hebei-2022", "hebei-2022 (2)", "hebei-2022 + severe-downturn"])
        let same = results.deltas[0]
        #expect(HeadlineStatistic.allCases.allSatisfy { same[$0].difference == 0 })
        #expect(results.deltas[1][.pExhaustion].difference > 0)
        for sub in ["01-hebei-2022", "02-hebei-2022-2", "03-hebei-2022-severe-downturn"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(sub)/results.json"), "\(sub)")
        }
        let text = try String(contentsOfFile: out + "/analysis.json", encoding: .utf8)
        let decoded = try JSONValueDecoder().decode(CompareResults.self, from: try JSONValue(parsing: text))
        #expect(decoded.columns.map(\.label) == results.columns.map(\.label))
        #expect(JSONValueEncoder().text(decoded) == text)
    }

    @Test("sweep and sensitivity: every point on the same random numbers, in grid order")
    func sweepAndSensitivity() throws {
        let axis = try SweepRequest.axis(parsing: "pool.initial_balance=80000000, 150000000")
        #expect(axis.values == ["80000000", "150000000"])
        let sweep = try SweepJob.run(SweepRequest(scenario: .file(Self.hebei), axes: [axis],
                                                  simulation: Self.options(trials: 1000),
                                                  output: OutputPlan(directory: Self.scratch() + "/sweep")),
                                     context: Self.context()).results
        #expect(sweep.points.map { $0.settings.map(\.text) } == [["80000000"], ["150000000"]])
        // A larger pool runs dry less often, on the same trials never more often.
        #expect(sweep.points[1].headline[.pExhaustion] <= sweep.points[0].headline[.pExhaustion])
        // The claims do not depend on the balance.
        #expect(sweep.points[0].headline[.claimsMean] == sweep.points[1].headline[.claimsMean])

        let parameters = try ["pool=0.5,2", "pd=0.5,1.5"].map(SensitivityRequest.parameter(parsing:))
        let sensitivity = try SensitivityJob.run(
            SensitivityRequest(scenario: .file(Self.hebei), parameters: parameters, simulation: Self.options(trials: 1000),
                               output: OutputPlan(directory: Self.scratch() + "/sens")), context: Self.context()).results
        #expect(sensitivity.parameters.count == 2)
        #expect(sensitivity.parameters[0].width >= sensitivity.parameters[1].width)
        let pd = try #require(sensitivity.parameters.first { $0.name == "pd" })
        #expect(pd.low[.claimsMean] < sensitivity.base[.claimsMean] && sensitivity.base[.claimsMean] < pd.high[.claimsMean])
    }

    @Test("replay: the given defaults settled by the pool rules, uncovered ones reported as warnings")
    func replay() throws {
        let defaults = "year,loan_id,lgd\n1,CCB-2022-001,\n1,CCB-2022-003,0.9\n"
        let events = Events()
        let replay = try ReplayJob.run(ReplayRequest(scenario: .file(Self.tape), defaults: .text(defaults, name: "d.csv")),
                                       context: Self.context(events))
        // 2.5M at mean LGD 0.6 → loss 1.5M, claim 60% = 900,000; 0.8M at LGD 0.9 → 720,000, claim 432,000.
        #expect(replay.outcome.claimsTotal == 1_332_000)
        #expect(replay.results.metadata.defaultsFile == "d.csv" && replay.results.metadata.trials == 1)
        #expect(replay.results.scenario == nil)
        #expect(!events.all.contains { if case .warnings = $0 { true } else { false } })
    }

    @Test("report: rebuilt from results.json, the exports are the run's own")
    func report() throws {
        let out = Self.scratch() + "/rebuild"
        _ = try RunJob.run(RunRequest(scenario: .file(Self.hebei), simulation: Self.options(trials: 1000),
                                      output: OutputPlan(directory: out)), context: Self.context())
        let before = try ["summary.csv", "by_bank.csv", "report.html"].map {
            try String(contentsOfFile: out + "/" + $0, encoding: .utf8)
        }
        for name in ["summary.csv", "by_bank.csv", "report.html"] { try FileManager.default.removeItem(atPath: out + "/" + name) }
        let outcome = try ReportJob.run(ReportRequest(directory: out), context: Self.context())
        #expect(outcome.written.contains("report.html") && !outcome.written.contains("results.json"))
        let after = try ["summary.csv", "by_bank.csv", "report.html"].map {
            try String(contentsOfFile: out + "/" + $0, encoding: .utf8)
        }
        #expect(after == before)
    }
}
