import Foundation
import Synchronization

/// The ruin probabilities for which the balance needed is reported.
public let ruinProbabilityLevels: [Double] = [0.10, 0.05, 0.01, 0.005, 0.001]

/// The confidence levels of value at risk and expected shortfall of total claims.
public enum TailLevel: Int, CaseIterable, Sendable {
    case p95, p99, p995

    public var level: Double {
        switch self {
        case .p95: 0.95
        case .p99: 0.99
        case .p995: 0.995
        }
    }

    /// The level's name in results ("0.99").
    public var name: String {
        switch self {
        case .p95: "0.95"
        case .p99: "0.99"
        case .p995: "0.995"
        }
    }
}

/// The run's totals and probabilities: results.json `summary`.
public struct RunSummary: Sendable {
    /// P(the pool is exhausted within the horizon).
    public var pExhaustion: ProbabilityEstimate
    /// P(first exhaustion in year 1 … t), t = 1 … H: the chance of running dry within t years.
    public var pExhaustionByYear: [ProbabilityEstimate]
    /// By `TotalQuantity`.
    public var totals: [Stat]
    /// Value at risk and expected shortfall of total claims, by `TailLevel`.
    public var claimsVaR: [Double]
    public var claimsES: [Double]

    public init(pExhaustion: ProbabilityEstimate, pExhaustionByYear: [ProbabilityEstimate], totals: [Stat],
                claimsVaR: [Double], claimsES: [Double]) {
        self.pExhaustion = pExhaustion
        self.pExhaustionByYear = pExhaustionByYear
        self.totals = totals
        self.claimsVaR = claimsVaR
        self.claimsES = claimsES
    }

    public func total(_ q: TotalQuantity) -> Stat { totals[q.rawValue] }
    public func valueAtRisk(_ level: TailLevel) -> Double { claimsVaR[level.rawValue] }
    public func expectedShortfall(_ level: TailLevel) -> Double { claimsES[level.rawValue] }
}

/// Everything the results document reports, computed from the trials (README, "What a trial is").
public struct RunStatistics: Sendable {
    public struct YearStats: Sendable {
        public var year: Int
        /// By `YearQuantity`.
        public var stats: [Stat]
        public func stat(_ q: YearQuantity) -> Stat { stats[q.rawValue] }

        public init(year: Int, stats: [Stat]) {
            self.year = year
            self.stats = stats
        }
    }

    public struct BankStats: Sendable {
        public var id: String
        public var name: String
        /// By `BankQuantity`.
        public var stats: [Stat]
        /// E[bank's claims | total claims ≥ VaR₉₉].
        public var tailContribution99: Double
        public func stat(_ q: BankQuantity) -> Stat { stats[q.rawValue] }

        public init(id: String, name: String, stats: [Stat], tailContribution99: Double) {
            self.id = id
            self.name = name
            self.stats = stats
            self.tailContribution99 = tailContribution99
        }
    }

    /// The initial balance that holds the ruin probability at `ruinProbability`.
    public struct RequiredBalance: Sendable, Codable {
        public var ruinProbability: Double
        public var initialBalance: Double

        enum CodingKeys: String, CodingKey { case ruinProbability = "ruin_probability", initialBalance = "initial_balance" }
    }

    /// P(exhaustion) had the pool started with `initialBalance`.
    public struct CurvePoint: Sendable, Codable {
        public var initialBalance: Double
        public var pExhaustion: Double

        enum CodingKeys: String, CodingKey { case initialBalance = "initial_balance", pExhaustion = "p_exhaustion" }
    }

    public struct PoolSize: Sendable, Codable {
        /// Whether each trial's required pool is defined (coverage independent of the balance).
        public var available: Bool
        /// The (1 − p) quantile of the required pool, for each of `ruinProbabilityLevels`.
        public var required: [RequiredBalance]
        /// P(exhaustion) = P(required pool > balance), for 41 balances.
        public var curve: [CurvePoint]
    }

    public var trials: Int
    public var summary: RunSummary
    public var byYear: [YearStats]
    public var byBank: [BankStats]
    public var poolSize: PoolSize

