import Foundation

/// The initial balance that holds the ruin probability at a target, with a 95% interval.
public struct SizeEstimate: Sendable, Equatable, Codable {
    public enum Method: String, Sendable, Codable {
        /// The (1 − P) quantile of the trials' required pools: one run answers every P.
        case requiredPoolQuantile = "required-pool-quantile"
        /// Bisection over the balance, every candidate run with the same random numbers.
        case commonRandomNumberSearch = "common-random-number-search"
    }

    public var ruinProbability: Double
    public var initialBalance: Double
    public var ciLow: Double
    public var ciHigh: Double
    public var method: Method
    public var trials: Int

    enum CodingKeys: String, CodingKey {
        case ruinProbability = "ruin_probability", initialBalance = "initial_balance"
        case ciLow = "ci_low", ciHigh = "ci_high", method, trials
    }
}

public enum PoolSizing {
    /// Reads the balance for ruin probability p off the trials' required pools R:
    /// the smallest B with P(R > B) ≤ p is the (1 − p) quantile of R. The 95%
    /// interval is the distribution-free one between order statistics
    /// R(l) and R(u), l, u = n(1−p) ∓ 1.96·√(n p (1−p)).
    ///
    /// With importance-sampling weights the quantile is the weighted one, and
    /// the interval runs between the balances where P̂(R > B) ∓ 1.96·se(B)
    /// reaches p, se the weighted standard error.
    public static func fromRequiredPool(_ requiredPool: [Double], weights: [Double]? = nil,
                                        ruinProbability p: Double) -> SizeEstimate {
        if let weights { return weightedFromRequiredPool(requiredPool, weights: weights, ruinProbability: p) }
        let n = Double(requiredPool.count)
        let q = 1 - p
        let spread = ProbabilityEstimate.z95 * (n * p * (1 - p)).squareRoot()
        let low = max(0, Int((n * q - spread).rounded(.down)) - 1)
        let high = min(requiredPool.count - 1, Int((n * q + spread).rounded(.up)))
        let bounds = OrderStatistics.select(requiredPool, ranks: [low, high])
        return SizeEstimate(ruinProbability: p, initialBalance: OrderStatistics.quantiles(requiredPool, [q])[0],
                            ciLow: bounds[0], ciHigh: bounds[1], method: .requiredPoolQuantile,
                            trials: requiredPool.count)
    }

    static func weightedFromRequiredPool(_ requiredPool: [Double], weights: [Double],
                                         ruinProbability p: Double) -> SizeEstimate {
        let order = requiredPool.indices.sorted { requiredPool[$0] < requiredPool[$1] }
        let n = Double(order.count)
        // Walking down from the largest R, `above` and `aboveSquares` hold Σw and
        // Σw² of the trials above the current balance: P̂(R > B) = Σw/n with
        // standard error √((Σw² − n·P̂²)/(n − 1)/n).
        var above = 0.0
        var aboveSquares = 0.0
        var estimate: Double?, ciLow: Double?, ciHigh: Double?
        for position in stride(from: order.count - 1, through: 0, by: -1) {
            let balance = requiredPool[order[position]]
            let share = above / n
            let se = (max(0, aboveSquares - n * share * share) / max(1, n - 1) / n).squareRoot()
            // The first balance (from the top) that fails a criterion makes the
            // next larger one the smallest that meets it.
            let nextLarger = position + 1 < order.count ? requiredPool[order[position + 1]] : balance
            if ciHigh == nil, share + ProbabilityEstimate.z95 * se > p { ciHigh = nextLarger }
            if estimate == nil, share > p { estimate = nextLarger }
            if ciLow == nil, share - ProbabilityEstimate.z95 * se > p { ciLow = nextLarger }
            above += weights[order[position]]
            aboveSquares += weights[order[position]] * weights[order[position]]
        }
        let smallest = requiredPool[order[0]]
        let balance = estimate ?? smallest
        return SizeEstimate(ruinProbability: p, initialBalance: balance, ciLow: min(ciLow ?? smallest, balance),
                            ciHigh: max(ciHigh ?? smallest, balance), method: .requiredPoolQuantile,
                            trials: requiredPool.count)
    }

