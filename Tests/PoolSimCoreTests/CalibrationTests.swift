import Foundation
import PoolSimCore
import PoolSimRandom
import Testing

/// Maximum-likelihood calibration: closed forms and recovery of known parameters.
@Suite struct CalibrationTests {
    /// A history drawn from the model itself: per year a global factor, per bank
    /// and year a bank factor, then binomial defaults.
    static func simulate(banks: [(String, Double, Int)], years: Int, rhoGlobal: Double, rhoBank: Double,
                         seed: UInt32) throws -> DefaultHistory {
        let generator = RandomGenerator(seed: seed)
        var records: [HistoryRecord] = []
        for year in 1...years {
            let g = StandardNormal().sample(using: generator)
            for (bank, pd, loans) in banks {
                let u = StandardNormal().sample(using: generator)
                let pi = Probability.normalCDF((Probability.normalQuantile(pd) - rhoGlobal.squareRoot() * g
                    - rhoBank.squareRoot() * u) / (1 - rhoGlobal - rhoBank).squareRoot())
                records.append(HistoryRecord(year: year, bank: bank, loans: loans,
                                             defaults: try Binomial(n: loans, p: pi).sample(using: generator)))
            }
        }
        return DefaultHistory(records: records)
    }

    // Multi-bank fits (a bank factor to integrate for every record) are still
    // too slow for the unit tests; these use one bank.
    @Test("no more spread than binomial: ρ̂ = 0 on the boundary, and p̂ = Σd/Σn exactly")
    func binomialSpread() throws {
        let history = DefaultHistory(records: (1...10).map { year in
            HistoryRecord(year: year, bank: "a", loans: 500, defaults: 10)
        })
        let fit = try Calibration.fit(history)
        let global = fit.rhoGlobal
        #expect(global.estimate == 0 && global.atBoundary)
        #expect(global.ciLow == 0 && global.se == nil)
        #expect(global.ciHigh > 0 && global.ciHigh < 0.05)
        #expect(fit.pd.map(\.estimate) == [10.0 / 500])
        #expect(fit.pd.map(\.observedRate) == [10.0 / 500])
        #expect(fit.moments.rho == 0)
        #expect(fit.moments.pd == 10.0 / 500)
        #expect(fit.warnings == [.oneBank, .atBoundary(global: true)])
        // The binomial's own standard error √(p(1−p)/n) over all its loans.
        let se = try #require(fit.pd[0].se)
        #expect(abs(se / (0.02 * 0.98 / 5000).squareRoot() - 1) < 1e-3)
    }

    @Test("one bank, twelve years: estimates within 3 standard errors of the truth, the truth inside the interval")
    func recoveryOneBank() throws {
        let history = try Self.simulate(banks: [("a", 0.03, 2000)], years: 12, rhoGlobal: 0.1, rhoBank: 0, seed: 11)
        let fit = try Calibration.fit(history)
        #expect(fit.warnings == [.oneBank])
        let pd = fit.pd[0]
        #expect(abs(pd.estimate - 0.03) < 3 * (pd.se ?? 0), "p̂ \(pd.estimate) ± \(pd.se ?? .nan)")
        let rho = fit.rhoGlobal
        #expect(abs(rho.estimate - 0.1) < 3 * (rho.se ?? 0), "ρ̂ \(rho.estimate) ± \(rho.se ?? .nan)")
        #expect(rho.ciLow < 0.1 && 0.1 < rho.ciHigh, "[\(rho.ciLow), \(rho.ciHigh)]")
        #expect(rho.ciLow < rho.estimate && rho.estimate < rho.ciHigh)
        #expect(fit.rhoBank.estimate == 0)
        // The method of moments lands near the same place.
        #expect(abs(fit.moments.rho - rho.estimate) < 0.1)
    }
}
