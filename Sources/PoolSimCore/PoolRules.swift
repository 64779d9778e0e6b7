/// The pool's rules, compiled for one scenario and portfolio: coverage,
/// claims and the pool year by year (README, "What a trial is"). Pure: no randomness,
/// no I/O. The Monte Carlo engine and `replay` both settle trials here.
public struct PoolRules: Sendable {
    public let horizonYears: Int
    public let bankCount: Int
    let pool: PoolSettings
    let compensation: CompensationSettings

    /// Per loan, by portfolio index.
    let loanTerms: [LoanTerms]

    /// Principal scheduled at risk, by cohort (bank b, origination year o) and year t,
    /// at `cohortIndex(b, o, t)`, before any default.
    let scheduledPrincipal: [Double]

    public init(scenario: Scenario, loans: [Loan]) {
        let horizon = scenario.horizonYears
        horizonYears = horizon
        bankCount = scenario.banks.count
        pool = scenario.pool
        compensation = scenario.compensation
        let bankIndex = Dictionary(uniqueKeysWithValues: scenario.banks.enumerated().map { ($1.id, $0) })
        loanTerms = loans.map { loan in
            guard let b = bankIndex[loan.bank] else { preconditionFailure("loan \(loan.id) names unknown bank \(loan.bank)") }
            return LoanTerms(bank: b, origination: loan.originationYear, lastYear: min(loan.maturityYear, horizon),
                             amount: loan.amount, ratio: scenario.compensation.ratio(forType: loan.type))
        }
        var scheduled = [Double](repeating: 0, count: bankCount * horizon * horizon)
        for (i, loan) in loans.enumerated() where loan.originationYear <= horizon {
            for t in loan.originationYear...min(loan.maturityYear, horizon) {
                scheduled[Self.cohortIndex(loanTerms[i].bank, loan.originationYear, t, horizon)] += loan.amount
            }
        }
        scheduledPrincipal = scheduled
    }

    @inline(__always)
    static func cohortIndex(_ b: Int, _ o: Int, _ t: Int, _ horizon: Int) -> Int {
        (b * horizon + o - 1) * horizon + t - 1
    }

    /// Settles one trial: the pool's account year by year for these defaults.
    /// `defaults` must be ordered by year; within a year their order is the
    /// order of claims under `fifo` unless `time` says otherwise.
    public func settle(_ defaults: [DefaultEvent]) -> TrialOutcome {
        var outcome = TrialOutcome(horizonYears: horizonYears, bankCount: bankCount)
        var scratch = SettlementScratch()
        settle(defaults, into: &outcome, scratch: &scratch)
        return outcome
    }

    /// Settles one trial into a reused outcome and scratch space (no allocation
    /// once the buffers have grown to the trial's size).
    public func settle(_ defaults: [DefaultEvent], into outcome: inout TrialOutcome,
                       scratch: inout SettlementScratch) {
        // The settlement takes the buffers over and hands them back: swapped, not copied.
        var settlement = Settlement(rules: self)
        swap(&settlement.outcome, &outcome)
        swap(&settlement.scratch, &scratch)
        settlement.run(defaults, initialBalance: pool.initialBalance)
        swap(&settlement.outcome, &outcome)
        swap(&settlement.scratch, &scratch)
        outcome.requiredPool = pool.coverageDependsOnBalance
            ? nil : requiredPool(claims: scratch.newClaimsByYear, recoveries: scratch.fullPaymentRecoveries)
    }

    // MARK: Required pool

