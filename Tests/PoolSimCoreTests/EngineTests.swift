import Foundation
import PoolSimRandom
import Testing
@testable import PoolSimCore

/// The engine against closed forms, with fixed seeds. Tolerances are stated in
/// Monte Carlo standard errors (or, for distributions, as a goodness-of-fit
/// p-value floor of 10⁻³).
struct EngineTests {
    /// n identical one-year loans of one bank and sector, amount 1, LGD 1,
    /// claims paid at 100% from a pool too large to run dry.
    static func homogeneous(loans n: Int, pd: Double, model: DefaultModel, lgd: LGDSpec = LGDSpec(mean: 1),
                            horizon: Int = 1) -> (Scenario, [Loan]) {
        let scenario = Scenario(
            name: "homogeneous", horizonYears: horizon,
            pool: PoolSettings(initialBalance: 1e12),
            compensation: CompensationSettings(ratio: 1),
            defaultModel: model,
            banks: [Bank(id: "b", name: "Bank")])
        let loans = (0..<n).map { Loan(id: "L\($0)", bank: "b", sector: "s", amount: 1, pd: pd, lgd: lgd) }
        return (scenario, loans)
    }

    static func run(_ scenario: Scenario, _ loans: [Loan], trials: Int, seed: UInt64 = 7,
                    jobs: Int = 2, method: SamplingMethod = .grouped) throws -> TrialRecords {
        let simulation = try Simulation(scenario: scenario, loans: loans)
        return simulation.run(SimulationSettings(trials: trials, seed: seed, jobs: jobs, method: method)).records
    }

    /// Chi-square goodness of fit of integer outcomes against probabilities,
    /// pooling neighbouring values until each bin expects at least 10.
    static func chiSquarePValue(_ outcomes: [Double], probability: (Int) -> Double, maxValue: Int) -> Double {
        let n = Double(outcomes.count)
        var counts = [Int](repeating: 0, count: maxValue + 1)
        for x in outcomes { counts[min(Int(x), maxValue)] += 1 }
        var expected = (0...maxValue).map { probability($0) * n }
        expected[maxValue] = n - expected[..<maxValue].reduce(0, +)
        var statistic = 0.0
        var bins = 0
        var observedBin = 0.0
        var expectedBin = 0.0
        for k in 0...maxValue {
            observedBin += Double(counts[k])
            expectedBin += expected[k]
            if expectedBin >= 10 || k == maxValue {
                statistic += (observedBin - expectedBin) * (observedBin - expectedBin) / max(expectedBin, 1e-300)
                bins += 1
                observedBin = 0
                expectedBin = 0
            }
        }
        return Probability.chiSquaredUpperTail(statistic, degreesOfFreedom: Double(bins - 1))
    }

    // MARK: Closed forms

