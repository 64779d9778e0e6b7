import Foundation

/// A validated, immutable description of one pool, its rules, its banks and
/// their loans (docs/scenario-format.md). Built by the scenario loader; every field has
/// passed validation, so the core trusts it.
public struct Scenario: Sendable, Equatable {
    /// The largest amount of money a scenario may state, in yuan: 10¹⁵ (a
    /// thousand times China's GDP). Sums of such amounts over loans, years and
    /// trials stay finite and print exactly to the yuan.
    public static let maximumAmount = 1e15

    public var schemaVersion: Int
    public var name: String
    public var description: String
    public var currency: String
    /// Number of annual periods H ≥ 1.
    public var horizonYears: Int
    /// Default trial count for `run`.
    public var trials: Int
    /// Default run seed.
    public var seed: UInt64
    public var pool: PoolSettings
    public var compensation: CompensationSettings
    public var defaultModel: DefaultModel
    public var banks: [Bank]
    /// The loan tape's path as written in the file (relative to the scenario), if any.
    public var loanTape: String?
    /// The loans read from the loan tape, in file order.
    public var tapeLoans: [Loan]
    public var stresses: [Stress]

    public init(
        schemaVersion: Int = 1, name: String, description: String = "", currency: String = "CNY",
        horizonYears: Int, trials: Int = 100_000, seed: UInt64 = 1,
        pool: PoolSettings, compensation: CompensationSettings = CompensationSettings(),
        defaultModel: DefaultModel = DefaultModel(), banks: [Bank],
        loanTape: String? = nil, tapeLoans: [Loan] = [], stresses: [Stress] = []
    ) {
        self.schemaVersion = schemaVersion
        self.name = name
        self.description = description
        self.currency = currency
        self.horizonYears = horizonYears
        self.trials = trials
        self.seed = seed
        self.pool = pool
        self.compensation = compensation
        self.defaultModel = defaultModel
        self.banks = banks
        self.loanTape = loanTape
        self.tapeLoans = tapeLoans
        self.stresses = stresses
    }

    /// The index of the bank with this id.
    public func bankIndex(of id: String) -> Int? { banks.firstIndex { $0.id == id } }
}

// MARK: - Pool

/// How claims are paid when the pool cannot pay them all (README, "What a trial is").
public enum ShortfallRule: String, Sendable, CaseIterable {
    /// Every claim is paid the same fraction; the rest is borne by the banks.
    case proRata = "pro_rata"
    /// Paid pro rata now; the unpaid part is carried into next year's claims.
    case `defer`
    /// Claims are paid in the order of their default time until the money runs out.
    case fifo
}

public enum ReplenishmentMode: String, Sendable, CaseIterable {
    case none, fixed, restore
}

/// Money added to the pool by its sponsor.
public struct Replenishment: Sendable, Equatable {
    public var mode: ReplenishmentMode
    /// Fixed mode: yuan per year, used when `schedule` is nil.
    public var amount: Double
    /// Fixed mode: yuan in year 1, 2, …; years past its end get nothing.
    public var schedule: [Double]?
    /// Restore mode: the balance to top up to after claims; nil means the initial balance.
    public var target: Double?
    /// Restore mode: the most spent on topping up in one year (yuan).
    public var annualBudget: Double

    public init(mode: ReplenishmentMode = .none, amount: Double = 0, schedule: [Double]? = nil,
                target: Double? = nil, annualBudget: Double = 0) {
        self.mode = mode
        self.amount = amount
        self.schedule = schedule
        self.target = target
        self.annualBudget = annualBudget
    }

    /// The fixed top-up paid into the pool in `year` (1-based), before claims.
    public func fixedTopUp(year: Int) -> Double {
        guard mode == .fixed else { return 0 }
        if let schedule { return year <= schedule.count ? schedule[year - 1] : 0 }
        return amount
    }
}

public struct PoolSettings: Sendable, Equatable {
    /// B(0), yuan.
    public var initialBalance: Double
    /// r: interest earned on the opening balance each year.
    public var interestRate: Double
    public var shortfall: ShortfallRule
    public var replenishment: Replenishment
    /// k: covered principal at risk ≤ k × opening balance; nil for no cap.
    public var leverageCap: Double?
    /// s: no new coverage when the opening balance < s × initial balance; nil for no floor.
    public var suspendBelow: Double?

