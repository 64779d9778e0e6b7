import PoolSimCore

/// How the trial blocks of a simulation are executed: on this machine's
/// threads, or spread over the ranks of an MPI job. Either way blocks are
/// combined in block order, so results are the same.
public protocol TrialExecutor: Sendable {
    /// Runs every block of `settings`. `progress` receives the trials finished
    /// so far (across every process); once `shouldStop` answers true no new
    /// block starts.
    func run(_ simulation: Simulation, _ settings: SimulationSettings,
             progress: @escaping @Sendable (Int) -> Void,
             shouldStop: @escaping @Sendable () -> Bool) -> SimulationResult

    /// Facts about the execution recorded in the results' metadata.
    var metadata: [(String, JSONValue)] { get }
}

/// Blocks on this process's threads (`--jobs`).
public struct LocalExecutor: TrialExecutor {
    public init() {}

    public func run(_ simulation: Simulation, _ settings: SimulationSettings,
                    progress: @escaping @Sendable (Int) -> Void,
                    shouldStop: @escaping @Sendable () -> Bool) -> SimulationResult {
        simulation.run(settings, progress: progress, shouldStop: shouldStop)
    }

    public var metadata: [(String, JSONValue)] { [] }
}

public enum Execution {
    /// Set once by the executable before any command runs.
    nonisolated(unsafe) public static var executor: any TrialExecutor = LocalExecutor()
}