    @Test("one-factor Gaussian defaults follow the binomial integral")
    func binomialIntegral() throws {
        let n = 40, pd = 0.05, rho = 0.2
        let model = DefaultModel(rhoGlobal: rho, rhoSector: 0, rhoBank: 0)
        let (scenario, loans) = Self.homogeneous(loans: n, pd: pd, model: model)
        let defaults = try Self.run(scenario, loans, trials: 100_000).total(.defaults)
        // P(D = k) = ∫ C(n,k) p(z)^k (1−p(z))^(n−k) φ(z) dz, p(z) = Φ((Φ⁻¹(pd) − √ρ z)/√(1−ρ)).
        let c = Probability.normalQuantile(pd)
        let probabilities = try (0...n).map { k in
            try Quadrature.integrate(from: -.infinity, to: .infinity) { z in
                let p = Probability.normalCDF((c - rho.squareRoot() * z) / (1 - rho).squareRoot())
                return try! Binomial(n: n, p: p).probability(k) * Probability.normalDensity(z)
            }
        }
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-8)
        let pValue = Self.chiSquarePValue(defaults, probability: { probabilities[$0] }, maxValue: n)
        #expect(pValue > 1e-3, "chi-square p-value \(pValue)")
        // The mean number of defaults is n·pd whatever the correlation: within 4 standard errors.
        let mean = Stat(defaults)
        #expect(abs(mean.mean - Double(n) * pd) < 4 * mean.mcse)
    }

    @Test("a large homogeneous portfolio follows Vasicek's loss distribution")
    func vasicekQuantiles() throws {
        let n = 10_000, pd = 0.02, rho = 0.12, trials = 20_000
        let model = DefaultModel(rhoGlobal: 0.06, rhoSector: 0.04, rhoBank: 0.02)
        let (scenario, loans) = Self.homogeneous(loans: n, pd: pd, model: model)
        let lossFraction = try Self.run(scenario, loans, trials: trials).total(.loss).map { $0 / Double(n) }
        let c = Probability.normalQuantile(pd)
        for alpha in [0.5, 0.9, 0.99] {
            // Vasicek: q_α = Φ((Φ⁻¹(pd) + √ρ Φ⁻¹(α))/√(1−ρ)).
            let q = Probability.normalCDF((c + rho.squareRoot() * Probability.normalQuantile(alpha)) / (1 - rho).squareRoot())
            // The finite portfolio's exact P(L ≤ q) by quadrature; it differs from α
            // only by granularity, which the tolerance allows for on top of 4 standard errors.
            let exact = try Quadrature.integrate(from: -.infinity, to: .infinity) { z in
                let p = Probability.normalCDF((c - rho.squareRoot() * z) / (1 - rho).squareRoot())
                return Probability.binomialCDF(Int((q * Double(n)).rounded(.down)), n: n, p: p) * Probability.normalDensity(z)
            }
            let empirical = Double(lossFraction.filter { $0 <= q }.count) / Double(trials)
            let standardError = (alpha * (1 - alpha) / Double(trials)).squareRoot()
            #expect(abs(exact - alpha) < 0.01, "granularity at α = \(alpha): \(exact)")
            #expect(abs(empirical - alpha) <= 4 * standardError + abs(exact - alpha),
                    "P(L ≤ q_\(alpha)) = \(empirical), Vasicek \(alpha), exact finite \(exact)")
        }
    }

    @Test("one-sector CreditRisk+ defaults follow the Gamma-mixed binomial")
    func creditRiskPlus() throws {
        let n = 60, pd = 0.03, variance = 0.5625
        let model = DefaultModel(copula: .creditriskplus, sectorVariance: ["default": variance])
        let (scenario, loans) = Self.homogeneous(loans: n, pd: pd, model: model)
        let defaults = try Self.run(scenario, loans, trials: 100_000).total(.defaults)
        let gamma = try GammaDistribution(mean: 1, variance: variance)
        let probabilities = try (0...n).map { k in
            // ∫ Bin(k; n, min(1, pd·γ)) g(γ) dγ, split where min(1, ·) bends.
            let density = { (x: Double) in
                try! Binomial(n: n, p: min(1, pd * x)).probability(k) * gammaDensity(x, shape: gamma.shape, scale: gamma.scale)
            }
            return try Quadrature.integrate(from: 0, to: 1 / pd, density)
                + Quadrature.integrate(from: 1 / pd, to: .infinity, density)
        }
        let pValue = Self.chiSquarePValue(defaults, probability: { probabilities[$0] }, maxValue: n)
        #expect(pValue > 1e-3, "chi-square p-value \(pValue)")
    }

    /// The loans of one bank, sector and PD (a risk class) carry three LGD
    /// distributions, so each loan's LGD must come from its own.
    @Test("expected loss is Σ pd × amount × mean LGD whatever the correlation")
    func expectedLoss() throws {
        var (scenario, _) = Self.homogeneous(loans: 0, pd: 0, model: DefaultModel(rhoGlobal: 0.1, rhoSector: 0.05, rhoBank: 0.05))
        scenario.banks = [Bank(id: "a", name: "A"), Bank(id: "b", name: "B")]
        scenario.defaultModel.lgdAdd = 0
        var loans: [Loan] = []
        var expected = 0.0
        for i in 0..<300 {
            let amount = Double(1 + i % 7) * 1e5
            let pd = [0.01, 0.02, 0.05][i % 3]
            let lgd = LGDSpec(mean: [0.45, 0.6, 0.75][(i / 3) % 3], sd: [0.1, 0.2, 0][(i / 3) % 3])
            loans.append(Loan(id: "L\(i)", bank: i % 2 == 0 ? "a" : "b", sector: i % 5 == 0 ? "x" : "y",
                              amount: amount, pd: pd, lgd: lgd))
            expected += pd * amount * lgd.mean
        }
        let loss = Stat(try Self.run(scenario, loans, trials: 50_000).total(.loss))
        #expect(abs(loss.mean - expected) < 4 * loss.mcse, "mean loss \(loss.mean) ± \(loss.mcse), expected \(expected)")
    }

    @Test("the t copula has heavier tails than the Gaussian at the same correlation")
    func tCopulaTails() throws {
        let gaussian = DefaultModel(rhoGlobal: 0.12, rhoSector: 0, rhoBank: 0)
        var t = gaussian
        t.copula = .t
        t.tDegreesOfFreedom = 4
        let (scenarioG, loans) = Self.homogeneous(loans: 500, pd: 0.02, model: gaussian)
        let (scenarioT, _) = Self.homogeneous(loans: 500, pd: 0.02, model: t)
        let g = Stat(try Self.run(scenarioG, loans, trials: 50_000).total(.defaults))
        let s = Stat(try Self.run(scenarioT, loans, trials: 50_000).total(.defaults))
        // Same marginal PD: means agree within 4 standard errors of their difference.
        #expect(abs(g.mean - s.mean) < 4 * (g.mcse * g.mcse + s.mcse * s.mcse).squareRoot())
        #expect(s.percentile(named: "p99.9")! > 1.2 * g.percentile(named: "p99.9")!)
        #expect(s.sd > g.sd)
    }

    // MARK: Reproducibility

    static var bundledLike: (Scenario, [Loan]) {
        let model = DefaultModel(rhoGlobal: 0.06, rhoSector: 0.04, rhoBank: 0.02, globalPersistence: 0.3)
        var scenario = Scenario(
            name: "small", horizonYears: 3,
            pool: PoolSettings(initialBalance: 2e6, shortfall: .fifo),
            compensation: CompensationSettings(ratio: 0.7, perLoanCap: 4e5),
            defaultModel: model,
            banks: [Bank(id: "a", name: "A"), Bank(id: "b", name: "B")])
        scenario.defaultModel.pdMultiplier = [1, 1.5, 2]
        let loans = (0..<400).map { (i: Int) -> Loan in
            let bank = i % 3 == 0 ? "a" : "b"
            let sector = i % 2 == 0 ? "x" : "y"
            let amount = Double(1 + i % 5) * 1e5
            return Loan(id: "L\(i)", bank: bank, sector: sector, amount: amount, pd: 0.03,
                        lgd: LGDSpec(mean: 0.6, sd: 0.2), originationYear: 1 + i % 3, termYears: 1 + i % 2)
        }
        return (scenario, loans)
    }

    @Test("results do not depend on --jobs; the same seed repeats, another seed does not")
    func reproducibility() throws {
        let (scenario, loans) = Self.bundledLike
        let one = try Self.run(scenario, loans, trials: 2_500, seed: 11, jobs: 1)
        let two = try Self.run(scenario, loans, trials: 2_500, seed: 11, jobs: 2)
        let again = try Self.run(scenario, loans, trials: 2_500, seed: 11, jobs: 2)
        let other = try Self.run(scenario, loans, trials: 2_500, seed: 12, jobs: 2)
        #expect(one == two)
        #expect(two == again)
        #expect(one.total(.claims) != other.total(.claims))
        #expect(one.count == 2_500)
    }

    /// With `mixedLGD`, the loans of each bank, sector and PD carry three LGD
    /// distributions (groups sharing one conditional probability).
    @Test("the grouped method draws the same distribution as one uniform per loan", arguments: [false, true])
    func methodsAgree(mixedLGD: Bool) throws {
        var (scenario, loans) = Self.bundledLike
        if mixedLGD {
            loans = loans.enumerated().map { i, loan in
                var loan = loan
                loan.lgd = [LGDSpec(mean: 0.6, sd: 0.2), LGDSpec(mean: 0.3, sd: 0.1), LGDSpec(mean: 0.9)][(i / 6) % 3]
                return loan
            }
        }
        let grouped = try Self.run(scenario, loans, trials: 40_000, seed: 3, method: .grouped)
        let perLoan = try Self.run(scenario, loans, trials: 40_000, seed: 4, method: .perLoan)
        for q in [TotalQuantity.defaults, .claims, .paid, .loss] {
            let a = Stat(grouped.total(q))
            let b = Stat(perLoan.total(q))
            #expect(abs(a.mean - b.mean) < 4 * (a.mcse * a.mcse + b.mcse * b.mcse).squareRoot(), "\(q)")
        }
        for t in 1...scenario.horizonYears {
            let a = Stat(grouped.year(.loss, t))
            let b = Stat(perLoan.year(.loss, t))
            #expect(abs(a.mean - b.mean) < 4 * (a.mcse * a.mcse + b.mcse * b.mcse).squareRoot(), "loss in year \(t)")
        }
        let ks = twoSampleKS(grouped.total(.defaults), perLoan.total(.defaults))
        // Critical value of the two-sample KS statistic at α = 0.001: 1.95·√(2/n).
        #expect(ks < 1.95 * (2.0 / 40_000).squareRoot(), "KS distance \(ks)")
    }

    @Test("grouped and per-loan give identical results when nothing is random", arguments: [0.0, 1.0])
    func methodsDegenerate(pd: Double) throws {
        var (scenario, loans) = Self.bundledLike
        scenario.pool.shortfall = .proRata
        loans = loans.map { var loan = $0; loan.pd = pd; loan.lgd = LGDSpec(mean: 0.5); return loan }
        let grouped = try Self.run(scenario, loans, trials: 300, method: .grouped)
        let perLoan = try Self.run(scenario, loans, trials: 300, method: .perLoan)
        #expect(grouped == perLoan)
        #expect(grouped.total(.defaults).allSatisfy { $0 == (pd == 0 ? 0 : 400) })
    }

    @Test("a stopped run keeps the blocks it finished, in order")
    func interruption() throws {
        let (scenario, loans) = Self.bundledLike
        let simulation = try Simulation(scenario: scenario, loans: loans)
        let settings = SimulationSettings(trials: 10_000, seed: 5, jobs: 1)
        let calls = Counter()
        let stopped = simulation.run(settings, progress: { _ in calls.increment() }, shouldStop: { calls.value >= 3 })
        #expect(stopped.interrupted)
        #expect(stopped.records.count == 3_000)
        let full = simulation.run(settings).records
        #expect(stopped.records.total(.claims) == Array(full.total(.claims).prefix(3_000)))
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    func increment() { lock.lock(); count += 1; lock.unlock() }
}

