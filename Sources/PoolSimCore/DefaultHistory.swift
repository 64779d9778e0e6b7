import Foundation
import PoolSimRandom

/// A bank's covered loans at risk at the start of a year, and how many of them defaulted in it.
public struct HistoryRecord: Sendable, Equatable {
    public var year: Int
    public var bank: String
    public var loans: Int
    public var defaults: Int

    public init(year: Int, bank: String, loans: Int, defaults: Int) {
        self.year = year
        self.bank = bank
        self.loans = loans
        self.defaults = defaults
    }
}

/// The yearly loan and default counts of one or more banks (CALIBRATE.md, "Input").
public struct DefaultHistory: Sendable, Equatable {
    public let records: [HistoryRecord]
    /// In order of first appearance.
    public let banks: [String]
    /// Ascending.
    public let years: [Int]

    /// Records with 1 ≤ loans and 0 ≤ defaults ≤ loans, one per (year, bank); the reader checks them.
    public init(records: [HistoryRecord]) {
        self.records = records
        var banks: [String] = []
        for record in records where !banks.contains(record.bank) { banks.append(record.bank) }
        self.banks = banks
        years = Array(Set(records.map(\.year))).sorted()
    }
}

/// The engine's Gaussian copula with a global and a bank factor, as a model
/// of a default history (CALIBRATE.md, "Model"): given G_t = g and B_bt = u the
/// defaults of bank b in year t are Binomial(n_bt, π_b(g, u)) with
///
///     π_b(g, u) = Φ((Φ⁻¹(p_b) − √ρ_G·g − √ρ_B·u) / √(1 − ρ_G − ρ_B)).
public struct HistoryModel: Sendable, Equatable {
    /// p_b, by the history's banks.
    public var pd: [Double]
    public var rhoGlobal: Double
    public var rhoBank: Double

    public init(pd: [Double], rhoGlobal: Double, rhoBank: Double) {
        self.pd = pd
        self.rhoGlobal = rhoGlobal
        self.rhoBank = rhoBank
    }

    /// Whether the parameters are inside the model: 0 < p_b < 1, ρ ≥ 0, ρ_G + ρ_B < 1.
    public var isValid: Bool {
        pd.allSatisfy { $0 > 0 && $0 < 1 } && rhoGlobal >= 0 && rhoBank >= 0 && rhoGlobal + rhoBank < 1
    }

}

/// log P(d defaults of n | π = Φ(s)) without the binomial coefficient,
/// K(s) = d·log Φ(s) + (n − d)·log Φ(−s), with its first two derivatives in s;
/// in log space, so that a thousand loans and a tiny π never underflow. K is
/// concave, and so is every integrand below: each has one mode.
struct BinomialKernel {
    let defaults: Double
    let survivors: Double

    init(loans: Int, defaults: Int) {
        self.defaults = Double(defaults)
        survivors = Double(loans - defaults)
    }

    func value(_ s: Double) -> Double { terms(s, derivatives: false).value }

    /// K, K′ and K″ at s, through the inverse Mills ratio λ(x) = φ(x)/Φ(x),
    /// whose derivative is −λ(x)(x + λ(x)).
    func derivatives(_ s: Double) -> (value: Double, first: Double, second: Double) { terms(s, derivatives: true) }

    private func terms(_ s: Double, derivatives: Bool) -> (value: Double, first: Double, second: Double) {
        // Φ(−|s|) from the C library's erfc, Φ(|s|) = 1 − Φ(−|s|) through log1p;
        // past |s| ≈ 37 the tail underflows and log Φ comes from GSL's log erfc.
        let tail = 0.5 * erfc(abs(s) / 2.0.squareRoot())
        let logCDF: Double, logSurvival: Double
        if tail > 1e-300 {
            (logCDF, logSurvival) = s < 0 ? (log(tail), log1p(-tail)) : (log1p(-tail), log(tail))
        } else {
            (logCDF, logSurvival) = (Probability.logNormalCDF(s), Probability.logNormalCDF(-s))
        }
        var (value, first, second) = (0.0, 0.0, 0.0)
        if defaults > 0 { value += defaults * logCDF }
        if survivors > 0 { value += survivors * logSurvival }
        guard derivatives else { return (value, 0, 0) }
        let logDensity = -s * s / 2 - BinomialKernel.logRootTwoPi
        if defaults > 0 {
            let mills = exp(logDensity - logCDF)
            first += defaults * mills
            second -= defaults * mills * (s + mills)
        }
        if survivors > 0 {
            let mills = exp(logDensity - logSurvival)
            first -= survivors * mills
            second -= survivors * mills * (mills - s)
        }
        return (value, first, second)
    }