    /// Searches the balance at which the estimated ruin probability comes down to p.
    ///
    /// `exhaustion(B)` runs the trials with initial balance B on the same random
    /// numbers and returns (trials exhausted, trials). From the scenario's own
    /// balance the search halves or doubles the balance until it brackets the
    /// crossing, then bisects to 0.1% of the balance. With a leverage cap or a
    /// pool floor the ruin probability need not fall monotonically as the pool
    /// grows (a larger pool also covers more lending), so the crossing found is
    /// the one nearest the scenario's balance; a crossing not reached within 2⁴⁰
    /// times the balance is reported as infinite, and one below 2⁻²⁰ of it as 0.
    /// The interval bounds are the balances where the Wilson interval's lower and
    /// upper ends reach p.
    /// A failure of `exhaustion` (an interrupted run, say) ends the search.
    public static func search<Failure: Error>(
        ruinProbability p: Double, start: Double,
        exhaustion: (Double) throws(Failure) -> (exhausted: Int, trials: Int)
    ) throws(Failure) -> SizeEstimate {
        var cache: [Double: ProbabilityEstimate] = [:]
        var trials = 0
        func estimate(_ balance: Double) throws(Failure) -> ProbabilityEstimate {
            if let known = cache[balance] { return known }
            let (k, n) = try exhaustion(balance)
            trials = n
            let value = ProbabilityEstimate.wilson(successes: k, trials: n)
            cache[balance] = value
            return value
        }
        let origin = max(start, 1)
        func crossing(where holds: (ProbabilityEstimate) -> Bool) throws(Failure) -> Double {
            var holding: Double
            var failing: Double
            if holds(try estimate(origin)) {
                holding = origin
                failing = origin / 2
                while holds(try estimate(failing)) {
                    holding = failing
                    failing /= 2
                    if failing < origin / 1_048_576 { return 0 }
                }
            } else {
                failing = origin
                holding = origin * 2
                while !holds(try estimate(holding)) {
                    failing = holding
                    holding *= 2
                    if holding > origin * 1_099_511_627_776 { return .infinity }
                }
            }
            while holding - failing > 0.001 * holding {
                let middle = ((failing + holding) / 2).rounded()
                if middle <= failing || middle >= holding { break }
                if holds(try estimate(middle)) { holding = middle } else { failing = middle }
            }
            return holding
        }
        let balance = try crossing { $0.estimate <= p }
        let ciLow = try crossing { $0.low <= p }
        let ciHigh = try crossing { $0.high <= p }
        return SizeEstimate(ruinProbability: p, initialBalance: balance, ciLow: min(ciLow, balance),
                            ciHigh: max(ciHigh, balance), method: .commonRandomNumberSearch, trials: trials)
    }
}

/// A paired difference between two runs on the same random numbers: trial i of
/// one against trial i of the other, so common noise cancels.
public struct PairedDifference: Sendable, Equatable, Codable {
    public var difference: Double
    /// The 95% interval; nil for statistics without a paired interval (quantiles).
    public var ciLow: Double?
    public var ciHigh: Double?

    public init(difference: Double, ciLow: Double?, ciHigh: Double?) {
        self.difference = difference
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }

    /// Mean of b − a with a 95% normal interval from the sd of the paired differences.
    public static func of(_ a: [Double], _ b: [Double]) -> PairedDifference {
        let n = min(a.count, b.count)
        precondition(n > 0)
        let differences = (0..<n).map { b[$0] - a[$0] }
        let stat = Stat(differences)
        let half = ProbabilityEstimate.z95 * stat.mcse
        return PairedDifference(difference: stat.mean, ciLow: stat.mean - half, ciHigh: stat.mean + half)
    }

    /// The difference of `statistic` from run a to run b: paired when the
    /// statistic is a mean of per-trial values, plain otherwise.
    ///
    /// Importance-sampled runs are tuned each for itself, so their trials do not
    /// pair: the interval then combines the two runs' own standard errors.
    public static func of(_ statistic: HeadlineStatistic, from a: (TrialRecords, RunStatistics),
                          to b: (TrialRecords, RunStatistics)) -> PairedDifference {
        if a.0.weighted || b.0.weighted {
            let difference = statistic.value(b.1) - statistic.value(a.1)
            guard let seA = statistic.standardError(a.1), let seB = statistic.standardError(b.1) else {
                return PairedDifference(difference: difference, ciLow: nil, ciHigh: nil)
            }
            let half = ProbabilityEstimate.z95 * (seA * seA + seB * seB).squareRoot()
            return PairedDifference(difference: difference, ciLow: difference - half, ciHigh: difference + half)
        }
        if let x = statistic.perTrial(a.0), let y = statistic.perTrial(b.0) { return of(x, y) }
        return PairedDifference(difference: statistic.value(b.1) - statistic.value(a.1), ciLow: nil, ciHigh: nil)
    }

    enum CodingKeys: String, CodingKey { case difference, ciLow = "ci_low", ciHigh = "ci_high" }
}

/// The statistics `compare`, `sweep` and `sensitivity` put side by side.
public enum HeadlineStatistic: String, CaseIterable, Sendable {
    case pExhaustion = "p_exhaustion"
    case claimsMean = "claims_mean"
    case claimsVaR99 = "claims_var_99"
    case claimsES99 = "claims_es_99"
    case paidMean = "paid_mean"
    case unpaidMean = "unpaid_mean"
    case endBalanceMean = "end_balance_mean"
    case lossMean = "loss_mean"

    public func value(_ s: RunStatistics) -> Double { value(s.summary) }

