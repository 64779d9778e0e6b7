import Foundation
import PoolSimRandom

/// Maximum-likelihood estimates of a history's default probabilities and
/// correlations (CALIBRATE.md, "Estimation"), with their intervals and the
/// method-of-moments estimate beside them.
public struct Calibration: Sendable {
    /// A correlation's estimate and interval.
    public struct Correlation: Sendable, Equatable {
        public var estimate: Double
        /// From the observed information; nil at a boundary.
        public var se: Double?
        /// The 95% profile-likelihood interval; at a boundary [0, the one-sided 95% upper end].
        public var ciLow: Double
        public var ciHigh: Double
        public var atBoundary: Bool
        /// The profile deviance 2(ℓ̂ − ℓ_profile(ρ)) where it was computed, by ρ.
        public var profile: [ProfilePoint]

        /// The deviance that bounds a 95% profile-likelihood interval, χ²₁(0.95).
        public static let twoSidedThreshold = 3.841458820694124
        /// χ²₁(0.90): the one-sided upper end of an estimate at the boundary 0.
        public static let oneSidedThreshold = 2.705543454095404

        /// The deviance at which this correlation's interval ends.
        public var threshold: Double { atBoundary ? Self.oneSidedThreshold : Self.twoSidedThreshold }
    }

    public struct ProfilePoint: Sendable, Equatable {
        public var rho: Double
        public var deviance: Double
    }

    /// A bank's year as observed, beside where the fitted model puts it.
    public struct ObservedYear: Sendable, Equatable {
        public var bank: String
        public var year: Int
        public var loans: Int
        public var defaults: Int
        public var rate: Double { Double(defaults) / Double(loans) }
        /// The fitted model's 5% and 95% quantiles of the year's default rate with these loans.
        public var bandLow: Double
        public var bandHigh: Double
    }

    /// A bank's default probability.
    public struct BankPD: Sendable, Equatable {
        public var bank: String
        public var estimate: Double
        public var se: Double?
        /// The Wald interval p̂ ± 1.96·se, clipped to [0, 1].
        public var ciLow: Double
        public var ciHigh: Double
        /// Σd/Σn of the bank.
        public var observedRate: Double
    }

    /// The method-of-moments (one-factor Vasicek) estimate: the pooled rate, and
    /// the total correlation that explains the spread of the yearly pooled rates.
    public struct Moments: Sendable, Equatable {
        public var pd: Double
        public var rho: Double
    }

    public enum Warning: Sendable, Equatable, Encodable {
        /// Fewer than 8 years: the correlations are poorly determined.
        case fewYears(Int)
        /// One bank: only the total correlation is identified (reported as ρ_G, with ρ_B = 0).
        case oneBank
        /// A correlation's estimate is 0 (ρ_G: true; ρ_B: false).
        case atBoundary(global: Bool)

        /// A stable identifier, for programs.
        public var code: String {
            switch self {
            case .fewYears: "few_years"
            case .oneBank: "one_bank"
            case let .atBoundary(global): global ? "rho_global_at_boundary" : "rho_bank_at_boundary"
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(code)
        }
    }

    public var years: Int
    public var banks: Int
    public var observations: Int
    public var logLikelihood: Double
    public var rhoGlobal: Correlation
    public var rhoBank: Correlation
    public var pd: [BankPD]
    public var moments: Moments
    public var warnings: [Warning]
    /// Gauss–Hermite nodes used: doubling them changes ℓ at the estimate by less than 1e-6.
    public var nodes: Int
    /// Whether every bank shared one PD.
    public var commonPD: Bool
    /// Every record of the history, by bank then year, with the fitted model's band.
    public var observed: [ObservedYear]

    /// The model the estimates describe.
    public var model: HistoryModel {
        HistoryModel(pd: pd.map(\.estimate), rhoGlobal: rhoGlobal.estimate, rhoBank: rhoBank.estimate)
    }

    /// Fewer years than this and the correlations are poorly determined (a warning).
    public static let fewYearsLimit = 8