    /// The smallest initial balance for which this trial would have no shortfall.
    ///
    /// Needs coverage independent of the balance. With no shortfall every claim
    /// is paid in its year, so claims and recoveries do not depend on the balance
    /// and the condition A(t) ≥ C(t) is monotone in B(0). Without restore top-ups
    /// it has the closed form B(0) ≥ max_t Σ_{s≤t} (1+r)^(−s) (C_s − R_s − F_s);
    /// with them, the balance is found by bisection.
    func requiredPool(claims: [Double], recoveries: [Double]) -> Double {
        var discount = 1.0
        var cumulative = 0.0
        var bound = 0.0
        for t in 1...horizonYears {
            discount /= 1 + pool.interestRate
            cumulative += discount * (claims[t - 1] - recoveries[t - 1] - pool.replenishment.fixedTopUp(year: t))
            bound = max(bound, cumulative)
        }
        // Rounding can leave the closed form a hair short: step up until the
        // pool's own arithmetic agrees. The hair is rounding of the money flowing
        // through the pool, which can dwarf the bound itself (a top-up meeting a
        // large claim exactly), so the step doubles: a few steps, never ~1e15.
        var high = bound
        var step = max(bound.ulp, .leastNormalMagnitude)
        while !hasNoShortfall(initialBalance: high, claims: claims, recoveries: recoveries) {
            high += step
            step *= 2
        }
        guard pool.replenishment.mode == .restore, high > 0 else { return high }
        var low = 0.0
        if hasNoShortfall(initialBalance: low, claims: claims, recoveries: recoveries) { return 0 }
        while high - low > max(1e-9 * high, 1e-6) {
            let middle = (low + high) / 2
            if hasNoShortfall(initialBalance: middle, claims: claims, recoveries: recoveries) {
                high = middle
            } else {
                low = middle
            }
        }
        return high
    }

    /// Whether the pool, started at `initialBalance`, meets every year's claims
    /// in full — computed with the same arithmetic as `Settlement`.
    func hasNoShortfall(initialBalance: Double, claims: [Double], recoveries: [Double]) -> Bool {
        var balance = initialBalance
        for t in 1...horizonYears {
            var year = YearOutcome()
            year.openingBalance = balance
            year.interest = pool.interestRate * balance
            year.recoveries = recoveries[t - 1]
            year.fixedTopUp = pool.replenishment.fixedTopUp(year: t)
            let available = year.available
            if claims[t - 1] > available { return false }
            balance = available - claims[t - 1]
                + restoreTopUp(afterClaims: available - claims[t - 1], initialBalance: initialBalance)
        }
        return true
    }

    /// min(annual budget, max(0, target − balance after claims)) in restore mode.
    func restoreTopUp(afterClaims balance: Double, initialBalance: Double) -> Double {
        let replenishment = pool.replenishment
        guard replenishment.mode == .restore else { return 0 }
        let target = replenishment.target ?? initialBalance
        return min(replenishment.annualBudget, max(0, target - balance))
    }
}

/// What settling a default needs of its loan, together.
struct LoanTerms: Sendable {
    let bank: Int
    let origination: Int
    /// Last year at risk within the horizon.
    let lastYear: Int
    let amount: Double
    /// The compensation ratio of the loan's type.
    let ratio: Double
}

/// Reusable buffers for settling trials.
public struct SettlementScratch: Sendable {
    /// The pool's debts by cohort, the claims of bank b from default year s at
    /// b·H + s − 1: what is still owed, and Σ (1 − LGD) × owed over its claims,
    /// what paying them in full would bring back (principal basis). Every claim
    /// of a cohort is paid the same fraction of what it is owed, so the cohort's
    /// sums are all its claims need (`fifo` pays one year's claims one by one).
    var owed: [Double] = []
    var owedRecoverable: [Double] = []
    /// This year's new claims by bank, before the bank's rule and cap.
    var bankYear: [BankYearClaims] = []
    var lostPrincipal: [Double] = []
    var coverage: [Double] = []
    var suspendedThrough: [Int] = []
    var bankAtRisk: [Double] = []
    /// `fifo` only: this year's claims one by one, and the order to pay them in.
    var yearClaims: [Claim] = []
    var fifoOrder: [Int] = []
    /// Principal basis: recoveries of payments made so far, by the year they return to the pool.
    var recoveriesDue: [Double] = []
    /// Per year, for the required pool: new claims, and the recoveries had every claim been paid in full.
    var newClaimsByYear: [Double] = []
    var fullPaymentRecoveries: [Double] = []
    /// Indices, in the defaults settled last, of defaults of loans not covered when they defaulted.
    public internal(set) var uncoveredDefaults: [Int] = []

    public init() {}
}

/// One bank's new claims of one year, summed over its covered defaults.
struct BankYearClaims: Sendable {
    /// Defaults of covered loans, and their loss at the coverage fraction.
    var defaults = 0
    var loss = 0.0
    /// Claim bases (scaled by coverage), and Σ (1 − LGD) × base.
    var base = 0.0
    var baseRecoverable = 0.0
    /// Claims after the per-loan cap, and Σ (1 − LGD) × claim.
    var claimed = 0.0
    var claimedRecoverable = 0.0
    /// Defaulted principal, scaled by coverage: the NPL ratio's numerator.
    var defaultedPrincipal = 0.0
    /// The bank's claim by its rule (flat or banded), before its annual cap.
    var claim = 0.0
    /// What the annual cap multiplies the bank's claims by.
    var capScale = 1.0