    public func value(_ s: RunSummary) -> Double {
        switch self {
        case .pExhaustion: s.pExhaustion.estimate
        case .claimsMean: s.total(.claims).mean
        case .claimsVaR99: s.valueAtRisk(.p99)
        case .claimsES99: s.expectedShortfall(.p99)
        case .paidMean: s.total(.paid).mean
        case .unpaidMean: s.total(.unpaid).mean
        case .endBalanceMean: s.total(.endBalance).mean
        case .lossMean: s.total(.loss).mean
        }
    }

    /// The standard error of the statistic in one run; nil for quantile-based ones.
    public func standardError(_ s: RunStatistics) -> Double? {
        switch self {
        case .pExhaustion: s.pExhaustion.standardError
        case .claimsMean: s.total(.claims).mcse
        case .paidMean: s.total(.paid).mcse
        case .unpaidMean: s.total(.unpaid).mcse
        case .endBalanceMean: s.total(.endBalance).mcse
        case .lossMean: s.total(.loss).mcse
        case .claimsVaR99, .claimsES99: nil
        }
    }

    /// The per-trial values whose mean is this statistic; nil for quantile-based ones.
    public func perTrial(_ records: TrialRecords) -> [Double]? {
        switch self {
        case .pExhaustion: records.exhaustionYear.map { $0 > 0 ? 1 : 0 }
        case .claimsMean: records.total(.claims)
        case .paidMean: records.total(.paid)
        case .unpaidMean: records.total(.unpaid)
        case .endBalanceMean: records.total(.endBalance)
        case .lossMean: records.total(.loss)
        case .claimsVaR99, .claimsES99: nil
        }
    }
}

// MARK: - Sensitivity

/// A one-at-a-time swing of one assumption, from its low to its high setting.
public struct SensitivityParameter: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Every PD multiplied by a factor (through the PD multiplier).
        case pdFactor
        /// ρ_G, ρ_S and ρ_B multiplied by a factor.
        case correlationFactor
        /// Added to every LGD (`lgd_add`).
        case lgdShift
        /// Every compensation ratio multiplied by a factor (capped at 1).
        case ratioFactor
        /// The initial balance multiplied by a factor.
        case poolFactor
        /// A scenario key set to the low and the high value (`--set` syntax).
        case key(String)
    }

    public var name: String
    public var kind: Kind
    public var low: String
    public var high: String

    public init(name: String, kind: Kind, low: String, high: String) {
        self.name = name
        self.kind = kind
        self.low = low
        self.high = high
    }

    /// PD ×0.5/×1.5, correlation ×0.5/×1.5, LGD −0.1/+0.1, ratio ×0.8/×1.2, pool ×0.8/×1.2.
    public static let defaults: [SensitivityParameter] = [
        SensitivityParameter(name: "PD", kind: .pdFactor, low: "0.5", high: "1.5"),
        SensitivityParameter(name: "correlation", kind: .correlationFactor, low: "0.5", high: "1.5"),
        SensitivityParameter(name: "LGD", kind: .lgdShift, low: "-0.1", high: "0.1"),
        SensitivityParameter(name: "compensation ratio", kind: .ratioFactor, low: "0.8", high: "1.2"),
        SensitivityParameter(name: "pool size", kind: .poolFactor, low: "0.8", high: "1.2"),
    ]

    /// The scenario with this parameter at `setting` (a factor or shift). `.key`
    /// parameters are applied by the loader, as overrides, and leave it unchanged.
    public func apply(_ setting: Double, to scenario: Scenario) -> Scenario {
        var s = scenario
        switch kind {
        case .pdFactor:
            s.defaultModel.pdMultiplier = s.defaultModel.pdMultiplier.map { $0 * setting }
        case .correlationFactor:
            s.defaultModel.rhoGlobal *= setting
            s.defaultModel.rhoSector *= setting
            s.defaultModel.rhoBank *= setting
            let total = s.defaultModel.rhoGlobal + s.defaultModel.rhoSector + s.defaultModel.rhoBank
            if total >= 0.999 {
                let shrink = 0.999 / total
                s.defaultModel.rhoGlobal *= shrink
                s.defaultModel.rhoSector *= shrink
                s.defaultModel.rhoBank *= shrink
            }
        case .lgdShift:
            s.defaultModel.lgdAdd = min(1, max(-1, s.defaultModel.lgdAdd + setting))
        case .ratioFactor:
            s.compensation.ratio = min(1, s.compensation.ratio * setting)
            s.compensation.ratioByType = s.compensation.ratioByType.mapValues { min(1, $0 * setting) }
            s.compensation.nplBands = s.compensation.nplBands?.map {
                NPLBand(from: $0.from, to: $0.to, ratio: min(1, $0.ratio * setting))
            }
        case .poolFactor:
            s.pool.initialBalance *= setting
        case .key:
            break
        }
        return s
    }
}