    /// Where a history's PDs have their maximum on the edge of the model (0 or
    /// 1), so that there is nothing inside it to fit: the whole history, or one
    /// bank's rows when each bank has its own PD.
    public enum Edge: Sendable, Equatable {
        case noDefaults(bank: String?)
        case allDefaults(bank: String?)
    }

    /// The first edge of `history`, if any; `fit` refuses such a history.
    public static func edge(of history: DefaultHistory, commonPD: Bool = false) -> Edge? {
        func edge(_ records: [HistoryRecord], bank: String?) -> Edge? {
            let defaults = records.reduce(0) { $0 + $1.defaults }
            if defaults == 0 { return .noDefaults(bank: bank) }
            if defaults == records.reduce(0, { $0 + $1.loans }) { return .allDefaults(bank: bank) }
            return nil
        }
        if let whole = edge(history.records, bank: nil) { return whole }
        guard !commonPD else { return nil }
        for bank in history.banks {
            if let found = edge(history.records.filter { $0.bank == bank }, bank: bank) { return found }
        }
        return nil
    }

    /// Fits `history`; with `commonPD` every bank shares one default probability.
    /// `curve` adds evenly spaced points to each correlation's profile, for a chart of it.
    /// A history with an `edge` is refused.
    public static func fit(_ history: DefaultHistory, commonPD: Bool = false, curve: Bool = false) throws(RandomError) -> Calibration {
        if let edge = edge(of: history, commonPD: commonPD) {
            throw RandomError.invalidParameter(distribution: "default history", message: "no interior maximum: \(edge)")
        }
        let fitter = try Fitter(history: history, commonPD: commonPD)
        return try fitter.calibrate(curve: curve)
    }
}

extension Calibration: Encodable {
    enum CodingKeys: String, CodingKey {
        case method, commonPD = "common_pd", years, banks, observations, logLikelihood = "log_likelihood"
        case rhoGlobal = "rho_global", rhoBank = "rho_bank", pd, moments, warnings, nodes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("mle", forKey: .method)
        try container.encode(commonPD, forKey: .commonPD)
        try container.encode(years, forKey: .years)
        try container.encode(banks, forKey: .banks)
        try container.encode(observations, forKey: .observations)
        try container.encode(logLikelihood, forKey: .logLikelihood)
        try container.encode(rhoGlobal, forKey: .rhoGlobal)
        try container.encode(rhoBank, forKey: .rhoBank)
        try container.encode(pd, forKey: .pd)
        try container.encode(moments, forKey: .moments)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(nodes, forKey: .nodes)
    }
}

// `se` is written as null where there is none: `JSONValueEncoder` writes every key.
extension Calibration.Correlation: Encodable {
    enum CodingKeys: String, CodingKey { case estimate, se, ciLow = "ci_low", ciHigh = "ci_high", atBoundary = "at_boundary" }
}

extension Calibration.BankPD: Encodable {
    enum CodingKeys: String, CodingKey {
        case bank, estimate, se, ciLow = "ci_low", ciHigh = "ci_high", observedRate = "observed_rate"
    }
}

extension Calibration.Moments: Encodable {}

/// The likelihood's maximisation over a subset of the parameters.
private struct Fitter {
    let history: DefaultHistory
    let commonPD: Bool
    var likelihood: HistoryLikelihood
    let oneBank: Bool

    init(history: DefaultHistory, commonPD: Bool) throws(RandomError) {
        self.history = history
        self.commonPD = commonPD
        oneBank = history.banks.count == 1
        let start = Fitter.startingModel(history, commonPD: commonPD)
        likelihood = try HistoryLikelihood.converged(history: history, at: start)
    }

    static func observedRates(_ history: DefaultHistory) -> [Double] {
        history.banks.map { bank in
            let records = history.records.filter { $0.bank == bank }
            return Double(records.reduce(0) { $0 + $1.defaults }) / Double(records.reduce(0) { $0 + $1.loans })
        }
    }

    static func pooledRate(_ history: DefaultHistory) -> Double {
        Double(history.records.reduce(0) { $0 + $1.defaults }) / Double(history.records.reduce(0) { $0 + $1.loans })
    }