    public init(initialBalance: Double, interestRate: Double = 0, shortfall: ShortfallRule = .proRata,
                replenishment: Replenishment = Replenishment(), leverageCap: Double? = nil,
                suspendBelow: Double? = nil) {
        self.initialBalance = initialBalance
        self.interestRate = interestRate
        self.shortfall = shortfall
        self.replenishment = replenishment
        self.leverageCap = leverageCap
        self.suspendBelow = suspendBelow
    }

    /// Whether coverage can depend on the pool's balance (then a trial's
    /// required pool is not defined).
    public var coverageDependsOnBalance: Bool { leverageCap != nil || suspendBelow != nil }
}

// MARK: - Compensation

public enum ClaimBasis: String, Sendable, CaseIterable {
    /// The claim base is the loss, principal × LGD.
    case netLoss = "net_loss"
    /// The claim base is the principal; recoveries flow back to the pool later.
    case principal
}

/// A layer of the banded (NPL-ratio) rule: the pool pays `ratio` of the claim
/// base that lies between `from` × V and `to` × V, V the covered principal at risk.
public struct NPLBand: Sendable, Equatable {
    public var from: Double
    public var to: Double
    public var ratio: Double

    public init(from: Double, to: Double, ratio: Double) {
        self.from = from
        self.to = to
        self.ratio = ratio
    }
}

public struct CompensationSettings: Sendable, Equatable {
    public var basis: ClaimBasis
    /// Share of the claim base paid, for loan types without their own ratio.
    public var ratio: Double
    public var ratioByType: [String: Double]
    /// Largest claim on one loan (yuan), flat rule only.
    public var perLoanCap: Double?
    /// Largest claim of one bank in one year (yuan).
    public var perBankAnnualCap: Double?
    /// The banded rule's layers; nil for the flat rule.
    public var nplBands: [NPLBand]?
    /// Years between a default and its recovery (principal basis), ≥ 1.
    public var recoveryLagYears: Int
    /// x: a bank whose NPL ratio in year t exceeds x loses cover for new loans.
    public var suspendNPLAbove: Double?
    /// How many following years of originations a suspension affects.
    public var suspensionYears: Int

    public init(basis: ClaimBasis = .netLoss, ratio: Double = 0.7, ratioByType: [String: Double] = [:],
                perLoanCap: Double? = nil, perBankAnnualCap: Double? = nil, nplBands: [NPLBand]? = nil,
                recoveryLagYears: Int = 1, suspendNPLAbove: Double? = nil, suspensionYears: Int = 1) {
        self.basis = basis
        self.ratio = ratio
        self.ratioByType = ratioByType
        self.perLoanCap = perLoanCap
        self.perBankAnnualCap = perBankAnnualCap
        self.nplBands = nplBands
        self.recoveryLagYears = recoveryLagYears
        self.suspendNPLAbove = suspendNPLAbove
        self.suspensionYears = suspensionYears
    }

    /// The compensation ratio for a loan of this type.
    public func ratio(forType type: String) -> Double { ratioByType[type] ?? ratio }
}

// MARK: - Default model

public enum Copula: String, Sendable, CaseIterable {
    case gaussian, t, creditriskplus
}

public struct DefaultModel: Sendable, Equatable {
    public var copula: Copula
    public var rhoGlobal: Double
    public var rhoSector: Double
    public var rhoBank: Double
    /// φ: G(t) = φ·G(t−1) + √(1−φ²)·η(t).
    public var globalPersistence: Double
    /// ν of the t copula.
    public var tDegreesOfFreedom: Double
    /// σ_k² of each sector's Gamma variable (CreditRisk+); key "default" for the rest.
    public var sectorVariance: [String: Double]
    /// m(t): one value for every year, or exactly one per year.
    public var pdMultiplier: [Double]
    /// Added to every drawn LGD before clamping to [0, 1].
    public var lgdAdd: Double

    public init(copula: Copula = .gaussian, rhoGlobal: Double = 0.06, rhoSector: Double = 0.04,
                rhoBank: Double = 0.02, globalPersistence: Double = 0, tDegreesOfFreedom: Double = 8,
                sectorVariance: [String: Double] = ["default": 0.5625], pdMultiplier: [Double] = [1],
                lgdAdd: Double = 0) {
        self.copula = copula
        self.rhoGlobal = rhoGlobal
        self.rhoSector = rhoSector
        self.rhoBank = rhoBank
        self.globalPersistence = globalPersistence
        self.tDegreesOfFreedom = tDegreesOfFreedom
        self.sectorVariance = sectorVariance
        self.pdMultiplier = pdMultiplier
        self.lgdAdd = lgdAdd
    }

