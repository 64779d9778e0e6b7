import PoolSimCore
import PoolSimScenario

/// `draws`: the random variates a run's trials need, drawn and thrown away on
/// one thread: the floor that `make bench` sets the engine's rate against.
public enum DrawsJob {
    public static func run(_ request: RunRequest, context: JobContext) throws(AppError) -> DrawsOnly.Measurement {
        try request.simulation.validate()
        let loaded = try request.scenario.load(context)
        let prepared = try PreparedRun(loaded, settings: request.simulation.settings(for: loaded.scenario), importance: .off)
        return DrawsOnly.measure(prepared.simulation, settings: prepared.settings)
    }
}