    static func startingModel(_ history: DefaultHistory, commonPD: Bool) -> HistoryModel {
        let pooled = min(max(pooledRate(history), 1e-4), 0.5)
        let rates = commonPD ? Array(repeating: pooled, count: history.banks.count)
            : observedRates(history).map { min(max($0, 1e-4), 0.5) }
        return HistoryModel(pd: rates, rhoGlobal: 0.05, rhoBank: history.banks.count == 1 ? 0 : 0.02)
    }

    /// Which correlations are free, and at what value the fixed ones are held.
    struct Constraint {
        var rhoGlobal: Double?
        var rhoBank: Double?
    }

    /// The model of a free-parameter vector: logits of the PDs (one if common),
    /// then the free correlations. One free ρ is (1 − the other)·x²/(1 + x²);
    /// two are (x², y²)/(1 + x² + y²). Both reach 0 at a finite point, where
    /// the simplex can stop, and never reach ρ_G + ρ_B = 1.
    func model(_ x: [Double], _ constraint: Constraint) -> HistoryModel {
        let banks = history.banks.count
        let pdCount = commonPD ? 1 : banks
        let pds = x[0..<pdCount].map(logistic)
        let rest = Array(x[pdCount...])
        var rhoGlobal = constraint.rhoGlobal ?? 0
        var rhoBank = constraint.rhoBank ?? 0
        switch (constraint.rhoGlobal, constraint.rhoBank) {
        case (nil, nil):
            let (a, c) = (rest[0] * rest[0], rest[1] * rest[1])
            rhoGlobal = a / (1 + a + c)
            rhoBank = c / (1 + a + c)
        case (nil, let fixed?):
            rhoGlobal = (1 - fixed) * rest[0] * rest[0] / (1 + rest[0] * rest[0])
        case (let fixed?, nil):
            rhoBank = (1 - fixed) * rest[0] * rest[0] / (1 + rest[0] * rest[0])
        case (_?, _?):
            break
        }
        return HistoryModel(pd: commonPD ? Array(repeating: pds[0], count: banks) : Array(pds),
                            rhoGlobal: rhoGlobal, rhoBank: rhoBank)
    }

    func vector(_ model: HistoryModel, _ constraint: Constraint) -> [Double] {
        var x = (commonPD ? [model.pd[0]] : model.pd).map(logit)
        // Starting a little inside, so that the simplex's first steps move the correlation.
        let g = max(model.rhoGlobal, 1e-3), b = max(model.rhoBank, 1e-3)
        func root(_ share: Double) -> Double { (share / (1 - share)).squareRoot() }
        switch (constraint.rhoGlobal, constraint.rhoBank) {
        case (nil, nil): x += [(g / (1 - g - b)).squareRoot(), (b / (1 - g - b)).squareRoot()]
        case (nil, let fixed?): x.append(root(min(g / (1 - fixed), 1 - 1e-6)))
        case (let fixed?, nil): x.append(root(min(b / (1 - fixed), 1 - 1e-6)))
        case (_?, _?): break
        }
        return x
    }

    /// The maximum of ℓ under `constraint`, from `start`; `warm` when the start
    /// is already near it (a profile point next to the last one).
    func maximize(_ constraint: Constraint, from start: HistoryModel,
                  warm: Bool = false) throws(RandomError) -> (model: HistoryModel, value: Double) {
        if constraint.rhoGlobal == 0, constraint.rhoBank == 0 {
            // Independent binomials: the maximum is the observed rate, exactly.
            let model = HistoryModel(pd: commonPD ? Array(repeating: Fitter.pooledRate(history), count: history.banks.count)
                                        : Fitter.observedRates(history), rhoGlobal: 0, rhoBank: 0)
            return (model, likelihood.logLikelihood(model))
        }
        let x0 = vector(start, constraint)
        let objective = { (x: [Double]) in -likelihood.logLikelihood(model(x, constraint)) }
        // A profile point needs ℓ, not the point: a simplex of 1e-4 has it to ~1e-6.
        let result = try Minimizer.minimize(objective, from: x0, step: x0.map { _ in warm ? 0.05 : 0.3 },
                                            tolerance: warm ? 1e-4 : 1e-6, maximumIterations: 5_000)
        if warm { return (model(result.point, constraint), -result.value) }
        // Restarted once from where it stopped: the simplex can stall on a ridge.
        let again = try Minimizer.minimize(objective, from: result.point, step: x0.map { _ in 0.05 },
                                           tolerance: 1e-6, maximumIterations: 5_000)
        let best = again.value <= result.value ? again : result
        return (model(best.point, constraint), -best.value)
    }