    /// Adds the sums of `other`, a run of the same bank's defaults.
    mutating func add(_ other: BankYearClaims) {
        defaults += other.defaults
        loss += other.loss
        base += other.base
        baseRecoverable += other.baseRecoverable
        claimed += other.claimed
        claimedRecoverable += other.claimedRecoverable
        defaultedPrincipal += other.defaultedPrincipal
    }
}

/// One claim on the pool, kept under `fifo` only.
struct Claim: Sendable {
    var bank: Int
    /// Claim base, scaled by the coverage fraction.
    var base: Double
    var lgd: Double
    var time: Double
    /// The claim after the per-loan cap, before the bank's rule and cap.
    var claimed: Double
}

/// The state of one trial while its years are settled.
///
/// Each year touches only that year's defaults and the banks' cohorts of
/// claims, so a trial costs O(defaults + banks × years²), not O(claims × years).
struct Settlement {
    let rules: PoolRules
    var outcome: TrialOutcome
    var scratch: SettlementScratch

    /// A settlement with empty buffers; `PoolRules.settle` swaps its own in.
    init(rules: PoolRules) {
        self.rules = rules
        outcome = TrialOutcome(horizonYears: 0, bankCount: 0)
        scratch = SettlementScratch()
    }

    /// Clears the buffers for a new trial, sizing them on first use.
    private mutating func prepare() {
        let horizon = rules.horizonYears
        let banks = rules.bankCount
        if outcome.horizonYears != horizon || outcome.bankCount != banks {
            outcome = TrialOutcome(horizonYears: horizon, bankCount: banks)
        } else {
            for i in outcome.years.indices { outcome.years[i] = YearOutcome() }
            for i in outcome.bankYears.indices { outcome.bankYears[i] = BankYearOutcome() }
        }
        outcome.exhaustionYear = nil
        outcome.requiredPool = nil
        outcome.uncoveredDefaults = 0
        scratch.uncoveredDefaults.removeAll(keepingCapacity: true)
        Self.reset(&scratch.owed, count: banks * horizon)
        Self.reset(&scratch.owedRecoverable, count: banks * horizon)
        Self.reset(&scratch.lostPrincipal, count: banks * horizon * horizon)
        Self.reset(&scratch.coverage, count: banks * horizon)
        Self.reset(&scratch.bankAtRisk, count: banks)
        Self.reset(&scratch.recoveriesDue, count: horizon)
        Self.reset(&scratch.newClaimsByYear, count: horizon)
        Self.reset(&scratch.fullPaymentRecoveries, count: horizon)
        if scratch.bankYear.count != banks { scratch.bankYear = Array(repeating: BankYearClaims(), count: banks) }
        if scratch.suspendedThrough.count != banks {
            scratch.suspendedThrough = Array(repeating: 0, count: banks)
        } else {
            for b in 0..<banks { scratch.suspendedThrough[b] = 0 }
        }
    }

    private static func reset(_ buffer: inout [Double], count: Int) {
        if buffer.count != count {
            buffer = Array(repeating: 0, count: count)
        } else {
            for i in 0..<count { buffer[i] = 0 }
        }
    }

    mutating func run(_ defaults: [DefaultEvent], initialBalance: Double) {
        prepare()
        var balance = initialBalance
        var next = 0
        for t in 1...rules.horizonYears {
            let yearStart = next
            while next < defaults.count && defaults[next].year == t { next += 1 }
            precondition(next == defaults.count || defaults[next].year > t, "defaults must be ordered by year")
            balance = settleYear(t, openingBalance: balance, defaults: defaults, range: yearStart..<next,
                                 initialBalance: initialBalance)
        }
    }

    // MARK: One year

