/// The pool's rules, compiled for one scenario and portfolio: coverage,
/// claims and the pool year by year (README, "What a trial is"). Pure: no randomness,
/// no I/O. The Monte Carlo engine and `replay` both settle trials here.
public struct PoolRules: Sendable {
    public let horizonYears: Int
    public let bankCount: Int
    let pool: PoolSettings
    let compensation: CompensationSettings

    // Per loan, by portfolio index.
    let loanBank: [Int]
    let loanAmount: [Double]
    let loanRatio: [Double]
    let loanOrigination: [Int]
    /// Last year at risk within the horizon.
    let loanLastYear: [Int]

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
        loanBank = loans.map { loan in
            guard let b = bankIndex[loan.bank] else { preconditionFailure("loan \(loan.id) names unknown bank \(loan.bank)") }
            return b
        }
        loanAmount = loans.map(\.amount)
        loanRatio = loans.map { scenario.compensation.ratio(forType: $0.type) }
        loanOrigination = loans.map(\.originationYear)
        loanLastYear = loans.map { min($0.maturityYear, horizon) }
        var scheduled = [Double](repeating: 0, count: bankCount * horizon * horizon)
        for (i, loan) in loans.enumerated() where loan.originationYear <= horizon {
            for t in loan.originationYear...min(loan.maturityYear, horizon) {
                scheduled[Self.cohortIndex(loanBank[i], loan.originationYear, t, horizon)] += loan.amount
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
        // The settlement takes the buffers over (no copy-on-write) and hands them back.
        var settlement = Settlement(rules: self, outcome: consume outcome, scratch: consume scratch)
        settlement.run(defaults, initialBalance: pool.initialBalance)
        outcome = settlement.outcome
        scratch = settlement.scratch
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

/// Reusable buffers for settling trials.
public struct SettlementScratch: Sendable {
    var claims: [Claim] = []
    /// Claims with money still owed, in claim order: carried into the year (`defer`), then the year's new ones.
    var openClaims: [Int] = []
    var lostPrincipal: [Double] = []
    var coverage: [Double] = []
    var suspendedThrough: [Int] = []
    var fifoOrder: [Int] = []
    var bankBase: [Double] = []
    var bankDefaultedPrincipal: [Double] = []
    var bankAtRisk: [Double] = []
    var bankClaim: [Double] = []
    var bankClaimScale: [Double] = []
    /// Principal basis: recoveries of payments made so far, by the year they return to the pool.
    var recoveriesDue: [Double] = []
    /// Per year, for the required pool: new claims, and the recoveries had every claim been paid in full.
    var newClaimsByYear: [Double] = []
    var fullPaymentRecoveries: [Double] = []
    /// Indices, in the defaults settled last, of defaults of loans not covered when they defaulted.
    public internal(set) var uncoveredDefaults: [Int] = []

    public init() {}
}

/// One claim on the pool: a default of a covered loan.
struct Claim: Sendable {
    var bank: Int
    var year: Int
    /// Claim base, scaled by the coverage fraction.
    var base: Double
    var lgd: Double
    var time: Double
    /// The claim after per-loan and per-bank caps.
    var amount: Double
    /// What is still owed on it.
    var outstanding: Double
}

/// The state of one trial while its years are settled.
///
/// Each year touches only that year's defaults and the claims still open, so a
/// trial costs O(defaults + banks × years²), not O(claims × years).
struct Settlement {
    let rules: PoolRules
    var outcome: TrialOutcome
    var scratch: SettlementScratch

    init(rules: PoolRules, outcome: consuming TrialOutcome, scratch: consuming SettlementScratch) {
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
        scratch.claims.removeAll(keepingCapacity: true)
        scratch.openClaims.removeAll(keepingCapacity: true)
        scratch.uncoveredDefaults.removeAll(keepingCapacity: true)
        Self.reset(&scratch.lostPrincipal, count: banks * horizon * horizon)
        Self.reset(&scratch.coverage, count: banks * horizon)
        Self.reset(&scratch.bankBase, count: banks)
        Self.reset(&scratch.bankDefaultedPrincipal, count: banks)
        Self.reset(&scratch.bankAtRisk, count: banks)
        Self.reset(&scratch.bankClaim, count: banks)
        Self.reset(&scratch.bankClaimScale, count: banks)
        Self.reset(&scratch.recoveriesDue, count: horizon)
        Self.reset(&scratch.newClaimsByYear, count: horizon)
        Self.reset(&scratch.fullPaymentRecoveries, count: horizon)
        if scratch.suspendedThrough.count != banks {
            scratch.suspendedThrough = Array(repeating: 0, count: banks)
        } else {
            for b in 0..<banks { scratch.suspendedThrough[b] = 0 }
        }
        self.rules = rules
        self.outcome = outcome
        self.scratch = scratch
    }

    private static func reset(_ buffer: inout [Double], count: Int) {
        if buffer.count != count {
            buffer = Array(repeating: 0, count: count)
        } else {
            for i in 0..<count { buffer[i] = 0 }
        }
    }

    mutating func run(_ defaults: [DefaultEvent], initialBalance: Double) {
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
        let firstNewClaim = scratch.claims.count
        for b in 0..<rules.bankCount {
            scratch.bankBase[b] = 0
            scratch.bankDefaultedPrincipal[b] = 0
        }
        for k in range { recordDefault(defaults[k], index: k) }
        setBankClaims(year: t, firstNewClaim: firstNewClaim)
        applySuspensions(year: t)

        // The pool's account. Open claims are in claim order: carried ones, then new ones.
        var year = YearOutcome()
        year.openingBalance = openingBalance
        year.interest = rules.pool.interestRate * openingBalance
        year.recoveries = scratch.recoveriesDue[t - 1]
        year.fixedTopUp = rules.pool.replenishment.fixedTopUp(year: t)
        for i in firstNewClaim..<scratch.claims.count where scratch.claims[i].outstanding > 0 {
            scratch.openClaims.append(i)
        }
        var due = 0.0
        var newClaims = 0.0
        for i in scratch.openClaims {
            due += scratch.claims[i].outstanding
            if i >= firstNewClaim { newClaims += scratch.claims[i].amount }
        }
        year.claims = due
        year.newClaims = newClaims
        scratch.newClaimsByYear[t - 1] = newClaims
        let available = year.available
        year.exhausted = due > available
        if year.exhausted && outcome.exhaustionYear == nil { outcome.exhaustionYear = t }
        year.paid = year.exhausted ? available : due
        pay(year: t, available: available, due: due, firstNewClaim: firstNewClaim)

        // Whatever is still owed is deferred or borne by the banks.
        let carries = rules.pool.shortfall == .defer && t < horizon
        var stillOpen = 0
        for k in scratch.openClaims.indices {
            let i = scratch.openClaims[k]
            let owed = scratch.claims[i].outstanding
            guard owed > 0 else { continue }
            if carries {
                year.deferred += owed
                scratch.openClaims[stillOpen] = i
                stillOpen += 1
            } else {
                year.unpaid += owed
                outcome.bankYears[scratch.claims[i].bank * horizon + t - 1].unpaid += owed
                scratch.claims[i].outstanding = 0
            }
        }
        scratch.openClaims.removeLast(scratch.openClaims.count - stillOpen)
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

    private mutating func recordDefault(_ event: DefaultEvent, index: Int) {
        let horizon = rules.horizonYears
        let i = event.loan
        let b = rules.loanBank[i]
        let o = rules.loanOrigination[i]
        let amount = rules.loanAmount[i]
        let t = event.year
        // The loan leaves the portfolio, covered or not.
        if t < rules.loanLastYear[i] {
            for u in (t + 1)...rules.loanLastYear[i] {
                scratch.lostPrincipal[PoolRules.cohortIndex(b, o, u, horizon)] += amount
            }
        }
        let f = scratch.coverage[b * horizon + o - 1]
        guard f > 0 else {
            outcome.uncoveredDefaults += 1
            scratch.uncoveredDefaults.append(index)
            return
        }
        let index = b * horizon + t - 1
        outcome.bankYears[index].defaults += 1
        outcome.bankYears[index].loss += f * amount * event.lgd
        scratch.bankDefaultedPrincipal[b] += f * amount
        let base = f * (rules.compensation.basis == .netLoss ? amount * event.lgd : amount)
        scratch.bankBase[b] += base
        var amountClaimed = rules.loanRatio[i] * base
        if let cap = rules.compensation.perLoanCap { amountClaimed = min(amountClaimed, cap) }
        scratch.claims.append(Claim(
            bank: b, year: t, base: base, lgd: event.lgd, time: event.time,
            amount: amountClaimed, outstanding: 0))
    }

    /// Each bank's claim for the year (flat or banded rule, then the annual cap),
    /// spread over its new claims. Two passes over the new claims, whatever the number of banks.
    private mutating func setBankClaims(year t: Int, firstNewClaim: Int) {
        let horizon = rules.horizonYears
        let claims = firstNewClaim..<scratch.claims.count
        let compensation = rules.compensation
        if let bands = compensation.nplBands {
            for b in 0..<rules.bankCount {
                let base = scratch.bankBase[b]
                let atRisk = scratch.bankAtRisk[b]
                var bankClaim = 0.0
                for band in bands {
                    let layer = min(max(0, base - band.from * atRisk), (band.to - band.from) * atRisk)
                    bankClaim += band.ratio * layer
                }
                scratch.bankClaim[b] = bankClaim
            }
            // The banded claim is spread over the bank's defaults in proportion to their base.
            for i in claims {
                let b = scratch.claims[i].bank
                let base = scratch.bankBase[b]
                scratch.claims[i].amount = base > 0 ? scratch.bankClaim[b] * scratch.claims[i].base / base : 0
            }
        } else {
            for b in 0..<rules.bankCount { scratch.bankClaim[b] = 0 }
            for i in claims { scratch.bankClaim[scratch.claims[i].bank] += scratch.claims[i].amount }
        }
        // The annual cap scales the bank's claims down.
        for b in 0..<rules.bankCount {
            var scale = 1.0
            if let cap = compensation.perBankAnnualCap, scratch.bankClaim[b] > cap {
                scale = cap / scratch.bankClaim[b]
                scratch.bankClaim[b] = cap
            }
            scratch.bankClaimScale[b] = scale
            outcome.bankYears[b * horizon + t - 1].claims = scratch.bankClaim[b]
        }
        for i in claims {
            let scale = scratch.bankClaimScale[scratch.claims[i].bank]
            if scale != 1 { scratch.claims[i].amount *= scale }
            scratch.claims[i].outstanding = scratch.claims[i].amount
            if compensation.basis == .principal, t + compensation.recoveryLagYears <= horizon {
                scratch.fullPaymentRecoveries[t + compensation.recoveryLagYears - 1]
                    += (1 - scratch.claims[i].lgd) * scratch.claims[i].amount
            }
        }
    }

    /// A bank whose NPL ratio this year exceeds the limit loses cover for the
    /// loans it originates in the next `suspension_years` years.
    private mutating func applySuspensions(year t: Int) {
        let horizon = rules.horizonYears
        for b in 0..<rules.bankCount {
            let atRisk = scratch.bankAtRisk[b]
            let ratio = atRisk > 0 ? scratch.bankDefaultedPrincipal[b] / atRisk : 0
            outcome.bankYears[b * horizon + t - 1].nplRatio = ratio
            if let limit = rules.compensation.suspendNPLAbove, ratio > limit {
                scratch.suspendedThrough[b] = max(scratch.suspendedThrough[b], t + rules.compensation.suspensionYears)
            }
        }
    }

    /// Pays what is due: in full, or by the shortfall rule when the pool is short.
    private mutating func pay(year t: Int, available: Double, due: Double, firstNewClaim: Int) {
        let horizon = rules.horizonYears
        if due > available && rules.pool.shortfall == .fifo {
            // Every claim due is this year's (nothing is deferred under fifo).
            scratch.fifoOrder.removeAll(keepingCapacity: true)
            scratch.fifoOrder.append(contentsOf: firstNewClaim..<scratch.claims.count)
            let claims = scratch.claims
            scratch.fifoOrder.sort { claims[$0].time < claims[$1].time || (claims[$0].time == claims[$1].time && $0 < $1) }
            var money = available
            for i in scratch.fifoOrder {
                let payment = min(money, scratch.claims[i].outstanding)
                money -= payment
                settleClaim(i, payment: payment, year: t, horizon: horizon)
            }
            return
        }
        let fraction = due > available ? available / due : 1
        for i in scratch.openClaims {
            let payment = fraction == 1 ? scratch.claims[i].outstanding : fraction * scratch.claims[i].outstanding
            settleClaim(i, payment: payment, year: t, horizon: horizon)
        }
    }

    /// Principal basis: the pool gets back (1 − LGD) of what it pays on a claim,
    /// `recovery_lag_years` after the default year, or the year after the
    /// payment if that is later (a deferred claim).
    private mutating func settleClaim(_ i: Int, payment: Double, year t: Int, horizon: Int) {
        scratch.claims[i].outstanding -= payment
        outcome.bankYears[scratch.claims[i].bank * horizon + t - 1].paid += payment
        let compensation = rules.compensation
        if compensation.basis == .principal && payment > 0 {
            let returns = max(t + 1, scratch.claims[i].year + compensation.recoveryLagYears)
            if returns <= horizon { scratch.recoveriesDue[returns - 1] += (1 - scratch.claims[i].lgd) * payment }
        }
    }
}