    public var pExhaustion: ProbabilityEstimate { summary.pExhaustion }
    public var pExhaustionByYear: [ProbabilityEstimate] { summary.pExhaustionByYear }
    public var claimsVaR: [Double] { summary.claimsVaR }
    public var claimsES: [Double] { summary.claimsES }
    public func total(_ q: TotalQuantity) -> Stat { summary.total(q) }
    public func valueAtRisk(_ level: TailLevel) -> Double { summary.valueAtRisk(level) }
    public func expectedShortfall(_ level: TailLevel) -> Double { summary.expectedShortfall(level) }

    public init(trials: Int, summary: RunSummary, byYear: [YearStats], byBank: [BankStats], poolSize: PoolSize) {
        self.trials = trials
        self.summary = summary
        self.byYear = byYear
        self.byBank = byBank
        self.poolSize = poolSize
    }

    public init(records: TrialRecords, banks: [Bank], initialBalance: Double) {
        let n = records.count
        precondition(n > 0, "statistics of no trials")
        trials = n
        let pExhaustion: ProbabilityEstimate
        let pExhaustionByYear: [ProbabilityEstimate]
        let horizon = records.horizonYears
        let weights: [Double]? = records.weighted ? records.weights : nil
        if let weights {
            let year = records.exhaustionYear
            pExhaustionByYear = (1...horizon).map { t in
                .weighted(events: year.map { $0 > 0 && $0 <= t }, weights: weights)
            }
            pExhaustion = .weighted(events: year.map { $0 > 0 }, weights: weights)
        } else {
            var firstExhaustions = [Int](repeating: 0, count: horizon + 1)
            for year in records.exhaustionYear { firstExhaustions[Int(year)] += 1 }
            var cumulative = 0
            pExhaustionByYear = (1...horizon).map { t in
                cumulative += firstExhaustions[t]
                return .wilson(successes: cumulative, trials: n)
            }
            pExhaustion = .wilson(successes: n - firstExhaustions[0], trials: n)
        }
        // Every recorded column's statistics (each selects its percentiles), spread over the cores;
        // each column's result does not depend on which thread computed it.
        let columns = Self.columnStatistics(records)
        let totals = Array(columns[0..<TotalQuantity.allCases.count])

        // Tail of total claims. ES_α = E[L | L ≥ VaR_α], so the banks' tail
        // contributions at 99% add up to ES₉₉.
        let claims = records.total(.claims)
        let weight: (Int) -> Double = { i in weights?[i] ?? 1 }
        let claimsVaR: [Double]
        if let weights {
            claimsVaR = OrderStatistics.weightedQuantiles(claims, weights: weights, TailLevel.allCases.map(\.level))
        } else {
            claimsVaR = OrderStatistics.quantiles(claims, TailLevel.allCases.map(\.level))
        }
        let claimsES = claimsVaR.map { threshold in
            var tailWeight = 0.0
            var tailSum = 0.0
            for i in claims.indices where claims[i] >= threshold {
                tailWeight += weight(i)
                tailSum += weight(i) * claims[i]
            }
            return tailSum / tailWeight
        }
        summary = RunSummary(pExhaustion: pExhaustion, pExhaustionByYear: pExhaustionByYear, totals: totals,
                             claimsVaR: claimsVaR, claimsES: claimsES)
        let var99 = claimsVaR[TailLevel.p99.rawValue]
        let inTail = claims.map { $0 >= var99 }
        var tailWeight = 0.0
        for i in claims.indices where inTail[i] { tailWeight += weight(i) }

        let yearColumns = TotalQuantity.allCases.count
        let bankColumns = yearColumns + YearQuantity.allCases.count * horizon
        byYear = (1...horizon).map { t in
            YearStats(year: t, stats: YearQuantity.allCases.map { columns[yearColumns + $0.rawValue * horizon + t - 1] })
        }
        byBank = banks.enumerated().map { b, bank in
            let bankClaims = records.bank(.claims, b)
            var tailClaims = 0.0
            for i in bankClaims.indices where inTail[i] { tailClaims += weight(i) * bankClaims[i] }
            return BankStats(id: bank.id, name: bank.name,
                             stats: BankQuantity.allCases.map { columns[bankColumns + $0.rawValue * banks.count + b] },
                             tailContribution99: tailClaims / tailWeight)
        }
        poolSize = Self.poolSize(requiredPool: records.requiredPool, weights: weights, initialBalance: initialBalance)
    }

