import Foundation
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario
import PoolSimText
import Synchronization

/// How the trial blocks of a simulation are executed: on this machine's
/// threads, or spread over the ranks of an MPI job. Either way blocks are
/// combined in block order, so results are the same.
public protocol TrialExecutor: Sendable {
    /// Runs every block of `settings`. `progress` receives the tally of the
    /// trials finished so far (across every process); once `shouldStop`
    /// answers true no new block starts.
    func run(_ simulation: Simulation, _ settings: SimulationSettings,
             progress: @escaping @Sendable (RunningTally) -> Void,
             shouldStop: @escaping @Sendable () -> Bool) -> SimulationResult

    /// The number of MPI ranks, recorded in the results' metadata; nil for one process.
    var mpiRanks: Int? { get }
}

/// Blocks on this process's threads (`jobs` of the settings).
public struct LocalExecutor: TrialExecutor {
    public init() {}

    public func run(_ simulation: Simulation, _ settings: SimulationSettings,
                    progress: @escaping @Sendable (RunningTally) -> Void,
                    shouldStop: @escaping @Sendable () -> Bool) -> SimulationResult {
        simulation.run(settings, progress: progress, shouldStop: shouldStop)
    }

    public var mpiRanks: Int? { nil }
}

/// Asks a job to stop after the blocks in progress (Ctrl-C, a cancel button).
public final class CancellationToken: Sendable {
    private let requested = Atomic<Bool>(false)

    public init() {}

    public func cancel() { requested.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { requested.load(ordering: .relaxed) }
}

/// What a job reports while it works, in order. Progress events come from
/// worker threads; a consumer must be thread-safe.
public enum JobEvent: Sendable {
    /// Warnings found while reading an input (the input is valid).
    case warnings([Diagnostic])
    /// A simulation is about to run.
    case simulationStarted(SimulationStart)
    /// Importance sampling is being tuned on pilot trials.
    case tuningImportanceSampling(label: String)
    /// More blocks of a simulation are finished.
    case progress(SimulationProgress)
    /// A simulation has ended (finished or stopped).
    case simulationEnded(label: String)
    /// Something the user should know that is not an error.
    case notice(JobNotice)
}

public struct SimulationStart: Sendable {
    /// What is simulated: the scenario's name, or an analysis step ("2/3 hebei-2022 + severe-downturn").
    public var label: String
    public var trials: Int
    public var seed: UInt64
    public var generator: GeneratorType
    public var jobs: Int
}

public struct SimulationProgress: Sendable {
    public var label: String
    public var trialsDone: Int
    public var trials: Int
    public var blocksDone: Int
    public var blocks: Int
    public var elapsedSeconds: Double
    /// P(exhaustion) over the trials finished so far, with its 95% interval.
    public var pExhaustion: ProbabilityEstimate?

    /// Trials per second so far.
    public var rate: Double { elapsedSeconds > 0 ? Double(trialsDone) / elapsedSeconds : 0 }

    /// Seconds left at the rate so far.
    public var secondsLeft: Double { rate > 0 ? Double(trials - trialsDone) / rate : 0 }
}

/// A message for the user that is not an error.
public enum JobNotice: Sendable, Equatable {
    /// A run was stopped; its statistics rest on the trials finished.
    case interruptedSummarising(trials: Int)
    /// The importance-sampling weights should not be trusted.
    case importanceDegenerate(reason: DegenerateWeights)
    /// A default history is being fitted.
    case calibrating(banks: Int, years: Int, observations: Int)

    static func text(_ reason: DegenerateWeights, _ language: Language) -> String {
        switch reason {
        case .notFinite: RunText.weightsNotFinite.text(language)
        case let .fewExhaustedTrials(ess):
            RunText.weightsFewExhaustedTrials.text(language, ["trials": NumberFormat.fixed(ess, digits: 1)])
        case let .oneTrialDominates(share):
            RunText.weightsOneTrialDominates.text(language, ["share": NumberFormat.percent(share, digits: 0)])
        case let .meanWeightFarFromOne(mean):
            RunText.weightsMeanFarFromOne.text(language, ["mean": NumberFormat.fixed(mean, digits: 3)])
        }
    }

    public func rendered(_ language: Language) -> String {
        switch self {
        case let .interruptedSummarising(trials):
            RunText.interruptedSummarising.text(language, ["trials": String(trials)])
        case let .importanceDegenerate(reason):
            RunText.importanceDegenerate.text(language, ["reason": Self.text(reason, language)])
        case let .calibrating(banks, years, observations):
            (banks == 1 ? CalibrateText.fittingOneBank : .fitting).text(language, [
                "banks": String(banks), "years": CommonText.years(years, language), "observations": String(observations),
            ])
        }
    }
}

/// What every job is given besides its request: where blocks run, where
/// events go, how to ask it to stop, and whether this process writes files.
public struct JobContext: Sendable {
    public var executor: any TrialExecutor
    public var events: @Sendable (JobEvent) -> Void
    public var cancellation: CancellationToken
    /// False on MPI ranks other than 0: they compute their share and write nothing.
    public var writesFiles: Bool

    public init(executor: any TrialExecutor = LocalExecutor(), events: @escaping @Sendable (JobEvent) -> Void = { _ in },
                cancellation: CancellationToken = CancellationToken(), writesFiles: Bool = true) {
        self.executor = executor
        self.events = events
        self.cancellation = cancellation
        self.writesFiles = writesFiles
    }
}
