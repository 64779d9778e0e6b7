import ArgumentParser
import Foundation
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario

struct SizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "size",
        abstract: "The initial balance that keeps P(exhaustion within the horizon) at or below P.",
        discussion: """
            When coverage does not depend on the balance (no leverage cap, no pool floor), one run \
            answers every P: the balance is the (1 − P) quantile of the trials' required pools, with a \
            distribution-free 95% interval. Otherwise the balance is searched by bisection, every \
            candidate run on the same random numbers, and the interval is where the Wilson interval \
            of P(exhaustion) reaches P. The method used is printed and recorded.
            """)

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: ArgumentHelp("Target ruin probability, e.g. 0.01 (repeatable).", valueName: "P"))
    var ruin: [Double]

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !ruin.isEmpty else { throw ValidationError("give at least one --ruin P") }
        for p in ruin where !(p > 0 && p < 1) {
            throw ValidationError("--ruin must be a probability strictly between 0 and 1, got \(p)")
        }
    }

    func run() throws {
        GSL.start()
        let loaded = try scenarioOptions.load(scenario)
        let settings = simulation.settings(for: loaded.scenario)
        let directory = try output.analysisDirectory(loaded.scenario, analysis: "size")
        let prepared = try SimulationRun.prepare(loaded, settings: settings, importance: simulation.importanceSampling)
        let base = try prepared.analysisStep(label: loaded.scenario.name, quiet: output.quiet)
        let estimates: [SizeEstimate]
        if !loaded.scenario.pool.coverageDependsOnBalance {
            let records = base.trialTable.records
            estimates = ruin.map {
                PoolSizing.fromRequiredPool(records.requiredPool, weights: records.weighted ? records.weights : nil,
                                            ruinProbability: $0)
            }
        } else {
            estimates = try ruin.map { p in
                try PoolSizing.search(ruinProbability: p, start: loaded.scenario.pool.initialBalance) { balance throws in
                    try Self.exhaustion(prepared, balance: balance, quiet: output.quiet)
                }
            }
        }
        let json: JSONValue = estimates.count == 1 ? estimates[0].json : .array(estimates.map(\.json))
        var rows = [["ruin_probability", "initial_balance", "ci_low", "ci_high", "method", "trials"]]
        var table = TextTable(title: "\(loaded.scenario.name): initial balance for a target ruin probability (yuan)",
                              header: ["ruin probability", "initial balance", "95% interval", "method"])
        for e in estimates {
            rows.append([NumberFormat.plain(e.ruinProbability), NumberFormat.plain(e.initialBalance),
                         NumberFormat.plain(e.ciLow), NumberFormat.plain(e.ciHigh), e.method.rawValue, String(e.trials)])
            table.add([NumberFormat.percent(e.ruinProbability, digits: 2), NumberFormat.money(e.initialBalance),
                       "\(NumberFormat.money(e.ciLow)) – \(NumberFormat.money(e.ciHigh))", e.method.rawValue])
        }
        var document = base.document
        if case var .object(members) = document {
            members.append(("size", json))
            document = .object(members)
        }
        try output.write(document, trials: base.trialTable, to: directory)
        try output.writeAnalysis("\(loaded.scenario.name) size", json: json, csv: [("size.csv", rows)], html: nil, to: directory)
        output.printResult(json) { table.rendered() + "\(NumberFormat.count(Double(estimates[0].trials))) trials, seed \(settings.seed)\n" }
        if !output.quiet { note("results written to \(directory.path)") }
    }

    /// (trials exhausted, trials) with the initial balance set to `balance`, on the run's random numbers.
    static func exhaustion(_ run: SimulationRun, balance: Double, quiet: Bool) throws -> (exhausted: Int, trials: Int) {
        var scenario = run.simulation.scenario
        scenario.pool.initialBalance = balance
        let simulation: Simulation
        do {
            simulation = try Simulation(scenario: scenario, loans: run.simulation.loans)
        } catch {
            note("error: \(error.description)")
            throw ExitCode(65)
        }
        let progress = ProgressReporter(total: run.settings.trials, label: "balance \(NumberFormat.millions(balance))", quiet: quiet)
        let result = Execution.executor.run(simulation, run.settings, progress: progress.update,
                                            shouldStop: { interruptRequested.load(ordering: .relaxed) })
        progress.finish()
        if result.interrupted {
            note("interrupted: the analysis is incomplete; nothing written")
            throw ExitCode(130)
        }
        let exhausted = result.records.exhaustionYear.lazy.filter { $0 > 0 }.count
        return (exhausted, result.records.count)
    }
}
