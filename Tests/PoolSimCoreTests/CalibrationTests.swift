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

extension CalibrationTests {
    @Test("two banks with binomial spread: both correlations 0 on the boundary, p̂_b = Σd/Σn exactly")
    func binomialSpreadTwoBanks() throws {
        let history = DefaultHistory(records: (1...9).flatMap { year in
            [HistoryRecord(year: year, bank: "a", loans: 400, defaults: 8),
             HistoryRecord(year: year, bank: "b", loans: 300 + 10 * (year % 2), defaults: 3)]
        })
        let fit = try Calibration.fit(history)
        #expect(fit.rhoGlobal.estimate == 0 && fit.rhoGlobal.atBoundary && fit.rhoGlobal.se == nil)
        #expect(fit.rhoBank.estimate == 0 && fit.rhoBank.atBoundary && fit.rhoBank.se == nil)
        #expect(fit.rhoGlobal.ciLow == 0 && fit.rhoGlobal.ciHigh > 0)
        #expect(fit.rhoBank.ciLow == 0 && fit.rhoBank.ciHigh > 0)
        let loansB = (1...9).reduce(0) { $0 + 300 + 10 * ($1 % 2) }
        #expect(fit.pd.map(\.estimate) == [72.0 / 3600, 27.0 / Double(loansB)])
        #expect(fit.warnings == [.atBoundary(global: true), .atBoundary(global: false)])
        #expect(fit.years == 9 && fit.banks == 2 && fit.observations == 18)
    }

    @Test("three banks, fourteen years: every estimate within 3 standard errors of the truth")
    func recoveryThreeBanks() throws {
        let banks = [("a", 0.02, 300), ("b", 0.035, 250), ("c", 0.05, 400)]
        let history = try Self.simulate(banks: banks, years: 14, rhoGlobal: 0.08, rhoBank: 0.05, seed: 21)
        let fit = try Calibration.fit(history)
        #expect(fit.warnings.isEmpty)
        for (pd, truth) in zip(fit.pd, banks) {
            let se = try #require(pd.se)
            #expect(abs(pd.estimate - truth.1) < 3 * se, "\(pd.bank): p̂ \(pd.estimate) ± \(se)")
            #expect(pd.ciLow < pd.estimate && pd.estimate < pd.ciHigh)
        }
        for (rho, truth) in [(fit.rhoGlobal, 0.08), (fit.rhoBank, 0.05)] {
            let se = try #require(rho.se)
            #expect(abs(rho.estimate - truth) < 3 * se, "ρ̂ \(rho.estimate) ± \(se), truth \(truth)")
            #expect(rho.ciLow <= rho.estimate && rho.estimate < rho.ciHigh)
        }
        // The reported maximum is the likelihood at the reported estimates.
        let likelihood = try HistoryLikelihood(history: history, nodes: fit.nodes)
        #expect(abs(likelihood.logLikelihood(fit.model) - fit.logLikelihood) < 1e-9)
    }

    @Test("a common PD: one estimate shared by every bank, never a better fit than one PD each")
    func commonPD() throws {
        let banks = [("a", 0.03, 300), ("b", 0.03, 500)]
        let history = try Self.simulate(banks: banks, years: 10, rhoGlobal: 0.06, rhoBank: 0.03, seed: 4)
        let shared = try Calibration.fit(history, commonPD: true)
        let separate = try Calibration.fit(history)
        #expect(shared.pd.count == 2 && shared.pd[0].estimate == shared.pd[1].estimate)
        #expect(shared.pd[0].se == shared.pd[1].se)
        // Nested models: the shared PD cannot fit better, and the separate ones are its extension.
        #expect(shared.logLikelihood <= separate.logLikelihood + 1e-6)
        #expect(abs(shared.pd[0].estimate - 0.03) < 3 * (shared.pd[0].se ?? 0))
    }