    private mutating func settleYear(_ t: Int, openingBalance: Double, defaults: [DefaultEvent], range: Range<Int>,
                                     initialBalance: Double) -> Double {
        let horizon = rules.horizonYears
        decideCoverage(year: t, openingBalance: openingBalance, initialBalance: initialBalance)
        measureAtRisk(year: t)

        // Defaults of the year become claims.
        for b in 0..<rules.bankCount { scratch.bankYear[b] = BankYearClaims() }
        scratch.yearClaims.removeAll(keepingCapacity: true)
        // A group's defaults are one bank's: summed in a run, then added to the bank's.
        var run = BankYearClaims()
        var runBank = -1
        for k in range {
            let bank = rules.loanTerms[defaults[k].loan].bank
            if bank != runBank {
                if runBank >= 0 { scratch.bankYear[runBank].add(run) }
                run = BankYearClaims()
                runBank = bank
            }
            recordDefault(defaults[k], index: k, into: &run)
        }
        if runBank >= 0 { scratch.bankYear[runBank].add(run) }
        setBankClaims(year: t)
        applySuspensions(year: t)

        // The pool's account: the claims carried into the year (`defer`), then the year's new ones.
        var year = YearOutcome()
        year.openingBalance = openingBalance
        year.interest = rules.pool.interestRate * openingBalance
        year.recoveries = scratch.recoveriesDue[t - 1]
        year.fixedTopUp = rules.pool.replenishment.fixedTopUp(year: t)
        let openYears = openCohortYears(year: t)
        var due = 0.0
        for s in openYears {
            for b in 0..<rules.bankCount { due += scratch.owed[b * horizon + s - 1] }
        }
        year.claims = due
        year.newClaims = scratch.newClaimsByYear[t - 1]
        let available = year.available
        year.exhausted = due > available
        if year.exhausted && outcome.exhaustionYear == nil { outcome.exhaustionYear = t }
        year.paid = year.exhausted ? available : due
        pay(year: t, available: available, due: due)

        // Whatever is still owed is deferred or borne by the banks.
        let carries = rules.pool.shortfall == .defer && t < horizon
        for s in openYears {
            for b in 0..<rules.bankCount {
                let cohort = b * horizon + s - 1
                let owed = scratch.owed[cohort]
                guard owed > 0 else { continue }
                if carries {
                    year.deferred += owed
                } else {
                    year.unpaid += owed
                    outcome.bankYears[b * horizon + t - 1].unpaid += owed
                    scratch.owed[cohort] = 0
                    scratch.owedRecoverable[cohort] = 0
                }
            }
        }
        for b in 0..<rules.bankCount {
            let bankYear = outcome.bankYears[b * horizon + t - 1]
            year.defaults += bankYear.defaults
            year.loss += bankYear.loss
        }
        let afterClaims = available - year.paid
        year.restoreTopUp = rules.restoreTopUp(afterClaims: afterClaims, initialBalance: initialBalance)
        year.closingBalance = afterClaims + year.restoreTopUp
        outcome.years[t - 1] = year
        return year.closingBalance
    }

    /// Default years whose claims can still be owed in year t: under `defer`
    /// every year so far, otherwise only t (nothing outlives its year).
    private func openCohortYears(year t: Int) -> ClosedRange<Int> {
        rules.pool.shortfall == .defer ? 1...t : t...t
    }

    /// Coverage of the loans originated in year t.
    private mutating func decideCoverage(year t: Int, openingBalance: Double, initialBalance: Double) {
        let horizon = rules.horizonYears
        var fraction = 1.0
        if let floor = rules.pool.suspendBelow, openingBalance < floor * initialBalance { fraction = 0 }
        for b in 0..<rules.bankCount {
            scratch.coverage[b * horizon + t - 1] = scratch.suspendedThrough[b] >= t ? 0 : fraction
        }
        guard let cap = rules.pool.leverageCap, fraction > 0 else { return }
        var outstanding = 0.0
        var requested = 0.0
        for b in 0..<rules.bankCount {
            for o in 1..<t {
                outstanding += scratch.coverage[b * horizon + o - 1] * atRisk(bank: b, origination: o, year: t)
            }
            requested += scratch.coverage[b * horizon + t - 1] * atRisk(bank: b, origination: t, year: t)
        }
        guard requested > 0 else { return }
        // A cap filled exactly can leave a few ulps of "room" (the difference of two
        // nearly equal sums); below 1e-9 of k × B(t−1) it is rounding, not room, and
        // must not cover new loans at fractions like 1e-16.
        var room = max(0, cap * openingBalance - outstanding)
        if room <= 1e-9 * cap * openingBalance { room = 0 }
        let leverageFraction = min(1, room / requested)
        for b in 0..<rules.bankCount { scratch.coverage[b * horizon + t - 1] *= leverageFraction }
    }

