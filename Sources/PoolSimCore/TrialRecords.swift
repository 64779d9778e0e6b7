/// The quantities recorded per year, with their names in results.
public enum YearQuantity: Int, CaseIterable, Sendable {
    case openingBalance, claims, paid, unpaid, topUp, closingBalance, defaults, loss

    public var name: String {
        switch self {
        case .openingBalance: "opening_balance"
        case .claims: "claims"
        case .paid: "paid"
        case .unpaid: "unpaid"
        case .topUp: "topup"
        case .closingBalance: "closing_balance"
        case .defaults: "defaults"
        case .loss: "loss"
        }
    }

    func value(_ year: YearOutcome) -> Double {
        switch self {
        case .openingBalance: year.openingBalance
        case .claims: year.claims
        case .paid: year.paid
        case .unpaid: year.unpaid
        case .topUp: year.topUp
        case .closingBalance: year.closingBalance
        case .defaults: Double(year.defaults)
        case .loss: year.loss
        }
    }
}

/// The quantities recorded per bank (totals over the horizon), with their names in results.
public enum BankQuantity: Int, CaseIterable, Sendable {
    case defaults, loss, claims, paid, unpaid

    public var name: String {
        switch self {
        case .defaults: "defaults"
        case .loss: "loss"
        case .claims: "claims"
        case .paid: "paid"
        case .unpaid: "unpaid"
        }
    }

    func value(_ bankYear: BankYearOutcome) -> Double {
        switch self {
        case .defaults: Double(bankYear.defaults)
        case .loss: bankYear.loss
        case .claims: bankYear.claims
        case .paid: bankYear.paid
        case .unpaid: bankYear.unpaid
        }
    }
}

/// The per-trial totals, with their names in results and trials.csv.
public enum TotalQuantity: Int, CaseIterable, Sendable {
    case claims, paid, unpaid, loss, defaults, endBalance

    public var name: String {
        switch self {
        case .claims: "claims_total"
        case .paid: "paid_total"
        case .unpaid: "unpaid_total"
        case .loss: "loss_total"
        case .defaults: "defaults_total"
        case .endBalance: "end_balance"
        }
    }

    func value(_ outcome: TrialOutcome) -> Double {
        switch self {
        case .claims: outcome.claimsTotal
        case .paid: outcome.paidTotal
        case .unpaid: outcome.unpaidTotal
        case .loss: outcome.lossTotal
        case .defaults: Double(outcome.defaultsTotal)
        case .endBalance: outcome.endBalance
        }
    }
}

/// The values kept per trial for the statistics, in trial order: a few numbers
/// per trial (totals, each year's and each bank's quantities), stored by column.
public struct TrialRecords: Sendable, Equatable {
    public let horizonYears: Int
    public let bankCount: Int
    public private(set) var count = 0
    /// First exhaustion year, 0 for never.
    public private(set) var exhaustionYear: [Int32] = []
    /// NaN where not available.
    public private(set) var requiredPool: [Double] = []
    /// By `TotalQuantity.rawValue`.
    public private(set) var totals: [[Double]]
    /// By `YearQuantity.rawValue · H + (t − 1)`.
    public private(set) var years: [[Double]]
    /// By `BankQuantity.rawValue · B + b`.
    public private(set) var banks: [[Double]]
    /// Whether trials carry importance-sampling weights.
    public let weighted: Bool
    /// Each trial's likelihood ratio (importance sampling); empty when not weighted.
    public private(set) var weights: [Double] = []

    public init(horizonYears: Int, bankCount: Int, weighted: Bool = false) {
        self.horizonYears = horizonYears
        self.bankCount = bankCount
        self.weighted = weighted
        totals = Array(repeating: [], count: TotalQuantity.allCases.count)
        years = Array(repeating: [], count: YearQuantity.allCases.count * horizonYears)
        banks = Array(repeating: [], count: BankQuantity.allCases.count * bankCount)
    }

    /// Bytes kept per trial, for memory planning.
    public static func bytesPerTrial(horizonYears: Int, bankCount: Int) -> Int {
        4 + 8 * (1 + TotalQuantity.allCases.count + YearQuantity.allCases.count * horizonYears
            + BankQuantity.allCases.count * bankCount)
    }

