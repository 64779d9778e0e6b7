import Foundation
import PoolSimRandom
import Synchronization

/// How defaults are drawn given the year's factors. Both are exact (README, "What a trial is").
public enum SamplingMethod: String, Sendable, CaseIterable, Codable {
    /// Geometric gaps between defaults within each group of loans sharing a
    /// conditional default probability: cost follows the number of defaults.
    case grouped
    /// One uniform per loan at risk: the straightforward reference.
    case perLoan = "per-loan"
}

/// What a run asks for.
public struct SimulationSettings: Sendable {
    public var trials: Int
    public var seed: UInt64
    public var generatorType: GeneratorType
    /// Worker threads; results do not depend on it.
    public var jobs: Int
    public var method: SamplingMethod
    /// Trials per block. Each block has its own random stream, so this is part
    /// of what makes a run reproducible; it is fixed, not tuned per machine.
    public var blockSize: Int
    /// Importance sampling: the factors' shifted distribution; nil for plain Monte Carlo.
    public var tilt: FactorTilt?
    /// Which family of streams the blocks draw from: the run's, or a pilot's.
    public var purpose: StreamPurpose

    public static let defaultBlockSize = 1000

    public init(trials: Int, seed: UInt64, generatorType: GeneratorType = .mt19937, jobs: Int = 1,
                method: SamplingMethod = .grouped, blockSize: Int = defaultBlockSize, tilt: FactorTilt? = nil,
                purpose: StreamPurpose = .trialBlock) {
        self.trials = trials
        self.seed = seed
        self.generatorType = generatorType
        self.jobs = jobs
        self.method = method
        self.blockSize = blockSize
        self.tilt = tilt
        self.purpose = purpose
    }

    public var blockCount: Int { (trials + blockSize - 1) / blockSize }

    /// The trials of block k.
    public func trials(ofBlock k: Int) -> Range<Int> { k * blockSize..<min(trials, (k + 1) * blockSize) }

    /// Block k's two generators: the systematic factors, and the defaults with their LGDs and times.
    func streams(ofBlock k: Int) -> (factors: RandomGenerator, defaults: RandomGenerator) {
        let purposes: (StreamPurpose, StreamPurpose) = purpose == .pilot
            ? (.pilot, .pilotDefaults) : (.trialBlock, .trialBlockDefaults)
        return (RandomGenerator(type: generatorType, seed: seed, purpose: purposes.0, index: UInt64(k)),
                RandomGenerator(type: generatorType, seed: seed, purpose: purposes.1, index: UInt64(k)))
    }
}

/// The trials finished so far and how many ran dry: what a running estimate
/// of P(exhaustion) needs while a run goes on.
public struct RunningTally: Sendable, Equatable {
    public var trials = 0
    public var exhausted = 0
    /// Σw and Σw² of the likelihood ratios of the exhausted trials
    /// (importance sampling); for plain runs Σw = Σw² = `exhausted`.
    public var exhaustedWeight = 0.0
    public var exhaustedWeightSquares = 0.0
    public var weighted = false

    public init(trials: Int = 0, exhausted: Int = 0, exhaustedWeight: Double = 0, exhaustedWeightSquares: Double = 0,
                weighted: Bool = false) {
        self.trials = trials
        self.exhausted = exhausted
        self.exhaustedWeight = exhaustedWeight
        self.exhaustedWeightSquares = exhaustedWeightSquares
        self.weighted = weighted
    }

    /// The tally of a block's (or run's) trials.
    public init(_ records: TrialRecords) {
        trials = records.count
        weighted = records.weighted
        for i in 0..<records.count where records.exhaustionYear[i] > 0 {
            exhausted += 1
            let w = records.weighted ? records.weights[i] : 1
            exhaustedWeight += w
            exhaustedWeightSquares += w * w
        }
    }

    public mutating func add(_ other: RunningTally) {
        trials += other.trials
        exhausted += other.exhausted
        exhaustedWeight += other.exhaustedWeight
        exhaustedWeightSquares += other.exhaustedWeightSquares
        weighted = weighted || other.weighted
    }

    /// P(exhaustion) so far with its 95% interval: Wilson's for plain runs; for
    /// importance-sampled ones Σw/n ± 1.96·se with se² = (Σw²/n − p²)/(n − 1).
    public var pExhaustion: ProbabilityEstimate? {
        guard trials > 0 else { return nil }
        guard weighted else { return .wilson(successes: exhausted, trials: trials) }
        let n = Double(trials)
        let p = exhaustedWeight / n
        let se = trials > 1 ? (max(0, exhaustedWeightSquares / n - p * p) / (n - 1)).squareRoot() : 0
        return ProbabilityEstimate(estimate: p, low: max(0, p - ProbabilityEstimate.z95 * se),
                                   high: p + ProbabilityEstimate.z95 * se)
    }
}

/// The outcome of a run: the trials of every finished block, in block order.
public struct SimulationResult: Sendable {
    public var records: TrialRecords
    /// Whether the run stopped before every block was finished.
    public var interrupted: Bool