func gammaDensity(_ x: Double, shape: Double, scale: Double) -> Double {
    guard x > 0 else { return 0 }
    return exp((shape - 1) * log(x) - x / scale - Probability.logGamma(shape) - shape * log(scale))
}

/// sup |F₁ − F₂| of two samples.
func twoSampleKS(_ a: [Double], _ b: [Double]) -> Double {
    let x = a.sorted(), y = b.sorted()
    var i = 0, j = 0, distance = 0.0
    while i < x.count && j < y.count {
        let v = min(x[i], y[j])
        while i < x.count && x[i] <= v { i += 1 }
        while j < y.count && y[j] <= v { j += 1 }
        distance = max(distance, abs(Double(i) / Double(x.count) - Double(j) / Double(y.count)))
    }
    return distance
}

/// The draws-only measurement draws what the engine's trials draw.
@Suite struct DrawsOnlyTests {
    @Test("as many defaults and factor draws as the engine's trials on the same streams", arguments: SamplingMethod.allCases)
    func countsMatchTheEngine(method: SamplingMethod) throws {
        let (scenario, loans) = EngineTests.homogeneous(
            loans: 400, pd: 0.03, model: DefaultModel(rhoGlobal: 0.1, rhoSector: 0.05, rhoBank: 0.02),
            lgd: LGDSpec(mean: 0.6, sd: 0.2), horizon: 3)
        let simulation = try Simulation(scenario: scenario, loans: loans)
        let settings = SimulationSettings(trials: 2_500, seed: 5, jobs: 1, method: method)
        let measured = DrawsOnly.measure(simulation, settings: settings)
        let records = simulation.run(settings).records
        #expect(measured.trials == 2_500)
        #expect(measured.defaults == Int(records.total(.defaults).reduce(0, +)))
        // Per year the global factor, one sector and one bank.
        #expect(measured.factors == 2_500 * 3 * 3)
        switch method {
        case .perLoan:
            // One uniform per loan at risk: loans leave only by defaulting (one-year terms, renewed each year).
            #expect(measured.defaultUniforms >= measured.defaults && measured.defaultUniforms <= 2_500 * 3 * 400)
        case .grouped:
            // One gap per default, and one that overshoots each group-year (one group here).
            #expect(measured.defaultUniforms <= measured.defaults + 2_500 * 3)
            #expect(measured.defaultUniforms >= measured.defaults)
        }
        #expect(measured.seconds > 0 && measured.trialsPerSecond.isFinite)
    }
}