    /// Principal of cohort (b, o) still at risk in year t: scheduled, less loans that defaulted before t.
    private func atRisk(bank b: Int, origination o: Int, year t: Int) -> Double {
        let index = PoolRules.cohortIndex(b, o, t, rules.horizonYears)
        return rules.scheduledPrincipal[index] - scratch.lostPrincipal[index]
    }

    /// V_b(t): covered principal at risk per bank, each cohort at its coverage fraction.
    private mutating func measureAtRisk(year t: Int) {
        let horizon = rules.horizonYears
        for b in 0..<rules.bankCount {
            var covered = 0.0
            for o in 1...t {
                let f = scratch.coverage[b * horizon + o - 1]
                if f > 0 { covered += f * atRisk(bank: b, origination: o, year: t) }
            }
            scratch.bankAtRisk[b] = covered
            outcome.bankYears[b * horizon + t - 1].coverageFraction = scratch.coverage[b * horizon + t - 1]
        }
    }

    @inline(__always)
    private mutating func recordDefault(_ event: DefaultEvent, index: Int, into bank: inout BankYearClaims) {
        let horizon = rules.horizonYears
        let loan = rules.loanTerms[event.loan]
        let b = loan.bank
        let t = event.year
        // The loan leaves the portfolio, covered or not.
        if t < loan.lastYear {
            for u in (t + 1)...loan.lastYear {
                scratch.lostPrincipal[PoolRules.cohortIndex(b, loan.origination, u, horizon)] += loan.amount
            }
        }
        let f = scratch.coverage[b * horizon + loan.origination - 1]
        guard f > 0 else {
            outcome.uncoveredDefaults += 1
            scratch.uncoveredDefaults.append(index)
            return
        }
        let lgd = event.lgd
        let base = f * (rules.compensation.basis == .netLoss ? loan.amount * lgd : loan.amount)
        var claimed = loan.ratio * base
        if let cap = rules.compensation.perLoanCap { claimed = min(claimed, cap) }
        bank.defaults += 1
        bank.loss += f * loan.amount * lgd
        bank.defaultedPrincipal += f * loan.amount
        bank.base += base
        bank.baseRecoverable += (1 - lgd) * base
        bank.claimed += claimed
        bank.claimedRecoverable += (1 - lgd) * claimed
        if rules.pool.shortfall == .fifo {
            scratch.yearClaims.append(Claim(bank: b, base: base, lgd: lgd, time: event.time, claimed: claimed))
        }
    }

    /// Each bank's claim for the year (flat or banded rule, then the annual
    /// cap): the bank's new cohort of claims.
    private mutating func setBankClaims(year t: Int) {
        let horizon = rules.horizonYears
        let compensation = rules.compensation
        var newClaims = 0.0
        for b in 0..<rules.bankCount {
            var bank = scratch.bankYear[b]
            // A banded claim is spread over the bank's defaults in proportion to their base.
            var recoverable = bank.claimedRecoverable
            if let bands = compensation.nplBands {
                let atRisk = scratch.bankAtRisk[b]
                var claim = 0.0
                for band in bands {
                    let layer = min(max(0, bank.base - band.from * atRisk), (band.to - band.from) * atRisk)
                    claim += band.ratio * layer
                }
                bank.claim = claim
                recoverable = bank.base > 0 ? claim * bank.baseRecoverable / bank.base : 0
            } else {
                bank.claim = bank.claimed
            }
            var owed = compensation.nplBands != nil && bank.base <= 0 ? 0 : bank.claim
            // The annual cap scales the bank's claims down.
            var capped = bank.claim
            if let cap = compensation.perBankAnnualCap, bank.claim > cap {
                bank.capScale = cap / bank.claim
                capped = cap
                owed *= bank.capScale
                recoverable *= bank.capScale
            }
            outcome.bankYears[b * horizon + t - 1].claims = capped
            scratch.bankYear[b] = bank
            outcome.bankYears[b * horizon + t - 1].defaults = bank.defaults
            outcome.bankYears[b * horizon + t - 1].loss = bank.loss
            scratch.owed[b * horizon + t - 1] = owed
            scratch.owedRecoverable[b * horizon + t - 1] = recoverable
            newClaims += owed
            if compensation.basis == .principal, t + compensation.recoveryLagYears <= horizon {
                scratch.fullPaymentRecoveries[t + compensation.recoveryLagYears - 1] += recoverable
            }
        }
        scratch.newClaimsByYear[t - 1] = newClaims
    }