    public mutating func reserveCapacity(_ trials: Int) {
        exhaustionYear.reserveCapacity(trials)
        requiredPool.reserveCapacity(trials)
        if weighted { weights.reserveCapacity(trials) }
        for i in totals.indices { totals[i].reserveCapacity(trials) }
        for i in years.indices { years[i].reserveCapacity(trials) }
        for i in banks.indices { banks[i].reserveCapacity(trials) }
    }

    /// Appends one trial: about 80 numbers, one per column, and its likelihood
    /// ratio when the records are weighted.
    public mutating func append(_ outcome: TrialOutcome, weight: Double? = nil) {
        precondition(outcome.horizonYears == horizonYears && outcome.bankCount == bankCount)
        precondition(weighted == (weight != nil), "a weight goes with every trial of weighted records, and only there")
        count += 1
        if let weight { weights.append(weight) }
        exhaustionYear.append(Int32(outcome.exhaustionYear ?? 0))
        requiredPool.append(outcome.requiredPool ?? .nan)
        for q in Self.totalQuantities { totals[q.rawValue].append(q.value(outcome)) }
        for q in Self.yearQuantities {
            for t in 0..<horizonYears { years[q.rawValue * horizonYears + t].append(q.value(outcome.years[t])) }
        }
        for q in Self.bankQuantities {
            for b in 0..<bankCount {
                var total = 0.0
                for t in 0..<horizonYears { total += q.value(outcome.bankYears[b * horizonYears + t]) }
                banks[q.rawValue * bankCount + b].append(total)
            }
        }
    }

    // `allCases` once, not an array per trial.
    private static let totalQuantities = TotalQuantity.allCases
    private static let yearQuantities = YearQuantity.allCases
    private static let bankQuantities = BankQuantity.allCases

    /// Appends another block's trials after these.
    public mutating func append(contentsOf other: TrialRecords) {
        precondition(other.horizonYears == horizonYears && other.bankCount == bankCount && other.weighted == weighted)
        count += other.count
        weights += other.weights
        exhaustionYear += other.exhaustionYear
        requiredPool += other.requiredPool
        for i in totals.indices { totals[i] += other.totals[i] }
        for i in years.indices { years[i] += other.years[i] }
        for i in banks.indices { banks[i] += other.banks[i] }
    }

    /// Every value as one flat array (for sending between processes): count,
    /// then each column in a fixed order.
    public func packed() -> [Double] {
        var out: [Double] = [Double(count)]
        out.reserveCapacity(1 + count * (3 + totals.count + years.count + banks.count))
        out += exhaustionYear.map(Double.init)
        out += requiredPool
        if weighted { out += weights }
        for column in totals { out += column }
        for column in years { out += column }
        for column in banks { out += column }
        return out
    }

    /// The records `packed()` made, from `values[start...]`; `start` moves past them.
    public init(unpacking values: [Double], from start: inout Int, horizonYears: Int, bankCount: Int, weighted: Bool) {
        self.init(horizonYears: horizonYears, bankCount: bankCount, weighted: weighted)
        let n = Int(values[start])
        start += 1
        func column() -> [Double] {
            defer { start += n }
            return Array(values[start..<start + n])
        }
        count = n
        exhaustionYear = column().map { Int32($0) }
        requiredPool = column()
        if weighted { weights = column() }
        for i in totals.indices { totals[i] = column() }
        for i in years.indices { years[i] = column() }
        for i in banks.indices { banks[i] = column() }
    }

    /// Trials `range` of these records.
    public func slice(_ range: Range<Int>) -> TrialRecords {
        var part = TrialRecords(horizonYears: horizonYears, bankCount: bankCount, weighted: weighted)
        part.count = range.count
        part.exhaustionYear = Array(exhaustionYear[range])
        part.requiredPool = Array(requiredPool[range])
        if weighted { part.weights = Array(weights[range]) }
        part.totals = totals.map { Array($0[range]) }
        part.years = years.map { Array($0[range]) }
        part.banks = banks.map { Array($0[range]) }
        return part
    }

    public func total(_ q: TotalQuantity) -> [Double] { totals[q.rawValue] }
    public func year(_ q: YearQuantity, _ t: Int) -> [Double] { years[q.rawValue * horizonYears + t - 1] }
    public func bank(_ q: BankQuantity, _ b: Int) -> [Double] { banks[q.rawValue * bankCount + b] }
}
