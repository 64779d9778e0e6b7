import Foundation
import PoolSimRandom
import Synchronization

/// How defaults are drawn given the year's factors. Both are exact (MODEL.md §4).
public enum SamplingMethod: String, Sendable, CaseIterable {
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

    public static let defaultBlockSize = 1000

    public init(trials: Int, seed: UInt64, generatorType: GeneratorType = .mt19937, jobs: Int = 1,
                method: SamplingMethod = .grouped, blockSize: Int = defaultBlockSize) {
        self.trials = trials
        self.seed = seed
        self.generatorType = generatorType
        self.jobs = jobs
        self.method = method
        self.blockSize = blockSize
    }

    public var blockCount: Int { (trials + blockSize - 1) / blockSize }

    /// The trials of block k.
    public func trials(ofBlock k: Int) -> Range<Int> { k * blockSize..<min(trials, (k + 1) * blockSize) }
}

/// The outcome of a run: the trials of every finished block, in block order.
public struct SimulationResult: Sendable {
    public var records: TrialRecords
    /// Whether the run stopped before every block was finished.
    public var interrupted: Bool
}

/// The Monte Carlo engine: draws each trial's defaults (MODEL.md §4) and settles
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
    /// `progress` receives the number of trials finished so far (from any thread);
    /// once `shouldStop` answers true, no new block is started.
    public func run(_ settings: SimulationSettings,
                    progress: @Sendable (Int) -> Void = { _ in },
                    shouldStop: @Sendable () -> Bool = { false }) -> SimulationResult {
        let blockCount = settings.blockCount
        var combined = TrialRecords(horizonYears: scenario.horizonYears, bankCount: scenario.banks.count)
        combined.reserveCapacity(settings.trials)
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
                guard let block = next else { return }
                let records = simulateBlock(block, settings: settings)
                let finished = state.withLock { state in
                    state.finish(block, records)
                    return state.finishedTrials
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
        var finishedTrials = 0
        var stopped = false

        mutating func finish(_ block: Int, _ records: TrialRecords) {
            blocks[block] = records
            finishedTrials += records.count
            while nextToCombine < blocks.count, let ready = blocks[nextToCombine] {
                combined.append(contentsOf: ready)
                blocks[nextToCombine] = nil
                nextToCombine += 1
            }
        }
    }

    /// The trials of block k, from the block's own stream (seed, k).
    public func simulateBlock(_ block: Int, settings: SimulationSettings) -> TrialRecords {
        let generator = RandomGenerator(type: settings.generatorType, seed: settings.seed,
                                        purpose: .trialBlock, index: UInt64(block))
        let range = settings.trials(ofBlock: block)
        var records = TrialRecords(horizonYears: scenario.horizonYears, bankCount: scenario.banks.count)
        records.reserveCapacity(range.count)
        var sampler = DefaultSampler(model: model, method: settings.method)
        var outcome = TrialOutcome(horizonYears: scenario.horizonYears, bankCount: scenario.banks.count)
        var scratch = SettlementScratch()
        for _ in range {
            sampler.drawTrial(using: generator)
            rules.settle(sampler.events, into: &outcome, scratch: &scratch)
            records.append(outcome)
        }
        return records
    }

    /// One trial's defaults from a generator: for tests and replays of single trials.
    public func drawDefaults(using generator: RandomGenerator, method: SamplingMethod = .grouped) -> [DefaultEvent] {
        var sampler = DefaultSampler(model: model, method: method)
        sampler.drawTrial(using: generator)
        return sampler.events
    }
}