    @Test("over 200 one-bank histories the 95% profile interval for ρ covers the truth 88–99% of the time")
    func coverage() throws {
        var covered = 0
        for seed in 1...200 {
            let history = try Self.simulate(banks: [("a", 0.03, 1000)], years: 12, rhoGlobal: 0.1, rhoBank: 0,
                                            seed: UInt32(1000 + seed))
            let rho = try Calibration.fit(history).rhoGlobal
            if rho.ciLow <= 0.1 && 0.1 <= rho.ciHigh { covered += 1 }
        }
        #expect((176...198).contains(covered), "covered \(covered) of 200")
    }
}

extension CalibrationTests {
    @Test("without correlation the band is the binomial's own 5% and 95% quantiles; correlation widens it")
    func band() throws {
        let independent = HistoryModel(pd: [0.03], rhoGlobal: 0, rhoBank: 0)
        let band = try independent.rateBand(bank: 0, loans: 400)
        func binomialQuantile(_ level: Double) -> Int {
            (0...400).first { Probability.binomialCDF($0, n: 400, p: 0.03) >= level }!
        }
        #expect(band.low == Double(binomialQuantile(0.05)) / 400)
        #expect(band.high == Double(binomialQuantile(0.95)) / 400)
        let correlated = try HistoryModel(pd: [0.03], rhoGlobal: 0.1, rhoBank: 0.05).rateBand(bank: 0, loans: 400)
        #expect(correlated.low <= band.low && correlated.high > band.high)
    }

    @Test("the profile holds the estimate at deviance 0 and crosses χ²₁(0.95) at the interval's ends; JSON has the documented keys")
    func profileAndJSON() throws {
        let history = try Self.simulate(banks: [("a", 0.03, 2000)], years: 12, rhoGlobal: 0.1, rhoBank: 0, seed: 11)
        let fit = try Calibration.fit(history, curve: true)
        let profile = fit.rhoGlobal.profile
        #expect(profile.count >= 10)
        #expect(profile.contains { $0.rho == fit.rhoGlobal.estimate && $0.deviance == 0 })
        #expect(profile.allSatisfy { $0.deviance >= 0 })
        for end in [fit.rhoGlobal.ciLow, fit.rhoGlobal.ciHigh] {
            let point = try #require(profile.min { abs($0.rho - end) < abs($1.rho - end) })
            #expect(abs(point.rho - end) < 1e-4 && abs(point.deviance - 3.841458820694124) < 1e-3)
        }
        #expect(fit.observed.count == 12 && fit.observed.allSatisfy { $0.bandLow <= $0.bandHigh })
        let json = try JSONValueEncoder().encode(fit)
        guard case let .object(entries) = json else { Issue.record("not an object"); return }
        #expect(entries.map(\.0) == ["method", "common_pd", "years", "banks", "observations", "log_likelihood",
                                     "rho_global", "rho_bank", "pd", "moments", "warnings", "nodes"])
        let text = JSONValueEncoder().text(fit)
        // The bank factor of one bank is not identified: no standard error, written as null.
        #expect(text.contains("\"rho_bank\": {\n    \"estimate\": 0,\n    \"se\": null,"))
        #expect(text.contains("\"one_bank\""))
    }
}

extension CalibrationTests {
    @Test("a history whose PDs peak on the edge of the model is named and refused")
    func edges() throws {
        func history(_ rows: [(String, Int, Int)]) -> DefaultHistory {
            DefaultHistory(records: rows.enumerated().map { HistoryRecord(year: 2000 + $0.offset, bank: $0.element.0,
                                                                           loans: $0.element.1, defaults: $0.element.2) })
        }
        #expect(Calibration.edge(of: history([("a", 10, 0), ("a", 20, 0)])) == .noDefaults(bank: nil))
        #expect(Calibration.edge(of: history([("a", 10, 10)])) == .allDefaults(bank: nil))
        let mixed = history([("a", 100, 3), ("b", 50, 0), ("a", 100, 5), ("b", 60, 0)])
        #expect(Calibration.edge(of: mixed) == .noDefaults(bank: "b"))
        #expect(Calibration.edge(of: mixed, commonPD: true) == nil)
        #expect(throws: RandomError.self) { _ = try Calibration.fit(mixed) }
        #expect(try Calibration.fit(mixed, commonPD: true).pd.allSatisfy { $0.estimate > 0 })
    }
}
