/// One default of one loan in one year: the randomness of a trial, or a line of
/// a replayed defaults file.
public struct DefaultEvent: Sendable, Equatable {
    /// Index of the loan in the portfolio's loan list.
    public var loan: Int
    /// The default year t, 1 … H.
    public var year: Int
    /// The loan's loss given default, in [0, 1], after `lgd_add` and clamping.
    public var lgd: Double
    /// When in its year the default happens, in [0, 1); orders claims under `fifo`.
    public var time: Double

    public init(loan: Int, year: Int, lgd: Double, time: Double) {
        self.loan = loan
        self.year = year
        self.lgd = lgd
        self.time = time
    }
}

/// The pool's account for one year (README, "What a trial is"). Money in yuan.
public struct YearOutcome: Sendable, Equatable {
    public var openingBalance = 0.0
    public var interest = 0.0
    /// Recoveries returned to the pool (principal basis).
    public var recoveries = 0.0
    /// Fixed top-up, paid in before claims.
    public var fixedTopUp = 0.0
    /// Restore top-up, paid in after claims.
    public var restoreTopUp = 0.0
    /// Claims due: this year's new claims plus claims deferred from earlier years.
    public var claims = 0.0
    /// This year's new claims only.
    public var newClaims = 0.0
    public var paid = 0.0
    /// Claims left unpaid for good this year, borne by the banks.
    public var unpaid = 0.0
    /// Claims carried into next year (`defer` only).
    public var deferred = 0.0
    public var closingBalance = 0.0
    /// Defaults of covered loans.
    public var defaults = 0
    /// Loss on covered loans, each counted at its coverage fraction.
    public var loss = 0.0
    /// Whether claims due exceeded the money available.
    public var exhausted = false

    public init() {}

    /// Fixed plus restore top-ups.
    public var topUp: Double { fixedTopUp + restoreTopUp }
    /// A(t): the opening balance and everything paid in before claims.
    public var available: Double { openingBalance + interest + recoveries + fixedTopUp }
}

/// One bank's part of one year.
public struct BankYearOutcome: Sendable, Equatable {
    public var defaults = 0
    public var loss = 0.0
    /// The bank's new claims of the year, after its annual cap.
    public var claims = 0.0
    /// Money the pool paid the bank this year, on new and deferred claims.
    public var paid = 0.0
    /// The bank's claims left unpaid for good this year.
    public var unpaid = 0.0
    /// The coverage fraction of the bank's loans originated this year.
    public var coverageFraction = 1.0
    /// The bank's NPL ratio: defaulted covered principal ÷ covered principal at risk.
    public var nplRatio = 0.0

    public init() {}
}

/// Everything one trial records (README, "What a trial is").
public struct TrialOutcome: Sendable, Equatable {
    public let horizonYears: Int
    public let bankCount: Int
    /// Years 1 … H at index 0 … H−1.
    public var years: [YearOutcome]
    /// Bank b, year t at index b·H + (t−1).
    public var bankYears: [BankYearOutcome]
    /// The first year with claims due above the money available; nil if none.
    public var exhaustionYear: Int?
    /// The smallest initial balance with no shortfall in this trial; nil when not available.
    public var requiredPool: Double?
    /// Defaults of loans that were not covered when they defaulted (no claim).
    public var uncoveredDefaults = 0

    public init(horizonYears: Int, bankCount: Int) {
        self.horizonYears = horizonYears
        self.bankCount = bankCount
        years = Array(repeating: YearOutcome(), count: horizonYears)
        bankYears = Array(repeating: BankYearOutcome(), count: horizonYears * bankCount)
    }

    public func year(_ t: Int) -> YearOutcome { years[t - 1] }
    public func bank(_ b: Int, year t: Int) -> BankYearOutcome { bankYears[b * horizonYears + t - 1] }

    // MARK: Totals over the horizon

    /// New claims; a deferred claim counts once.
    public var claimsTotal: Double { years.reduce(0) { $0 + $1.newClaims } }
    public var paidTotal: Double { years.reduce(0) { $0 + $1.paid } }
    /// Borne by the banks; under `defer`, what is still owed when the horizon ends.
    public var unpaidTotal: Double { years.reduce(0) { $0 + $1.unpaid } }
    public var lossTotal: Double { years.reduce(0) { $0 + $1.loss } }
    public var defaultsTotal: Int { years.reduce(0) { $0 + $1.defaults } }
    public var endBalance: Double { years.last?.closingBalance ?? 0 }

    public func bankTotal(_ b: Int, _ value: (BankYearOutcome) -> Double) -> Double {
        (1...horizonYears).reduce(0) { $0 + value(bank(b, year: $1)) }
    }
}