    func calibrate(curve: Bool) throws(RandomError) -> Calibration {
        let start = Fitter.startingModel(history, commonPD: commonPD)
        var constraint = Constraint(rhoGlobal: nil, rhoBank: oneBank ? 0 : nil)
        var fit = try maximize(constraint, from: start)
        // An estimate that runs to 0 is on the boundary: held there, the rest is refitted.
        var globalAtBoundary = false, bankAtBoundary = false
        if fit.model.rhoGlobal < 1e-5 {
            globalAtBoundary = true
            constraint.rhoGlobal = 0
        }
        if !oneBank, fit.model.rhoBank < 1e-5 {
            bankAtBoundary = true
            constraint.rhoBank = 0
        }
        if globalAtBoundary || bankAtBoundary { fit = try maximize(constraint, from: fit.model) }
        // The nodes were chosen at the starting point; at the estimate they may need to be more.
        var refined = self
        if let check = try? HistoryLikelihood.converged(history: history, at: fit.model),
           check.rule.nodes.count != likelihood.rule.nodes.count {
            refined.likelihood = check
            fit = try refined.maximize(constraint, from: fit.model)
        }

        let errors = refined.standardErrors(fit.model, constraint: constraint)
        let rhoGlobal = try refined.correlation(global: true, fit: fit, constraint: constraint,
                                                atBoundary: globalAtBoundary, se: errors.global, curve: curve)
        let rhoBank = oneBank ? Calibration.Correlation(estimate: 0, se: nil, ciLow: 0, ciHigh: 0, atBoundary: false, profile: [])
            : try refined.correlation(global: false, fit: fit, constraint: constraint,
                                      atBoundary: bankAtBoundary, se: errors.bank, curve: curve)
        let pdErrors = errors.pd
        let rates = Fitter.observedRates(history)
        let pds = history.banks.enumerated().map { b, bank in
            let estimate = fit.model.pd[b]
            let se = pdErrors[commonPD ? 0 : b]
            return Calibration.BankPD(bank: bank, estimate: estimate, se: se,
                                      ciLow: se.map { max(0, estimate - ProbabilityEstimate.z95 * $0) } ?? estimate,
                                      ciHigh: se.map { min(1, estimate + ProbabilityEstimate.z95 * $0) } ?? estimate,
                                      observedRate: rates[b])
        }
        var warnings: [Calibration.Warning] = []
        if history.years.count < Calibration.fewYearsLimit { warnings.append(.fewYears(history.years.count)) }
        if oneBank { warnings.append(.oneBank) }
        if globalAtBoundary { warnings.append(.atBoundary(global: true)) }
        if bankAtBoundary { warnings.append(.atBoundary(global: false)) }
        var global = rhoGlobal
        global.se = globalAtBoundary ? nil : errors.global
        var bank = rhoBank
        bank.se = bankAtBoundary || oneBank ? nil : errors.bank
        let index = Dictionary(uniqueKeysWithValues: history.banks.enumerated().map { ($1, $0) })
        var observed: [Calibration.ObservedYear] = []
        for bank in history.banks {
            for record in history.records.filter({ $0.bank == bank }).sorted(by: { $0.year < $1.year }) {
                let band = try fit.model.rateBand(bank: index[bank]!, loans: record.loans)
                observed.append(Calibration.ObservedYear(bank: bank, year: record.year, loans: record.loans,
                                                         defaults: record.defaults, bandLow: band.low, bandHigh: band.high))
            }
        }
        return Calibration(years: history.years.count, banks: history.banks.count, observations: history.records.count,
                           logLikelihood: fit.value, rhoGlobal: global, rhoBank: bank, pd: pds,
                           moments: Fitter.moments(history, rule: refined.likelihood.rule), warnings: warnings,
                           nodes: refined.likelihood.rule.nodes.count, commonPD: commonPD, observed: observed)
    }

