import Foundation
import PoolSimCore
import PoolSimRandom
import Testing

/// The likelihood of a default history, against exact answers and a brute-force integral.
@Suite struct HistoryLikelihoodTests {
    static let history = DefaultHistory(records: [
        HistoryRecord(year: 2016, bank: "a", loans: 212, defaults: 3),
        HistoryRecord(year: 2016, bank: "b", loans: 140, defaults: 4),
        HistoryRecord(year: 2017, bank: "a", loans: 250, defaults: 9),
        HistoryRecord(year: 2017, bank: "b", loans: 160, defaults: 2),
        HistoryRecord(year: 2018, bank: "a", loans: 300, defaults: 1),
        HistoryRecord(year: 2019, bank: "b", loans: 1000, defaults: 40),
    ])

    @Test("without correlation the likelihood is the product of binomials, exactly")
    func noCorrelation() throws {
        let model = HistoryModel(pd: [0.02, 0.03], rhoGlobal: 0, rhoBank: 0)
        let likelihood = try HistoryLikelihood(history: Self.history, nodes: 20)
        var exact = 0.0
        for record in Self.history.records {
            let p = record.bank == "a" ? 0.02 : 0.03
            exact += Probability.logChoose(record.loans, record.defaults) + Double(record.defaults) * log(p)
                + Double(record.loans - record.defaults) * log(1 - p)
        }
        #expect(abs(likelihood.logLikelihood(model) - exact) < 1e-9 * abs(exact))
    }

    /// log ∫φ(x) exp(f(x)) dx by the trapezoid rule on [−9, 9] with step 0.01, in log space.
    static func bruteLogExpectation(_ f: (Double) -> Double) -> Double {
        let step = 0.01
        let terms = (0...1800).map { k -> Double in
            let x = -9 + Double(k) * step
            let weight = (k == 0 || k == 1800 ? 0.5 : 1) * step
            return log(weight) - 0.5 * x * x - 0.5 * log(2 * Double.pi) + f(x)
        }
        let largest = terms.max()!
        return largest + log(terms.reduce(0) { $0 + exp($1 - largest) })
    }

    @Test("with both factors the quadrature equals a brute-force integral to 1e-8 relative")
    func bruteForce() throws {
        let model = HistoryModel(pd: [0.02, 0.025], rhoGlobal: 0.08, rhoBank: 0.04)
        let likelihood = try HistoryLikelihood.converged(history: Self.history, at: model, tolerance: 1e-9)
        let banks = Dictionary(uniqueKeysWithValues: Self.history.banks.enumerated().map { ($1, $0) })
        // The same integrals by brute force, through the model's own binomial (checked above).
        var brute = 0.0
        for year in Self.history.years {
            let records = Self.history.records.filter { $0.year == year }
            brute += Self.bruteLogExpectation { g in
                records.reduce(0) { sum, record in
                    let b = banks[record.bank]!
                    let pd = model.pd[b]
                    return sum + Self.bruteLogExpectation { u in
                        let threshold = (Probability.normalQuantile(pd) - model.rhoGlobal.squareRoot() * g
                            - model.rhoBank.squareRoot() * u) / (1 - model.rhoGlobal - model.rhoBank).squareRoot()
                        return Probability.logChoose(record.loans, record.defaults)
                            + Double(record.defaults) * Probability.logNormalCDF(threshold)
                            + Double(record.loans - record.defaults) * Probability.logNormalCDF(-threshold)
                    }
                }
            }
        }
        let value = likelihood.logLikelihood(model)
        #expect(abs(value - brute) < 1e-8 * abs(brute), "quadrature \(value), brute force \(brute), nodes \(likelihood.rule.nodes.count)")
    }

    @Test("large counts do not underflow, and outside the parameter space the likelihood is −∞")
    func extremes() throws {
        let big = DefaultHistory(records: [HistoryRecord(year: 1, bank: "x", loans: 100_000, defaults: 50_000)])
        let likelihood = try HistoryLikelihood(history: big, nodes: 40)
        #expect(likelihood.logLikelihood(HistoryModel(pd: [0.001], rhoGlobal: 0.1, rhoBank: 0)).isFinite)
        #expect(likelihood.logLikelihood(HistoryModel(pd: [0.001], rhoGlobal: 0.6, rhoBank: 0.5)) == -.infinity)
        #expect(likelihood.logLikelihood(HistoryModel(pd: [0], rhoGlobal: 0.1, rhoBank: 0)) == -.infinity)
        #expect(Probability.logNormalCDF(-40) < -800 && Probability.logNormalCDF(-40).isFinite)
    }
}