    public init(records: TrialRecords, interrupted: Bool) {
        self.records = records
        self.interrupted = interrupted
    }
}

/// The Monte Carlo engine: draws each trial's defaults (README, "What a trial is") and settles
/// them with the pool rules. Immutable; safe to share between threads.
public struct Simulation: Sendable {
    public let scenario: Scenario
    public let loans: [Loan]
    public let rules: PoolRules
    let model: CompiledDefaultModel

    public init(scenario: Scenario, loans: [Loan]) throws(RandomError) {
        self.scenario = scenario
        self.loans = loans
        rules = PoolRules(scenario: scenario, loans: loans)
        model = try CompiledDefaultModel(scenario: scenario, loans: loans)
    }

    /// Runs all blocks on `settings.jobs` threads and combines them in block order.
    /// `progress` receives the tally of the blocks finished so far (from any thread);
    /// once `shouldStop` answers true, no new block is started.
    public func run(_ settings: SimulationSettings,
                    progress: @Sendable (RunningTally) -> Void = { _ in },
                    shouldStop: @Sendable () -> Bool = { false }) -> SimulationResult {
        run(settings, blocks: Array(0..<settings.blockCount), progress: progress, shouldStop: shouldStop)
    }

    /// Runs the given blocks on `settings.jobs` threads; their trials are
    /// combined in the order listed. A stopped run keeps the listed blocks
    /// before the first unfinished one. (An MPI rank runs its share this way.)
    public func run(_ settings: SimulationSettings, blocks list: [Int],
                    progress: @Sendable (RunningTally) -> Void = { _ in },
                    shouldStop: @Sendable () -> Bool = { false }) -> SimulationResult {
        let blockCount = list.count
        var combined = TrialRecords(horizonYears: scenario.horizonYears, bankCount: scenario.banks.count,
                                    weighted: settings.tilt != nil)
        combined.reserveCapacity(list.reduce(0) { $0 + settings.trials(ofBlock: $1).count })
        let state = Mutex(RunState(blocks: Array(repeating: nil, count: blockCount), combined: combined))
        let jobs = max(1, min(settings.jobs, blockCount))
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while true {
                let next: Int? = state.withLock { state in
                    guard state.nextBlock < blockCount, !shouldStop() else {
                        state.stopped = state.stopped || state.nextBlock < blockCount
                        return nil
                    }
                    defer { state.nextBlock += 1 }
                    return state.nextBlock
                }
                guard let position = next else { return }
                let records = simulateBlock(list[position], settings: settings)
                let tally = RunningTally(records)
                let finished = state.withLock { state in
                    state.finish(position, records)
                    state.tally.add(tally)
                    return state.tally
                }
                progress(finished)
            }
        }
        return state.withLock { state in
            // A stopped run keeps the blocks before the first unfinished one.
            SimulationResult(records: state.combined, interrupted: state.stopped)
        }
    }

    /// Finished blocks are appended in block order as soon as their turn comes
    /// and then freed, so memory holds the combined trials and the few blocks
    /// finished ahead of their turn, not every block twice.
    private struct RunState: Sendable {
        var blocks: [TrialRecords?]
        var combined: TrialRecords
        var nextBlock = 0
        var nextToCombine = 0
        var tally = RunningTally()
        var stopped = false

        mutating func finish(_ block: Int, _ records: TrialRecords) {
            blocks[block] = records
            while nextToCombine < blocks.count, let ready = blocks[nextToCombine] {
                combined.append(contentsOf: ready)
                blocks[nextToCombine] = nil
                nextToCombine += 1
            }
        }
    }

    /// The trials of block k, from the block's own streams: (seed, k) for the
    /// systematic factors and (seed, k) of another purpose for the defaults.
    public func simulateBlock(_ block: Int, settings: SimulationSettings) -> TrialRecords {
        var records = TrialRecords(horizonYears: scenario.horizonYears, bankCount: scenario.banks.count,
                                   weighted: settings.tilt != nil)
        records.reserveCapacity(settings.trials(ofBlock: block).count)
        simulateBlock(block, settings: settings) { outcome, logRatio, _ in
            records.append(outcome, weight: settings.tilt == nil ? nil : exp(logRatio))
        }
        return records
    }

    /// Runs block k and hands each trial's outcome, log likelihood ratio and
    /// factor draws to `record`.
    func simulateBlock(_ block: Int, settings: SimulationSettings,
                       record: (TrialOutcome, Double, [Double]) -> Void) {
        let (factors, defaults) = settings.streams(ofBlock: block)
        var sampler = DefaultSampler(model: model, method: settings.method)
        var outcome = TrialOutcome(horizonYears: scenario.horizonYears, bankCount: scenario.banks.count)
        var scratch = SettlementScratch()
        for _ in settings.trials(ofBlock: block) {
            let logRatio = sampler.drawTrial(factors: factors, defaults: defaults, tilt: settings.tilt)
            rules.settle(sampler.events, into: &outcome, scratch: &scratch)
            record(outcome, logRatio, sampler.factorDraws)
        }
    }
}