    static let logRootTwoPi = 0.5 * log(2 * Double.pi)
}

/// The mode of a concave function from its first two derivatives: Newton's
/// method inside the bracket that the signs of the slope have shown, bisecting
/// when a step would leave it. Returns the mode and the curvature there (< 0).
func concaveMode(from start: Double, _ slopes: (Double) -> (first: Double, second: Double)) -> (mode: Double, curvature: Double) {
    var (x, low, high) = (start, -Double.infinity, Double.infinity)
    var (slope, curvature) = slopes(x)
    for _ in 0..<60 {
        if slope > 0 { low = x } else { high = x }
        var next = x - slope / curvature
        if !(next > low && next < high) || !next.isFinite {
            next = low.isFinite && high.isFinite ? (low + high) / 2 : x + (slope > 0 ? 4 : -4)
        }
        let step = abs(next - x)
        x = next
        (slope, curvature) = slopes(x)
        if step < 1e-10 * max(1, abs(x)) { break }
    }
    return (x, curvature)
}

/// The log-likelihood of a history under a `HistoryModel`,
///
///     ℓ = Σ_t log ∫ φ(g) Π_{b in year t} [∫ φ(u) Binom(d_bt; n_bt, π_b(g, u)) du] dg,
///
/// both integrals by Gauss–Hermite quadrature in log space.
public struct HistoryLikelihood: Sendable {
    public let history: DefaultHistory
    public let rule: GaussHermite
    /// The history's records by year (in `history.years` order), with their bank's index.
    private let byYear: [[(bank: Int, kernel: BinomialKernel)]]
    /// Σ log C(n, d) over the records: the part of ℓ that no parameter moves.
    private let logCoefficients: Double

    public init(history: DefaultHistory, nodes: Int) throws(RandomError) {
        self.history = history
        rule = try GaussHermite(count: nodes)
        let index = Dictionary(uniqueKeysWithValues: history.banks.enumerated().map { ($1, $0) })
        byYear = history.years.map { year in
            history.records.filter { $0.year == year }.map { (index[$0.bank]!, BinomialKernel(loans: $0.loans, defaults: $0.defaults)) }
        }
        logCoefficients = history.records.reduce(0) { $0 + Probability.logChoose($1.loans, $1.defaults) }
    }

    /// The likelihood with the fewest nodes (8, 16, 32, …, at most 256) such
    /// that doubling them changes the log-likelihood at `model` by less than `tolerance`.
    public static func converged(history: DefaultHistory, at model: HistoryModel,
                                 tolerance: Double = 1e-6) throws(RandomError) -> HistoryLikelihood {
        var current = try HistoryLikelihood(history: history, nodes: 8)
        var value = current.logLikelihood(model)
        while current.rule.nodes.count < 256 {
            let doubled = try HistoryLikelihood(history: history, nodes: current.rule.nodes.count * 2)
            let doubledValue = doubled.logLikelihood(model)
            if abs(doubledValue - value) < tolerance { return current }
            (current, value) = (doubled, doubledValue)
        }
        return current
    }

    /// ℓ(model); −∞ outside the parameter space.
    ///
    /// With c = 1/√(1 − ρ_G − ρ_B), the threshold is s = a − γ·g − β·u with
    /// a = c·Φ⁻¹(p_b), γ = c·√ρ_G and β = c·√ρ_B; each year's integrand is
    /// log-concave in (g, u). Both integrals are adaptive Gauss–Hermite: the
    /// inner one centred at the mode in u, the outer at the mode in g, found by
    /// Newton's method with the derivatives of the inner integrals (their
    /// moments of K′ and K″ under the inner integrand).
    public func logLikelihood(_ model: HistoryModel) -> Double {
        guard model.isValid else { return -.infinity }
        let scale = 1 / (1 - model.rhoGlobal - model.rhoBank).squareRoot()
        let thresholds = model.pd.map { Probability.normalQuantile($0) * scale }
        let global = model.rhoGlobal.squareRoot() * scale
        let bank = BankIntegral(rule: rule, loading: model.rhoBank.squareRoot() * scale)
        var total = logCoefficients
        for records in byYear {
            // Each record's inner mode, carried from one g to the next as the start of the next search.
            var starts = [Double](repeating: 0, count: records.count)
            guard global > 0 else {
                for (r, (b, kernel)) in records.enumerated() { total += bank.logIntegral(kernel, at: thresholds[b], start: &starts[r]) }
                continue
            }
            let (mode, curvature) = concaveMode(from: 0) { g in
                var (first, second) = (-g, -1.0)
                for (r, (b, kernel)) in records.enumerated() {
                    let moments = bank.derivatives(kernel, at: thresholds[b] - global * g, start: &starts[r])
                    first -= global * moments.first
                    second += global * global * moments.second
                }
                return (first, second)
            }
            total += rule.logExpectation(ofExp: { g in
                var sum = 0.0
                for (r, (b, kernel)) in records.enumerated() {
                    sum += bank.logIntegral(kernel, at: thresholds[b] - global * g, start: &starts[r])
                }
                return sum
            }, centre: mode, scale: 1 / (-curvature).squareRoot())
        }
        return total
    }
}