    /// The profile-likelihood interval of one correlation: where 2(ℓ̂ − ℓ_profile)
    /// reaches χ²₁(0.95), or at a boundary where it reaches χ²₁(0.90) above 0.
    /// Each end is bracketed by steps out from the estimate, doubling from its
    /// standard error, then found by GSL's Brent solver.
    func correlation(global: Bool, fit: (model: HistoryModel, value: Double), constraint: Constraint,
                     atBoundary: Bool, se: Double?, curve: Bool) throws(RandomError) -> Calibration.Correlation {
        let estimate = global ? fit.model.rhoGlobal : fit.model.rhoBank
        let ceiling = (1 - (global ? fit.model.rhoBank : fit.model.rhoGlobal)) * 0.999
        let threshold = atBoundary ? Calibration.Correlation.oneSidedThreshold : Calibration.Correlation.twoSidedThreshold
        // Each profile maximum starts from the one found nearest before it; none is found twice.
        var last = fit.model
        var found: [Double: (excess: Double, model: HistoryModel)] = [:]
        func excess(_ r: Double) -> Double {
            if let known = found[r] { return known.excess }
            var held = constraint
            var start = last
            if global {
                held.rhoGlobal = r
                start.rhoGlobal = r
                if r + start.rhoBank >= 1 { start.rhoBank = (1 - r) / 2 }
            } else {
                held.rhoBank = r
                start.rhoBank = r
                if r + start.rhoGlobal >= 1 { start.rhoGlobal = (1 - r) / 2 }
            }
            guard let profile = try? maximize(held, from: start, warm: true) else { return .nan }
            last = profile.model
            let value = 2 * (fit.value - profile.value) - threshold
            found[r] = (value, profile.model)
            return value
        }
        func end(towards limit: Double) throws(RandomError) -> Double {
            last = fit.model
            var inside = estimate
            var step = min(max(se ?? 0, 0.005), abs(limit - estimate) / 2)
            while true {
                let next = limit > estimate ? min(estimate + step, limit) : max(estimate - step, limit)
                let value = excess(next)
                guard value.isFinite else {
                    throw RandomError.invalidParameter(distribution: "profile likelihood", message: "no maximum at ρ = \(next)")
                }
                if value >= 0 {
                    guard let root = RootFinder.root(excess, between: inside, and: next, tolerance: 1e-5) else {
                        throw RandomError.invalidParameter(distribution: "profile likelihood",
                                                           message: "no crossing between \(inside) and \(next)")
                    }
                    return root
                }
                if next == limit { return limit }
                inside = next
                step *= 2
            }
        }
        let high = try end(towards: ceiling)
        let low = atBoundary ? 0 : try end(towards: 0)
        if curve {
            // Seven points across the interval and a little beyond, each from the nearest found.
            let top = min(high + (high - low) / 4, ceiling)
            for k in 0...7 {
                let r = low + (top - low) * Double(k) / 7
                last = found.min { abs($0.key - r) < abs($1.key - r) }?.value.model ?? fit.model
                _ = excess(r)
            }
        }
        let profile = ([Calibration.ProfilePoint(rho: estimate, deviance: 0)]
            + found.map { Calibration.ProfilePoint(rho: $0.key, deviance: max(0, $0.value.excess + threshold)) })
            .filter(\.deviance.isFinite).sorted { $0.rho < $1.rho }
        return Calibration.Correlation(estimate: estimate, se: nil, ciLow: low, ciHigh: high, atBoundary: atBoundary,
                                       profile: profile)
    }

