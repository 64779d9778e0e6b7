import Foundation
import PoolSimCore
import PoolSimRandom
import PoolSimScenario
import PoolSimText

/// `replay`: the pool rules on a given list of defaults, without randomness.
public struct ReplayRequest: Sendable {
    public var scenario: ScenarioInput
    public var defaults: TableInput
    /// Seed of the portfolio expansion (nil: the scenario's seed).
    public var seed: UInt64?
    /// Generator of the portfolio expansion.
    public var generator: GeneratorType

    public init(scenario: ScenarioInput, defaults: TableInput, seed: UInt64? = nil, generator: GeneratorType = .mt19937) {
        self.scenario = scenario
        self.defaults = defaults
        self.seed = seed
        self.generator = generator
    }
}

public struct ReplayOutcome: Sendable {
    public var scenario: Scenario
    /// The trial year by year and bank by bank.
    public var outcome: TrialOutcome
    /// The trial as a results document (one trial; no scenario recorded).
    public var results: RunResults
}

public enum ReplayJob {
    /// Expands the portfolio with the request's seed, reads the defaults
    /// against it, and settles them. Defaults of loans that were not covered
    /// that year make no claim and are reported as warnings.
    public static func run(_ request: ReplayRequest, context: JobContext) throws(AppError) -> ReplayOutcome {
        let loaded = try request.scenario.load(context)
        let scenario = loaded.scenario
        let portfolioSeed = request.seed ?? scenario.seed
        let portfolio = Portfolio(scenario: scenario, generatorType: request.generator, seed: portfolioSeed)
        let replayed: DefaultsFile.Replayed
        let defaultsName: String
        do {
            switch request.defaults {
            case let .file(path):
                defaultsName = path
                replayed = try DefaultsFile.load(path: path, loans: portfolio.loans, scenario: scenario)
            case let .text(text, name):
                defaultsName = name
                replayed = try DefaultsFile.read(text, file: name, loans: portfolio.loans, scenario: scenario)
            }
        } catch {
            throw .input(error)
        }
        let started = Date()
        let rules = PoolRules(scenario: scenario, loans: portfolio.loans)
        var outcome = TrialOutcome(horizonYears: scenario.horizonYears, bankCount: scenario.banks.count)
        var scratch = SettlementScratch()
        rules.settle(replayed.defaults, into: &outcome, scratch: &scratch)
        let uncovered = scratch.uncoveredDefaults.map { k in
            let event = replayed.defaults[k]
            return Diagnostic(.warning, Message(RunText.uncoveredDefault, ["loan": portfolio.loans[event.loan].id,
                                                                           "year": String(event.year)]),
                              at: SourceLocation(file: replayed.file, line: replayed.lines[k]), keyPath: "loan_id")
        }
        if !uncovered.isEmpty { context.events(.warnings(uncovered)) }

        var records = TrialRecords(horizonYears: scenario.horizonYears, bankCount: scenario.banks.count)
        records.append(outcome)
        let statistics = RunStatistics(records: records, banks: scenario.banks, initialBalance: scenario.pool.initialBalance)
        let metadata = RunMetadata(
            gslVersion: GSL.version, rng: request.generator.name, seed: portfolioSeed, trials: 1, trialsRequested: 1,
            jobs: 1, scenarioName: scenario.name, scenarioSHA256: loaded.sha256, overrides: loaded.overrides,
            stress: loaded.stress, createdAt: timestamp(), elapsedSeconds: Date().timeIntervalSince(started),
            stopReason: .completed, defaultsFile: defaultsName)
        return ReplayOutcome(scenario: scenario, outcome: outcome, results: RunResults(metadata: metadata, statistics: statistics))
    }
}