/// log I(a) = log ∫ φ(u) exp K(a − β·u) du, one bank's defaults in one year given
/// the global factor, with its derivatives in a; with β = 0 it is K(a) itself.
private struct BankIntegral {
    let rule: GaussHermite
    /// β.
    let loading: Double

    /// `start` is where the search for the mode in u begins, and becomes the mode found.
    func logIntegral(_ kernel: BinomialKernel, at a: Double, start: inout Double) -> Double {
        guard loading > 0 else { return kernel.value(a) }
        let (centre, width) = mode(kernel, at: a, from: start)
        start = centre
        return rule.logExpectation(ofExp: { u in kernel.value(a - loading * u) }, centre: centre, scale: width)
    }

    /// d/da log I = E[K′] and d²/da² log I = E[K″] + Var[K′], the moments under φ(u)·e^{K(a − βu)}/I.
    func derivatives(_ kernel: BinomialKernel, at a: Double, start: inout Double) -> (first: Double, second: Double) {
        guard loading > 0 else {
            let k = kernel.derivatives(a)
            return (k.first, k.second)
        }
        let (centre, width) = mode(kernel, at: a, from: start)
        start = centre
        var terms: [(log: Double, first: Double, second: Double)] = []
        terms.reserveCapacity(rule.nodes.count)
        var largest = -Double.infinity
        for i in rule.nodes.indices {
            let u = centre + width * rule.nodes[i]
            let k = kernel.derivatives(a - loading * u)
            let term = rule.logWeights[i] + (rule.nodes[i] * rule.nodes[i] - u * u) / 2 + k.value
            terms.append((term, k.first, k.second))
            largest = max(largest, term)
        }
        var (mass, first, square, second) = (0.0, 0.0, 0.0, 0.0)
        for term in terms {
            let weight = exp(term.log - largest)
            mass += weight
            first += weight * term.first
            square += weight * term.first * term.first
            second += weight * term.second
        }
        let mean = first / mass
        return (mean, second / mass + max(square / mass - mean * mean, 0))
    }

    /// The mode in u of φ(u)·e^{K(a − βu)} and the width 1/√(−curvature) there.
    private func mode(_ kernel: BinomialKernel, at a: Double, from start: Double) -> (centre: Double, width: Double) {
        let (centre, curvature) = concaveMode(from: start) { u in
            let k = kernel.derivatives(a - loading * u)
            return (-u - loading * k.first, -1 + loading * loading * k.second)
        }
        return (centre, 1 / (-curvature).squareRoot())
    }
}

extension HistoryModel {
    /// The 5% and 95% quantiles of a year's default rate d/n of bank `bank`
    /// with `loans` loans: d is binomial given π_b, and over the factors
    /// √ρ_G·G + √ρ_B·B = √(ρ_G + ρ_B)·Z, so P(d ≤ k) = E[Binomial CDF(k; n, π(Z))]
    /// by 64-node Gauss–Hermite. Each end is the smallest k/n whose probability reaches the level.
    public func rateBand(bank: Int, loans: Int) throws(RandomError) -> (low: Double, high: Double) {
        let rule = try GaussHermite(count: 64)
        let total = rhoGlobal + rhoBank
        let threshold = Probability.normalQuantile(pd[bank])
        func cumulative(_ k: Int) -> Double {
            rule.expectation { z in
                let pi = Probability.normalCDF((threshold - total.squareRoot() * z) / (1 - total).squareRoot())
                return Probability.binomialCDF(k, n: loans, p: pi)
            }
        }
        func quantile(_ level: Double) -> Int {
            var (low, high) = (0, loans)
            while low < high {
                let middle = (low + high) / 2
                if cumulative(middle) >= level { high = middle } else { low = middle + 1 }
            }
            return low
        }
        return (Double(quantile(0.05)) / Double(loans), Double(quantile(0.95)) / Double(loans))
    }
}
