import PoolSimCore
import PoolSimReport
import PoolSimScenario
import PoolSimText

/// `size`: the initial balance that keeps P(exhaustion within the horizon) at or below each target.
public struct SizeRequest: Sendable {
    public var scenario: ScenarioInput
    /// Target ruin probabilities, each strictly between 0 and 1.
    public var ruinProbabilities: [Double]
    public var simulation: SimulationOptions
    public var output: OutputPlan

    public init(scenario: ScenarioInput, ruinProbabilities: [Double], simulation: SimulationOptions = SimulationOptions(),
                output: OutputPlan = OutputPlan()) {
        self.scenario = scenario
        self.ruinProbabilities = ruinProbabilities
        self.simulation = simulation
        self.output = output
    }

    public func validate() throws(AppError) {
        guard !ruinProbabilities.isEmpty else { throw .usage(Message(RequestText.ruinMissing)) }
        for p in ruinProbabilities where !(p > 0 && p < 1) {
            throw .usage(Message(RequestText.ruinRange, ["value": "\(p)"]))
        }
        try simulation.validate()
    }
}

public struct SizeOutcome: Sendable {
    public var results: SizeResults
    public var directory: String
}

public enum SizeJob {
    /// When coverage does not depend on the balance, one run answers every
    /// target from the trials' required pools; otherwise each target is
    /// searched by bisection, every candidate balance on the same random numbers.
    public static func run(_ request: SizeRequest, context: JobContext) throws(AppError) -> SizeOutcome {
        try request.validate()
        let loaded = try request.scenario.load(context)
        let scenario = loaded.scenario
        let output = try OutputTarget(request.output, defaultPath: "results/\(scenario.name)-size", context: context)
        let prepared = try PreparedRun(loaded, settings: request.simulation.settings(for: scenario),
                                       importance: request.simulation.importance)
        let base = try prepared.analysisStep(label: scenario.name, context: context)
        let estimates: [SizeEstimate]
        if !scenario.pool.coverageDependsOnBalance {
            let records = base.trials.records
            estimates = request.ruinProbabilities.map {
                PoolSizing.fromRequiredPool(records.requiredPool, weights: records.weighted ? records.weights : nil,
                                            ruinProbability: $0)
            }
        } else {
            estimates = try request.ruinProbabilities.map { (p: Double) throws(AppError) -> SizeEstimate in
                try PoolSizing.search(ruinProbability: p, start: scenario.pool.initialBalance) { balance throws(AppError) in
                    try exhaustion(prepared, balance: balance, context: context)
                }
            }
        }
        let results = SizeResults(run: base.results, estimates: estimates)
        // results.json of a size run carries the estimates too.
        try output.write(base.results, trials: base.trials, resultsJSON: JSONValueEncoder().text(results))
        try output.writeAnalysis("\(scenario.name) size", json: results.estimatesDocument,
                                 tables: [AnalysisExport.size(estimates)], html: nil)
        return SizeOutcome(results: results, directory: output.path)
    }

    /// (trials exhausted, trials) with the initial balance set to `balance`, on the run's random numbers.
    static func exhaustion(_ base: PreparedRun, balance: Double, context: JobContext) throws(AppError)
        -> (exhausted: Int, trials: Int)
    {
        let candidate = try PreparedRun(base, initialBalance: balance)
        let result = candidate.simulate(candidate.settings,
                                        label: "balance \(NumberFormat.millions(balance))", context: context)
        if result.interrupted { throw AppError.analysisInterrupted }
        let exhausted = result.records.exhaustionYear.lazy.filter { $0 > 0 }.count
        return (exhausted, result.records.count)
    }
}