    /// m(t) for year t (1-based).
    public func multiplier(year: Int) -> Double {
        pdMultiplier.count == 1 ? pdMultiplier[0] : pdMultiplier[year - 1]
    }

    /// σ² of the sector's Gamma variable.
    public func variance(ofSector sector: String) -> Double {
        sectorVariance[sector] ?? sectorVariance["default"] ?? 0
    }
}

// MARK: - Banks, segments, loans

/// LGD as a Beta distribution with this mean and sd (fixed when sd = 0).
public struct LGDSpec: Sendable, Hashable {
    public var mean: Double
    public var sd: Double

    public init(mean: Double, sd: Double = 0) {
        self.mean = mean
        self.sd = sd
    }
}

/// A segment's loan size: fixed, or lognormal (median, σ) capped at `max`.
public enum LoanAmount: Sendable, Equatable {
    case fixed(Double)
    case lognormal(median: Double, sigma: Double, max: Double?)
}

/// Loans a bank originates every year with the same characteristics.
public struct Segment: Sendable, Equatable {
    public var name: String
    public var type: String
    public var sector: String
    /// Loans originated in year 1; year t has loansPerYear × (1+growth)^(t−1), rounded.
    public var loansPerYear: Double
    public var growth: Double
    public var amount: LoanAmount
    public var termYears: Int
    public var pd: Double
    public var lgd: LGDSpec

    public init(name: String, type: String = "credit", sector: String = "general", loansPerYear: Double,
                growth: Double = 0, amount: LoanAmount, termYears: Int = 1, pd: Double, lgd: LGDSpec) {
        self.name = name
        self.type = type
        self.sector = sector
        self.loansPerYear = loansPerYear
        self.growth = growth
        self.amount = amount
        self.termYears = termYears
        self.pd = pd
        self.lgd = lgd
    }

    /// Number of loans originated in `year` (1-based), rounded to the nearest integer.
    public func loanCount(year: Int) -> Int {
        Int((loansPerYear * pow(1 + growth, Double(year - 1))).rounded())
    }
}

public struct Bank: Sendable, Equatable {
    public var id: String
    public var name: String
    public var segments: [Segment]

    public init(id: String, name: String, segments: [Segment] = []) {
        self.id = id
        self.name = name
        self.segments = segments
    }
}

/// One loan of the portfolio.
public struct Loan: Sendable, Equatable {
    public var id: String
    /// The `id` of its bank.
    public var bank: String
    public var type: String
    public var sector: String
    /// Principal, yuan.
    public var amount: Double
    /// Annual probability of default.
    public var pd: Double
    public var lgd: LGDSpec
    /// o: first year at risk (1-based).
    public var originationYear: Int
    /// T: the loan is at risk in years o … o+T−1.
    public var termYears: Int
    public var firmID: String?

    public init(id: String, bank: String, type: String = "credit", sector: String = "general", amount: Double,
                pd: Double, lgd: LGDSpec, originationYear: Int = 1, termYears: Int = 1, firmID: String? = nil) {
        self.id = id
        self.bank = bank
        self.type = type
        self.sector = sector
        self.amount = amount
        self.pd = pd
        self.lgd = lgd
        self.originationYear = originationYear
        self.termYears = termYears
        self.firmID = firmID
    }

    /// The last year the loan is at risk.
    public var maturityYear: Int { originationYear + termYears - 1 }

    public func isAtRisk(year: Int) -> Bool { year >= originationYear && year <= maturityYear }
}

/// A named overlay of settings, applied with `--stress NAME` or by `compare`.
public struct Stress: Sendable, Equatable {
    public struct Setting: Sendable, Equatable {
        /// A dotted key path, as for `--set`.
        public var path: String
        /// The value as YAML flow text, e.g. `2.5` or `[1, 1.5, 2]`.
        public var value: String

        public init(path: String, value: String) {
            self.path = path
            self.value = value
        }
    }

    public var name: String
    public var settings: [Setting]

    public init(name: String, settings: [Setting]) {
        self.name = name
        self.settings = settings
    }
}