    /// Standard errors from the inverse observed information, by central
    /// differences of ℓ in the natural parameters (PDs, interior correlations).
    func standardErrors(_ model: HistoryModel, constraint: Constraint) -> (pd: [Double?], global: Double?, bank: Double?) {
        let pdCount = commonPD ? 1 : history.banks.count
        var point = Array(model.pd[0..<pdCount])
        let freeGlobal = constraint.rhoGlobal == nil, freeBank = constraint.rhoBank == nil
        if freeGlobal { point.append(model.rhoGlobal) }
        if freeBank { point.append(model.rhoBank) }
        func value(_ x: [Double]) -> Double {
            var pds = Array(x[0..<pdCount])
            if commonPD { pds = Array(repeating: pds[0], count: history.banks.count) }
            var index = pdCount
            let g = freeGlobal ? x[index] : model.rhoGlobal
            if freeGlobal { index += 1 }
            let b = freeBank ? x[index] : model.rhoBank
            return likelihood.logLikelihood(HistoryModel(pd: pds, rhoGlobal: g, rhoBank: b))
        }
        let n = point.count
        let steps = point.map { max(abs($0) * 1e-3, 1e-6) }
        var hessian = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            for j in i..<n {
                func shifted(_ di: Double, _ dj: Double) -> Double {
                    var x = point
                    x[i] += di * steps[i]
                    x[j] += dj * steps[j]
                    return value(x)
                }
                let second = (shifted(1, 1) - shifted(1, -1) - shifted(-1, 1) + shifted(-1, -1)) / (4 * steps[i] * steps[j])
                hessian[i][j] = -second
                hessian[j][i] = -second
            }
        }
        guard let covariance = LinearAlgebra.inverse(hessian) else {
            return (Array(repeating: nil, count: pdCount), nil, nil)
        }
        let se = (0..<n).map { covariance[$0][$0] > 0 ? covariance[$0][$0].squareRoot() : nil }
        return (Array(se[0..<pdCount]), freeGlobal ? se[pdCount] : nil,
                freeBank ? se[pdCount + (freeGlobal ? 1 : 0)] : nil)
    }

    /// The pooled rate p̄ and the ρ for which the Vasicek variance of a year's
    /// default probability, Φ₂(Φ⁻¹p̄, Φ⁻¹p̄; ρ) − p̄², equals the variance of the
    /// yearly pooled rates less their binomial noise (0 when the noise explains it all).
    static func moments(_ history: DefaultHistory, rule: GaussHermite) -> Calibration.Moments {
        let pooled = pooledRate(history)
        let yearly = history.years.map { year -> (rate: Double, loans: Double) in
            let records = history.records.filter { $0.year == year }
            let loans = Double(records.reduce(0) { $0 + $1.loans })
            return (Double(records.reduce(0) { $0 + $1.defaults }) / loans, loans)
        }
        guard yearly.count > 1, pooled > 0, pooled < 1 else { return Calibration.Moments(pd: pooled, rho: 0) }
        let mean = yearly.reduce(0) { $0 + $1.rate } / Double(yearly.count)
        let spread = yearly.reduce(0) { $0 + ($1.rate - mean) * ($1.rate - mean) } / Double(yearly.count - 1)
        let noise = yearly.reduce(0) { $0 + pooled * (1 - pooled) / $1.loans } / Double(yearly.count)
        let excess = spread - noise
        guard excess > 0 else { return Calibration.Moments(pd: pooled, rho: 0) }
        let threshold = Probability.normalQuantile(pooled)
        func variance(_ rho: Double) -> Double {
            rule.expectation { z in
                let p = Probability.normalCDF((threshold - rho.squareRoot() * z) / (1 - rho).squareRoot())
                return p * p
            } - pooled * pooled
        }
        var (low, high) = (0.0, 0.999)
        guard variance(high) > excess else { return Calibration.Moments(pd: pooled, rho: high) }
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if variance(middle) < excess { low = middle } else { high = middle }
        }
        return Calibration.Moments(pd: pooled, rho: (low + high) / 2)
    }
}

private func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
private func logit(_ p: Double) -> Double { log(p / (1 - p)) }
