import ArgumentParser
import Foundation
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run the pool rules on a given list of defaults, without randomness.",
        discussion: """
            The defaults file is CSV with header year,loan_id,lgd[,time]. An empty lgd is the \
            loan's mean LGD (plus lgd_add); time (a fraction of the year) orders claims under \
            the fifo rule, otherwise file order does. Loan ids are those of `poolsim portfolio` \
            with the same seed.
            """)

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: ArgumentHelp("The defaults file (CSV).", valueName: "FILE"))
    var defaults: String

    @Option(help: "Seed of the portfolio expansion (default: the scenario's seed).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("GSL generator type of the portfolio expansion.", valueName: "NAME"))
    var rng: String = GeneratorType.mt19937.name

    @Option(help: ArgumentHelp("What goes to stdout: table or json (the results document of one trial).", valueName: "FORMAT"))
    var format: String = "table"

    @OptionGroup var scenarioOptions: ScenarioOptions

    func validate() throws {
        guard ["table", "json"].contains(format) else { throw ValidationError("--format must be table or json, got '\(format)'") }
        do { _ = try GeneratorType(name: rng) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        GSL.start()
        let loaded = try scenarioOptions.load(scenario)
        let scenario = loaded.scenario
        let generatorType = (try? GeneratorType(name: rng)) ?? .mt19937
        let portfolioSeed = seed ?? scenario.seed
        let portfolio = Portfolio(scenario: scenario, generatorType: generatorType, seed: portfolioSeed)
        let replayed: DefaultsFile.Replayed
        do {
            replayed = try DefaultsFile.load(path: defaults, loans: portfolio.loans, scenario: scenario)
        } catch {
            ScenarioOptions.printDiagnostics(error.diagnostics)
            throw ScenarioOptions.exitCode(for: error)
        }
        let started = Date()
        let rules = PoolRules(scenario: scenario, loans: portfolio.loans)
        var outcome = TrialOutcome(horizonYears: scenario.horizonYears, bankCount: scenario.banks.count)
        var scratch = SettlementScratch()
        rules.settle(replayed.defaults, into: &outcome, scratch: &scratch)
        ScenarioOptions.printDiagnostics(scratch.uncoveredDefaults.map { k in
            let event = replayed.defaults[k]
            return Diagnostic(.warning, "loan '\(portfolio.loans[event.loan].id)' was not covered in year \(event.year); its default makes no claim",
                              at: SourceLocation(file: replayed.file, line: replayed.lines[k]), keyPath: "loan_id")
        })

        if format == "json" {
            var records = TrialRecords(horizonYears: scenario.horizonYears, bankCount: scenario.banks.count)
            records.append(outcome)
            let statistics = RunStatistics(records: records, banks: scenario.banks, initialBalance: scenario.pool.initialBalance)
            let metadata = RunMetadata(
                gslVersion: GSL.version, rng: generatorType.name, seed: portfolioSeed, trials: 1, trialsRequested: 1,
                jobs: 1, scenarioName: scenario.name, scenarioSHA256: loaded.sha256, overrides: loaded.overrides,
                stress: loaded.stress, createdAt: timestamp(), elapsedSeconds: Date().timeIntervalSince(started),
                stopReason: .completed, extra: [("defaults_file", .string(defaults))])
            print(ResultsDocument.json(metadata: metadata, statistics: statistics).rendered(), terminator: "")
        } else {
            print(Self.table(outcome, scenario: scenario), terminator: "")
        }
    }

    /// The trial year by year and bank by bank.
    static func table(_ outcome: TrialOutcome, scenario: Scenario) -> String {
        let money = NumberFormat.money
        var years = TextTable(title: "\(scenario.name): the pool year by year (yuan)", header: [
            "year", "opening", "interest", "recoveries", "top-up", "claims due", "paid", "unpaid", "deferred", "closing", "state",
        ])
        for t in 1...outcome.horizonYears {
            let y = outcome.year(t)
            years.add(["\(t)", money(y.openingBalance), money(y.interest), money(y.recoveries), money(y.topUp),
                       money(y.claims), money(y.paid), money(y.unpaid), money(y.deferred), money(y.closingBalance),
                       y.exhausted ? "exhausted" : "ok"])
        }
        var banks = TextTable(title: "Bank by bank (yuan)", header: [
            "bank", "year", "defaults", "loss", "claims", "paid", "unpaid", "coverage", "NPL ratio",
        ])
        for (b, bank) in scenario.banks.enumerated() {
            for t in 1...outcome.horizonYears {
                let y = outcome.bank(b, year: t)
                banks.add([t == 1 ? bank.id : "", "\(t)", "\(y.defaults)", money(y.loss), money(y.claims), money(y.paid),
                           money(y.unpaid), NumberFormat.percent(y.coverageFraction, digits: 1),
                           NumberFormat.percent(y.nplRatio, digits: 2)])
            }
        }
        var out = years.rendered() + "\n" + banks.rendered() + "\n"
        out += "defaults \(outcome.defaultsTotal), loss \(money(outcome.lossTotal)), claims \(money(outcome.claimsTotal)), "
        out += "paid \(money(outcome.paidTotal)), unpaid \(money(outcome.unpaidTotal)), end balance \(money(outcome.endBalance))\n"
        out += "exhaustion year: \(outcome.exhaustionYear.map(String.init) ?? "none")\n"
        out += "required pool: \(outcome.requiredPool.map(money) ?? "not available (coverage depends on the balance)")\n"
        return out
    }
}
