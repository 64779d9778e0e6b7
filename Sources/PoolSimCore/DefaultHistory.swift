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

    /// log P(d defaults of n | π = Φ(threshold)) without the binomial coefficient;
    /// in log space, so that a thousand loans and a tiny π never underflow.
    static func logBinomialKernel(loans n: Int, defaults d: Int, threshold: Double) -> Double {
        var value = 0.0
        if d > 0 { value += Double(d) * Probability.logNormalCDF(threshold) }
        if d < n { value += Double(n - d) * Probability.logNormalCDF(-threshold) }
        return value
    }
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
    private let byYear: [[(bank: Int, loans: Int, defaults: Int)]]
    /// Σ log C(n, d) over the records: the part of ℓ that no parameter moves.
    private let logCoefficients: Double

    public init(history: DefaultHistory, nodes: Int) throws(RandomError) {
        self.history = history
        rule = try GaussHermite(count: nodes)
        let index = Dictionary(uniqueKeysWithValues: history.banks.enumerated().map { ($1, $0) })
        byYear = history.years.map { year in
            history.records.filter { $0.year == year }.map { (index[$0.bank]!, $0.loans, $0.defaults) }
        }
        logCoefficients = history.records.reduce(0) { $0 + Probability.logChoose($1.loans, $1.defaults) }
    }

    /// The likelihood with the fewest nodes (20, 40, 80, …, at most 320) such
    /// that doubling them changes the log-likelihood at `model` by less than `tolerance`.
    public static func converged(history: DefaultHistory, at model: HistoryModel,
                                 tolerance: Double = 1e-6) throws(RandomError) -> HistoryLikelihood {
        var current = try HistoryLikelihood(history: history, nodes: 20)
        var value = current.logLikelihood(model)
        while current.rule.nodes.count < 320 {
            let doubled = try HistoryLikelihood(history: history, nodes: current.rule.nodes.count * 2)
            let doubledValue = doubled.logLikelihood(model)
            if abs(doubledValue - value) < tolerance { return current }
            (current, value) = (doubled, doubledValue)
        }
        return current
    }

    /// ℓ(model); −∞ outside the parameter space.
    public func logLikelihood(_ model: HistoryModel) -> Double {
        guard model.isValid else { return -.infinity }
        let quantiles = model.pd.map(Probability.normalQuantile)
        let scale = 1 / (1 - model.rhoGlobal - model.rhoBank).squareRoot()
        let global = model.rhoGlobal.squareRoot() * scale
        let bank = model.rhoBank.squareRoot() * scale
        var total = logCoefficients
        for records in byYear {
            total += rule.logExpectation { g in
                var sum = 0.0
                for record in records {
                    let shifted = quantiles[record.bank] * scale - global * g
                    // With no bank factor the inner integral is the binomial itself.
                    sum += bank == 0
                        ? HistoryModel.logBinomialKernel(loans: record.loans, defaults: record.defaults, threshold: shifted)
                        : rule.logExpectation { u in
                            HistoryModel.logBinomialKernel(loans: record.loans, defaults: record.defaults,
                                                           threshold: shifted - bank * u)
                        }
                }
                return sum
            }
        }
        return total
    }
}