    /// `Stat` of every column: totals, then years (`YearQuantity.rawValue · H + t − 1`),
    /// then banks (`BankQuantity.rawValue · B + b`).
    static func columnStatistics(_ records: TrialRecords) -> [Stat] {
        let horizon = records.horizonYears
        let banks = records.bankCount
        var gathered: [[Double]] = TotalQuantity.allCases.map { records.total($0) }
        for q in YearQuantity.allCases { for t in 1...horizon { gathered.append(records.year(q, t)) } }
        for q in BankQuantity.allCases { for b in 0..<banks { gathered.append(records.bank(q, b)) } }
        let columns = gathered
        let results = Mutex([Stat?](repeating: nil, count: columns.count))
        let next = Atomic(0)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, columns.count)
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { _ in
            while true {
                let k = next.add(1, ordering: .relaxed).oldValue
                guard k < columns.count else { return }
                let stat = records.weighted ? Stat(columns[k], weights: records.weights) : Stat(columns[k])
                results.withLock { $0[k] = stat }
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// Pool sizing from each trial's required pool: P(exhaustion | balance B) = P(R > B).
    static func poolSize(requiredPool: [Double], weights: [Double]?, initialBalance: Double) -> PoolSize {
        guard let first = requiredPool.first, !first.isNaN else {
            return PoolSize(available: false, required: [], curve: [])
        }
        let levels = ruinProbabilityLevels.map { 1 - $0 } + [0.999]
        let quantiles = weights.map { OrderStatistics.weightedQuantiles(requiredPool, weights: $0, levels) }
            ?? OrderStatistics.quantiles(requiredPool, levels)
        let required = ruinProbabilityLevels.indices.map { k in
            RequiredBalance(ruinProbability: ruinProbabilityLevels[k], initialBalance: quantiles[k])
        }
        // 41 balances from 0 to a round number past both the initial balance and
        // the balance for a 0.1% ruin probability.
        let top = niceCeiling(max(1.25 * initialBalance, quantiles[levels.count - 1] * 1.1, 1))
        let balances = (0...40).map { top * Double($0) / 40 }
        if let weights {
            let shares = OrderStatistics.weightedShareAbove(requiredPool, weights: weights, thresholds: balances)
            let curve = balances.indices.map { CurvePoint(initialBalance: balances[$0], pExhaustion: shares[$0]) }
            return PoolSize(available: true, required: required, curve: curve)
        }
        let n = Double(requiredPool.count)
        // Trials whose required pool exceeds each balance, in one pass: each
        // trial counts at the balances below its value (found by bisection).
        var firstAtOrAbove = [Int](repeating: 0, count: balances.count + 1)
        for value in requiredPool {
            var (low, high) = (0, balances.count)
            while low < high {
                let middle = (low + high) / 2
                if balances[middle] >= value { high = middle } else { low = middle + 1 }
            }
            firstAtOrAbove[low] += 1
        }
        var above = requiredPool.count
        let curve = balances.indices.map { k -> CurvePoint in
            above -= firstAtOrAbove[k]
            return CurvePoint(initialBalance: balances[k], pExhaustion: Double(above) / n)
        }
        return PoolSize(available: true, required: required, curve: curve)
    }

    /// The smallest of 1, 2, 2.5, 5 × 10^k not below x.
    static func niceCeiling(_ x: Double) -> Double {
        let magnitude = pow(10, (log10(x)).rounded(.down))
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * magnitude >= x * (1 - 1e-12) {
            return step * magnitude
        }
        return 10 * magnitude
    }
}
