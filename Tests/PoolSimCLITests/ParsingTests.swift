import ArgumentParser
import PoolSimApp
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimText
import Testing
@testable import PoolSimCLI

/// The command line only parses: options become the application layer's typed requests.
@Suite("parsing")
struct ParsingTests {
    func parse(_ arguments: [String]) throws -> ParsableCommand {
        try PoolSimCommand.parseAsRoot(arguments)
    }

    @Test("run's options become a typed request")
    func runRequest() throws {
        let command = try #require(try parse([
            "run", "s.yaml", "--trials", "500", "--seed", "9", "--rng", "taus2", "--method", "per-loan",
            "--importance", "auto", "--set", "pool.initial_balance=1", "--stress", "downturn", "--export", "csv, json",
            "--per-trial", "--no-bom", "--out", "dir", "--force", "--jobs", "3", "--lang", "zh",
        ]) as? RunCommand)
        let options = command.simulation.options
        #expect(options.trials == 500 && options.seed == 9 && options.jobs == 3)
        #expect(options.generator == .taus2 && options.method == .perLoan && options.importance == .auto)
        #expect(command.languageOption.language == .zh)
        let plan = command.output.plan(.zh)
        #expect(plan.formats == [.csv, .json] && plan.perTrial && !plan.byteOrderMark && plan.force && plan.language == .zh)
        #expect(plan.directory == "dir")
        let input = command.scenarioOptions.input(command.scenario)
        #expect(input.overrides == ["pool.initial_balance=1"] && input.stress == "downturn", "\(input.overrides) \(String(describing: input.stress))")
        guard case .file(let path) = input.source else {
            Issue.record("not a file")
            return
        }
        #expect(path == "s.yaml")
    }

    @Test("defaults: every export, the scenario's trials and seed, mt19937, grouped, no importance sampling")
    func defaults() throws {
        let command = try #require(try parse(["run"]) as? RunCommand)
        #expect(command.scenario == "scenarios/hebei-2022.yaml")
        let options = command.simulation.options
        #expect(options.trials == nil && options.seed == nil && options.generator == .mt19937)
        #expect(options.method == .grouped && options.importance == .off)
        #expect(command.output.plan(.en).formats == ExportFormat.allCases && command.output.format == .table)
    }

    @Test("a bad option value is a usage error that lists the valid choices", arguments: [
        (["run", "--rng", "nope"], "mt19937"),
        (["run", "--method", "fast"], "per-loan"),
        (["run", "--importance", "yes"], "auto"),
        (["run", "--format", "yaml"], "table"),
        (["run", "--export", "csv,pdf"], "xlsx"),
        (["size", "s.yaml", "--ruin", "2"], "strictly between 0 and 1"),
        (["sweep", "s.yaml", "--grid", "nonsense"], "PATH=V1,V2"),
        (["sensitivity", "s.yaml", "--vary", "pd=a,b"], "takes two numbers"),
        (["compare", "s.yaml"], "two columns"),
        (["compare", "s.yaml", "--lang", "zh"], "至少需要两列"),
        (["run", "--lang", "fr"], "zh"),
    ])
    func badValues(arguments: [String], listed: String) {
        #expect {
            _ = try parse(arguments)
        } throws: { error in
            PoolSimCommand.exitCode(for: error).rawValue == 64 && PoolSimCommand.fullMessage(for: error).contains(listed)
        }
    }

    @Test("the analyses' options become their requests")
    func analysisRequests() throws {
        let sweep = try #require(try parse(["sweep", "s.yaml", "--grid", "pool.shortfall=pro_rata,fifo"]) as? SweepCommand)
        #expect(try sweep.request().axes.map(\.values) == [["pro_rata", "fifo"]])
        let sensitivity = try #require(try parse(["sensitivity", "s.yaml", "--vary", "pool=0.5,2"]) as? SensitivityCommand)
        #expect(try sensitivity.request().parameters == [SensitivityParameter(name: "pool", kind: .poolFactor, low: "0.5", high: "2")])
        let compare = try #require(try parse(["compare", "a.yaml", "b.yaml", "--set", "seed=1"]) as? CompareCommand)
        #expect(compare.request.scenarios.map(\.overrides) == [["seed=1"], ["seed=1"]])
        let size = try #require(try parse(["size", "s.yaml", "--ruin", "0.05", "--ruin", "0.01"]) as? SizeCommand)
        #expect(size.request.ruinProbabilities == [0.05, 0.01])
    }
}
