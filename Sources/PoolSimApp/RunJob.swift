import PoolSimCore
import PoolSimReport
import PoolSimScenario

/// `run`: one scenario simulated, its results directory written.
public struct RunRequest: Sendable {
    public var scenario: ScenarioInput
    public var simulation: SimulationOptions
    public var output: OutputPlan

    public init(scenario: ScenarioInput, simulation: SimulationOptions = SimulationOptions(), output: OutputPlan = OutputPlan()) {
        self.scenario = scenario
        self.simulation = simulation
        self.output = output
    }
}

public struct RunOutcome: Sendable {
    public var run: FinishedRun
    /// Where the files went.
    public var directory: String

    public var results: RunResults { run.results }
    /// A cancellation stopped the run: the results rest on the trials finished (exit 130).
    public var interrupted: Bool { run.interrupted }
}

public enum RunJob {
    /// Loads the scenario, expands the portfolio, creates the results
    /// directory, runs the trials and writes the exports. A cancellation keeps
    /// the blocks finished, summarises and writes them, marked interrupted.
    public static func run(_ request: RunRequest, context: JobContext) throws(AppError) -> RunOutcome {
        try request.simulation.validate()
        let loaded = try request.scenario.load(context)
        let prepared = try PreparedRun(loaded, settings: request.simulation.settings(for: loaded.scenario),
                                       importance: request.simulation.importance)
        let output = try OutputTarget(request.output, defaultPath: "results/\(loaded.scenario.name)", context: context)
        let finished = try prepared.execute(context: context)
        try output.write(finished)
        return RunOutcome(run: finished, directory: output.path)
    }
}