    /// A bank whose NPL ratio this year exceeds the limit loses cover for the
    /// loans it originates in the next `suspension_years` years.
    private mutating func applySuspensions(year t: Int) {
        let horizon = rules.horizonYears
        for b in 0..<rules.bankCount {
            let atRisk = scratch.bankAtRisk[b]
            let ratio = atRisk > 0 ? scratch.bankYear[b].defaultedPrincipal / atRisk : 0
            outcome.bankYears[b * horizon + t - 1].nplRatio = ratio
            if let limit = rules.compensation.suspendNPLAbove, ratio > limit {
                scratch.suspendedThrough[b] = max(scratch.suspendedThrough[b], t + rules.compensation.suspensionYears)
            }
        }
    }

    /// Pays what is due: in full, or by the shortfall rule when the pool is short.
    private mutating func pay(year t: Int, available: Double, due: Double) {
        if due > available && rules.pool.shortfall == .fifo {
            payInTimeOrder(year: t, available: available)
            return
        }
        let horizon = rules.horizonYears
        let fraction = due > available ? available / due : 1
        for s in openCohortYears(year: t) {
            for b in 0..<rules.bankCount {
                let cohort = b * horizon + s - 1
                let owed = scratch.owed[cohort]
                guard owed > 0 else { continue }
                let payment = fraction == 1 ? owed : fraction * owed
                let recovered = fraction == 1 ? scratch.owedRecoverable[cohort] : fraction * scratch.owedRecoverable[cohort]
                scratch.owed[cohort] -= payment
                scratch.owedRecoverable[cohort] -= recovered
                recordPayment(payment, recovering: recovered, bank: b, claimYear: s, year: t)
            }
        }
    }

    /// `fifo` when the pool is short: the year's claims (nothing is deferred
    /// under `fifo`) in the order of their times, each paid in full while money lasts.
    private mutating func payInTimeOrder(year t: Int, available: Double) {
        let horizon = rules.horizonYears
        let claims = scratch.yearClaims
        let banded = rules.compensation.nplBands != nil
        scratch.fifoOrder.removeAll(keepingCapacity: true)
        scratch.fifoOrder.append(contentsOf: claims.indices)
        scratch.fifoOrder.sort { claims[$0].time < claims[$1].time || (claims[$0].time == claims[$1].time && $0 < $1) }
        for b in 0..<rules.bankCount {
            scratch.owed[b * horizon + t - 1] = 0
            scratch.owedRecoverable[b * horizon + t - 1] = 0
        }
        var money = available
        for i in scratch.fifoOrder {
            let claim = claims[i]
            let bank = scratch.bankYear[claim.bank]
            var amount = claim.claimed
            if banded { amount = bank.base > 0 ? bank.claim * claim.base / bank.base : 0 }
            if bank.capScale != 1 { amount *= bank.capScale }
            let payment = min(money, amount)
            money -= payment
            recordPayment(payment, recovering: (1 - claim.lgd) * payment, bank: claim.bank, claimYear: t, year: t)
            scratch.owed[claim.bank * horizon + t - 1] += amount - payment
            scratch.owedRecoverable[claim.bank * horizon + t - 1] += (1 - claim.lgd) * (amount - payment)
        }
    }

    /// A payment to bank b in year t on its claims of year s. Principal basis:
    /// the pool gets back (1 − LGD) of what it pays on a claim,
    /// `recovery_lag_years` after the default year, or the year after the
    /// payment if that is later (a deferred claim).
    private mutating func recordPayment(_ payment: Double, recovering recovered: Double, bank b: Int, claimYear s: Int,
                                        year t: Int) {
        let horizon = rules.horizonYears
        outcome.bankYears[b * horizon + t - 1].paid += payment
        let compensation = rules.compensation
        if compensation.basis == .principal && payment > 0 {
            let returns = max(t + 1, s + compensation.recoveryLagYears)
            if returns <= horizon { scratch.recoveriesDue[returns - 1] += recovered }
        }
    }
}
