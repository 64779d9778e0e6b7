import Foundation
import PoolSimRandom
import Testing
@testable import PoolSimCore

struct AnalysesTests {
    static func run(_ scenario: Scenario, _ loans: [Loan], trials: Int = 3000, seed: UInt64 = 21) throws -> TrialRecords {
        try Simulation(scenario: scenario, loans: loans)
            .run(SimulationSettings(trials: trials, seed: seed, jobs: 2)).records
    }

    /// Two banks, three origination years, no per-loan cap: claims are exactly
    /// proportional to the compensation ratios.
    static var scenario: (Scenario, [Loan]) {
        var (scenario, loans) = EngineTests.bundledLike
        scenario.compensation.perLoanCap = nil
        scenario.compensation.ratioByType = ["ip_pledge": 0.6]
        loans = loans.enumerated().map { i, loan in
            var loan = loan
            loan.type = i % 4 == 0 ? "ip_pledge" : "credit"
            return loan
        }
        return (scenario, loans)
    }

    @Test("common random numbers: halving every compensation ratio halves total claims in every trial")
    func commonRandomNumbers() throws {
        let (scenario, loans) = Self.scenario
        let halved = SensitivityParameter(name: "ratio", kind: .ratioFactor, low: "0.5", high: "0.5").apply(0.5, to: scenario)
        #expect(halved.compensation.ratio == 0.35 && halved.compensation.ratioByType["ip_pledge"] == 0.3)
        let full = try Self.run(scenario, loans)
        let half = try Self.run(halved, loans)
        #expect(full.total(.claims).contains { $0 > 0 })
        #expect(zip(full.total(.claims), half.total(.claims)).allSatisfy { $0 == 2 * $1 })
        #expect(full.total(.loss) == half.total(.loss))
        #expect(full.total(.defaults) == half.total(.defaults))
    }

    @Test("the balance for a ruin probability is the required pool's quantile, bracketed by order statistics")
    func sizeFromRequiredPool() {
        let required = (1...1000).map { Double($0) }
        let estimate = PoolSizing.fromRequiredPool(required.shuffled(), ruinProbability: 0.05)
        #expect(estimate.initialBalance == Stat.percentile(sorted: required, 0.95))
        #expect(estimate.ciLow < estimate.initialBalance && estimate.initialBalance < estimate.ciHigh)
        // n·p·(1−p) = 47.5: the interval spans about ±1.96·√47.5 ≈ ±13.5 order statistics.
        #expect(estimate.ciHigh - estimate.ciLow >= 27 && estimate.ciHigh - estimate.ciLow <= 31)
        #expect(estimate.method == .requiredPoolQuantile)
    }

    @Test("the bisection search finds the same balance as the required-pool quantile")
    func searchAgreesWithQuantile() throws {
        let (scenario, loans) = Self.scenario
        let records = try Self.run(scenario, loans, trials: 4000)
        let quantile = PoolSizing.fromRequiredPool(records.requiredPool, ruinProbability: 0.05)
        var evaluations = 0
        let searched = PoolSizing.search(ruinProbability: 0.05, start: scenario.pool.initialBalance) { balance in
            evaluations += 1
            var sized = scenario
            sized.pool.initialBalance = balance
            let exhausted = (try? Self.run(sized, loans, trials: 4000))?.exhaustionYear.filter { $0 > 0 }.count ?? -1
            return (exhausted, 4000)
        }
        #expect(searched.method == .commonRandomNumberSearch)
        // Both are the smallest balance with at most 5% of trials exhausted, up
        // to the search's 0.1% precision and the quantile's interpolation between
        // neighbouring order statistics.
        let sorted = records.requiredPool.sorted()
        #expect(searched.initialBalance >= sorted[3799] * (1 - 1e-9))
        #expect(searched.initialBalance <= sorted[3800] * 1.001 + 1)
        #expect(abs(searched.initialBalance - quantile.initialBalance) <= 0.002 * quantile.initialBalance + 1)
        #expect(searched.ciLow <= searched.initialBalance && searched.initialBalance <= searched.ciHigh)
        #expect(evaluations < 80)
    }

    @Test("paired differences are tighter than independent ones under common random numbers")
    func pairedDifference() throws {
        let (scenario, loans) = Self.scenario
        var stressed = scenario
        stressed.defaultModel.pdMultiplier = scenario.defaultModel.pdMultiplier.map { $0 * 1.2 }
        let a = try Self.run(scenario, loans, trials: 5000)
        let b = try Self.run(stressed, loans, trials: 5000)
        let paired = PairedDifference.of(a.total(.claims), b.total(.claims))
        let sa = Stat(a.total(.claims)), sb = Stat(b.total(.claims))
        #expect(paired.difference == sb.mean - sa.mean || abs(paired.difference - (sb.mean - sa.mean)) < 1e-6 * sb.mean)
        let pairedHalf = paired.ciHigh! - paired.difference
        let independentHalf = ProbabilityEstimate.z95 * (sa.mcse * sa.mcse + sb.mcse * sb.mcse).squareRoot()
        #expect(pairedHalf < 0.7 * independentHalf)
        #expect(paired.ciLow! > 0)
    }

    @Test("sensitivity settings change only their own assumption")
    func sensitivitySettings() {
        let (scenario, _) = Self.scenario
        let pd = SensitivityParameter.defaults[0].apply(1.5, to: scenario)
        #expect(pd.defaultModel.pdMultiplier == [1.5, 2.25, 3])
        let rho = SensitivityParameter.defaults[1].apply(1.5, to: scenario)
        #expect(abs(rho.defaultModel.rhoGlobal - 0.09) < 1e-12 && abs(rho.defaultModel.rhoBank - 0.03) < 1e-12)
        let pool = SensitivityParameter.defaults[4].apply(0.8, to: scenario)
        #expect(pool.pool.initialBalance == 1.6e6)
        #expect(pool.compensation == scenario.compensation && pool.defaultModel == scenario.defaultModel)
    }
}
