import Testing
@testable import PoolSimCore

/// Properties of `PoolRules.settle` over many random pools and default lists
/// (fixed seeds), mixing every rule: each shortfall rule, both bases, flat or
/// banded claims, per-loan and per-bank caps, leverage cap, pool floor, bank
/// suspension, interest, fixed and restore top-ups. Each trial is also settled
/// by `ReferenceSettlement`, a loan-by-loan transcription of the pool rules of the README ("What a trial is")
/// written for these tests, and the two must agree line by line.
@Suite("Pool rules: invariants over random default lists")
struct PoolRulesInvariantTests {
    static let chunks = 0..<8
    static let poolsPerChunk = 64
    static let defaultListsPerPool = 4

    @Test("Accounts balance, payments stay within claims, the reference agrees", arguments: chunks)
    func invariants(chunk: Int) {
        var findings = Findings()
        var reusedOutcome = TrialOutcome(horizonYears: 1, bankCount: 1)
        var reusedScratch = SettlementScratch()
        for poolIndex in 0..<Self.poolsPerChunk {
            let seed = UInt64(chunk * Self.poolsPerChunk + poolIndex)
            var random = SplitMix64(seed: seed)
            let pool = RandomPool.make(using: &random)
            let rules = pool.rules
            for list in 0..<Self.defaultListsPerPool {
                let defaults = RandomPool.defaults(for: pool, using: &random)
                findings.context = "seed \(seed) list \(list) (\(RandomPool.describe(pool)))"
                let outcome = rules.settle(defaults)
                checkAccounts(outcome, pool: pool, defaults: defaults, into: &findings)
                compare(outcome, ReferenceSettlement.settle(pool, defaults), "reference", into: &findings)
                checkRequiredPool(outcome, pool: pool, defaults: defaults, into: &findings)

                // The same trial through reused buffers (sized for other pools before).
                rules.settle(defaults, into: &reusedOutcome, scratch: &reusedScratch)
                findings.check(reusedOutcome == outcome, "settle(into:) with reused buffers differs")

                // Doubling every amount of money doubles every result, exactly.
                let doubled = RandomPool.scaled(pool, by: 2).settle(defaults)
                checkDoubled(doubled, outcome, into: &findings)

                // The order of defaults within a year does not matter (unless fifo times tie).
                let shuffled = RandomPool.shuffledWithinYears(defaults, using: &random)
                if pool.pool.shortfall != .fifo || !RandomPool.hasTiedTimes(defaults) {
                    compare(rules.settle(shuffled), outcome, "shuffled", into: &findings)
                }
            }
        }
        #expect(findings.messages.isEmpty,
                "\(findings.messages.count) findings, first: \(findings.messages.prefix(12).joined(separator: "\n"))")
    }

    // MARK: Accounts

    private func checkAccounts(_ outcome: TrialOutcome, pool: PoolCase, defaults: [DefaultEvent],
                               into findings: inout Findings) {
        let settings = pool.pool
        let horizon = pool.horizon
        let tolerance = 1e-9 * RandomPool.moneyScale(pool)
        var carried = [Double](repeating: 0, count: pool.banks.count)   // owed to each bank from earlier years
        var firstExhausted: Int?
        for t in 1...horizon {
            let year = outcome.year(t)
            let available = year.available
            let opening = t == 1 ? settings.initialBalance : outcome.year(t - 1).closingBalance
            findings.check(year.openingBalance == opening, "year \(t): opening ≠ last closing")
            findings.close(year.interest, settings.interestRate * year.openingBalance, tolerance, "year \(t): interest")
            findings.check(year.fixedTopUp == settings.replenishment.fixedTopUp(year: t), "year \(t): fixed top-up")
            findings.check(year.recoveries >= 0, "year \(t): recoveries < 0")
            if pool.compensation.basis == .netLoss {
                findings.check(year.recoveries == 0, "year \(t): recoveries on the net-loss basis")
            }
            // Paid = min(C, A); nothing paid beyond the claims; exhausted iff C > A.
            findings.close(year.paid, min(year.claims, available), tolerance, "year \(t): paid ≠ min(C, A)")
            findings.check(year.paid <= year.claims + tolerance, "year \(t): paid > claims due")
            findings.check(year.exhausted == (year.claims > available), "year \(t): exhausted ≠ (C > A)")
            if year.exhausted && firstExhausted == nil { firstExhausted = t }
            // Money conserved: opening + interest + recoveries + fixed − paid + restore = closing.
            findings.close(year.openingBalance + year.interest + year.recoveries + year.fixedTopUp - year.paid
                           + year.restoreTopUp, year.closingBalance, tolerance, "year \(t): money not conserved")
            findings.check(year.closingBalance >= -tolerance, "year \(t): closing balance \(year.closingBalance) < 0")
            let restore = settings.replenishment.mode == .restore
                ? min(settings.replenishment.annualBudget,
                      max(0, (settings.replenishment.target ?? settings.initialBalance) - (available - year.paid)))
                : 0
            findings.close(year.restoreTopUp, restore, tolerance, "year \(t): restore top-up")
            // Claims due are paid, left unpaid or carried; carried claims are due next year.
            findings.close(year.claims, year.paid + year.unpaid + year.deferred, tolerance, "year \(t): C ≠ P + U + D")
            if settings.shortfall != .defer || t == horizon {
                findings.check(year.deferred == 0, "year \(t): deferred without defer")
            }
            let carriedIn = t == 1 ? 0 : outcome.year(t - 1).deferred
            findings.close(year.claims, carriedIn + year.newClaims, tolerance, "year \(t): C ≠ carried + new")

            // Banks: money paid to banks is the money out of the pool, and so on.
            var bankPaid = 0.0, bankUnpaid = 0.0, bankClaims = 0.0, bankLoss = 0.0, bankDefaults = 0
            for b in pool.banks.indices {
                let row = outcome.bank(b, year: t)
                bankPaid += row.paid
                bankUnpaid += row.unpaid
                bankClaims += row.claims
                bankLoss += row.loss
                bankDefaults += row.defaults
                let due = carried[b] + row.claims
                findings.check(row.paid <= due + tolerance, "year \(t) bank \(b): paid \(row.paid) > due \(due)")
                findings.check(row.paid >= -tolerance && row.unpaid >= -tolerance, "year \(t) bank \(b): negative")
                carried[b] = due - row.paid - row.unpaid
                findings.check(carried[b] >= -tolerance, "year \(t) bank \(b): paid + unpaid > due")
                if settings.shortfall != .defer || t == horizon {
                    findings.close(carried[b], 0, tolerance, "year \(t) bank \(b): owed after a final year")
                }
                if let cap = pool.compensation.perBankAnnualCap {
                    findings.check(row.claims <= cap * (1 + 1e-12), "year \(t) bank \(b): claims above the annual cap")
                }
                findings.check((0...1).contains(row.coverageFraction), "year \(t) bank \(b): coverage outside [0, 1]")
                findings.check(row.nplRatio >= 0 && row.nplRatio <= 1 + 1e-12, "year \(t) bank \(b): NPL outside [0, 1]")
                if let floor = settings.suspendBelow, year.openingBalance < floor * settings.initialBalance {
                    findings.check(row.coverageFraction == 0, "year \(t) bank \(b): covered below the floor")
                }
            }
            findings.close(bankPaid, year.paid, tolerance, "year \(t): Σ banks' paid ≠ paid")
            findings.close(bankUnpaid, year.unpaid, tolerance, "year \(t): Σ banks' unpaid ≠ unpaid")
            findings.close(bankClaims, year.newClaims, tolerance, "year \(t): Σ banks' claims ≠ new claims")
            findings.close(bankLoss, year.loss, tolerance, "year \(t): Σ banks' loss ≠ loss")
            findings.check(bankDefaults == year.defaults, "year \(t): Σ banks' defaults ≠ defaults")
        }
        // Totals: every new claim is paid or borne by the banks, once.
        findings.close(outcome.claimsTotal, outcome.paidTotal + outcome.unpaidTotal, tolerance, "Σ new ≠ Σ paid + Σ unpaid")
        findings.check(outcome.paidTotal <= outcome.claimsTotal + tolerance, "Σ paid > Σ new claims")
        findings.check(outcome.exhaustionYear == firstExhausted, "exhaustion year is not the first year with C > A")
        findings.check(outcome.defaultsTotal + outcome.uncoveredDefaults == defaults.count,
                       "covered + uncovered defaults ≠ defaults")
    }

    // MARK: Required pool

    private func checkRequiredPool(_ outcome: TrialOutcome, pool: PoolCase, defaults: [DefaultEvent],
                                   into findings: inout Findings) {
        guard !pool.pool.coverageDependsOnBalance else {
            findings.check(outcome.requiredPool == nil, "required pool given although coverage depends on the balance")
            return
        }
        guard let required = outcome.requiredPool else {
            findings.check(false, "required pool missing")
            return
        }
        findings.check(required >= 0 && required.isFinite, "required pool \(required)")
        var enough = pool
        enough.pool.initialBalance = required
        let atRequired = enough.settle(defaults)
        findings.check(atRequired.exhaustionYear == nil, "a shortfall at the required pool \(required)")
        // The reference sums in another order, so it may need a rounding error more.
        var enoughForReference = pool
        enoughForReference.pool.initialBalance = required + 1e-9 * RandomPool.moneyScale(pool)
        findings.check(ReferenceSettlement.settle(enoughForReference, defaults).exhaustionYear == nil,
                       "reference: a shortfall at the required pool \(required) + rounding")
        // It does not depend on the balance the trial was settled with.
        findings.close(atRequired.requiredPool ?? -1, required, max(1e-6, 1e-9 * required),
                       "required pool changes with the initial balance")
        // Anything smaller runs short: by max(1, 1e-9 × R), and by the bisection's own tolerance.
        for gap in [max(1, 1e-9 * required), 2 * max(1e-6, 1e-9 * required)] where required > gap {
            var short = pool
            short.pool.initialBalance = required - gap
            findings.check(short.settle(defaults).exhaustionYear != nil,
                           "no shortfall at required pool \(required) − \(gap)")
            findings.check(ReferenceSettlement.settle(short, defaults).exhaustionYear != nil,
                           "reference: no shortfall at required pool \(required) − \(gap)")
        }
    }

    // MARK: Comparisons

    private func compare(_ actual: TrialOutcome, _ expected: TrialOutcome, _ label: String,
                         into findings: inout Findings) {
        let tolerance = 1e-9 * max(1, expected.years.map { $0.openingBalance + $0.claims + $0.topUp }.max() ?? 1)
        for t in 1...expected.horizonYears {
            let (a, e) = (actual.year(t), expected.year(t))
            let lines: [(String, Double, Double)] = [
                ("opening", a.openingBalance, e.openingBalance), ("interest", a.interest, e.interest),
                ("recoveries", a.recoveries, e.recoveries), ("fixed top-up", a.fixedTopUp, e.fixedTopUp),
                ("restore top-up", a.restoreTopUp, e.restoreTopUp), ("claims", a.claims, e.claims),
                ("new claims", a.newClaims, e.newClaims), ("paid", a.paid, e.paid), ("unpaid", a.unpaid, e.unpaid),
                ("deferred", a.deferred, e.deferred), ("closing", a.closingBalance, e.closingBalance),
                ("loss", a.loss, e.loss),
            ]
            for (name, x, y) in lines { findings.close(x, y, tolerance, "\(label) year \(t) \(name)") }
            findings.check(a.defaults == e.defaults, "\(label) year \(t) defaults \(a.defaults) vs \(e.defaults)")
            findings.check(a.exhausted == e.exhausted, "\(label) year \(t) exhausted")
            for b in 0..<expected.bankCount {
                let (x, y) = (actual.bank(b, year: t), expected.bank(b, year: t))
                let bankLines: [(String, Double, Double)] = [
                    ("claims", x.claims, y.claims), ("paid", x.paid, y.paid), ("unpaid", x.unpaid, y.unpaid),
                    ("loss", x.loss, y.loss), ("coverage", x.coverageFraction, y.coverageFraction),
                    ("NPL", x.nplRatio, y.nplRatio),
                ]
                for (name, u, v) in bankLines { findings.close(u, v, tolerance, "\(label) year \(t) bank \(b) \(name)") }
                findings.check(x.defaults == y.defaults, "\(label) year \(t) bank \(b) defaults")
            }
        }
        findings.check(actual.exhaustionYear == expected.exhaustionYear,
                       "\(label) exhaustion year \(String(describing: actual.exhaustionYear)) vs \(String(describing: expected.exhaustionYear))")
        findings.check(actual.uncoveredDefaults == expected.uncoveredDefaults, "\(label) uncovered defaults")
    }

    private func checkDoubled(_ doubled: TrialOutcome, _ outcome: TrialOutcome, into findings: inout Findings) {
        for t in 1...outcome.horizonYears {
            var expected = outcome.year(t)
            for path in [\YearOutcome.openingBalance, \.interest, \.recoveries, \.fixedTopUp, \.restoreTopUp, \.claims,
                         \.newClaims, \.paid, \.unpaid, \.deferred, \.closingBalance, \.loss] {
                expected[keyPath: path] *= 2
            }
            findings.check(doubled.year(t) == expected, "doubled: year \(t) is not exactly twice")
            for b in 0..<outcome.bankCount {
                var bank = outcome.bank(b, year: t)
                for path in [\BankYearOutcome.loss, \.claims, \.paid, \.unpaid] { bank[keyPath: path] *= 2 }
                findings.check(doubled.bank(b, year: t) == bank, "doubled: year \(t) bank \(b) is not exactly twice")
            }
        }
        findings.check(doubled.exhaustionYear == outcome.exhaustionYear, "doubled: exhaustion year")
        if let single = outcome.requiredPool, let double = doubled.requiredPool {
            findings.close(double, 2 * single, 2 * max(1e-6, 1e-9 * single), "doubled: required pool")
        } else {
            findings.check(outcome.requiredPool == nil && doubled.requiredPool == nil, "doubled: required pool")
        }
    }
}

// MARK: - Findings

/// Failed checks, collected so that one bad rule reports a few lines rather than thousands.
private struct Findings {
    var messages: [String] = []
    var context = ""

    mutating func check(_ holds: Bool, _ what: @autoclosure () -> String) {
        if !holds { messages.append("\(context): \(what())") }
    }

    mutating func close(_ actual: Double, _ expected: Double, _ tolerance: Double, _ what: @autoclosure () -> String) {
        check(abs(actual - expected) <= tolerance, "\(what()): \(actual) vs \(expected)")
    }
}

// MARK: - Random pools

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator for test inputs.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func integer(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}

private enum RandomPool {
    static let types = ["credit", "ip_pledge", "secured"]

    private static func squared(_ x: Double) -> Double { x * x }

    /// A pool of 1–3 banks, 1–30 loans of 0.5–10 yuan over 1–6 years, an initial balance of
    /// 0–40 (skewed low, so that shortfalls are common), with every rule switched on or off at random.
    static func make(using random: inout SplitMix64) -> PoolCase {
        let horizon = random.integer(1...6)
        let banks = Array(["A", "B", "C"].prefix(random.integer(1...3)))
        var replenishment = Replenishment()
        switch random.integer(0...2) {
        case 0: break
        case 1:
            replenishment = random.chance(0.5)
                ? Replenishment(mode: .fixed, amount: random.uniform(0...4))
                : Replenishment(mode: .fixed, schedule: (0..<random.integer(0...(horizon + 1))).map { _ in
                    random.uniform(0...4)
                })
        default:
            replenishment = Replenishment(mode: .restore, target: random.chance(0.5) ? nil : random.uniform(0...60),
                                          annualBudget: random.uniform(0...8))
        }
        let settings = PoolSettings(
            initialBalance: random.chance(0.1) ? 0 : 40 * squared(random.uniform(0...1)),
            interestRate: random.chance(0.5) ? 0 : random.uniform(0...0.08),
            shortfall: ShortfallRule.allCases[random.integer(0...2)],
            replenishment: replenishment,
            leverageCap: random.chance(0.3) ? random.uniform(0.3...5) : nil,
            suspendBelow: random.chance(0.25) ? random.uniform(0.1...1) : nil)
        var ratioByType: [String: Double] = [:]
        for type in types where random.chance(0.4) { ratioByType[type] = random.uniform(0.2...1) }
        var bands: [NPLBand]?
        if random.chance(0.35) {
            let edges = (0...random.integer(1...3)).map { _ in random.uniform(0...0.6) }.sorted()
            bands = zip(edges, edges.dropFirst()).map { NPLBand(from: $0, to: $1, ratio: random.uniform(0.2...1)) }
        }
        let compensation = CompensationSettings(
            basis: random.chance(0.5) ? .netLoss : .principal,
            ratio: random.uniform(0.2...1),
            ratioByType: ratioByType,
            perLoanCap: random.chance(0.3) ? random.uniform(0.5...6) : nil,
            perBankAnnualCap: random.chance(0.3) ? random.uniform(1...15) : nil,
            nplBands: bands,
            recoveryLagYears: random.integer(1...3),
            suspendNPLAbove: random.chance(0.3) ? random.uniform(0.02...0.5) : nil,
            suspensionYears: random.integer(1...3))
        var pool = PoolCase(horizon: horizon, banks: banks, pool: settings, compensation: compensation)
        for _ in 0..<random.integer(1...30) {
            let amount = random.chance(0.5) ? Double(random.integer(1...20)) / 2 : random.uniform(0.5...10)
            pool.loan(amount, bank: banks[random.integer(0...(banks.count - 1))],
                      type: types[random.integer(0...2)], originated: random.integer(1...horizon),
                      term: random.integer(1...4))
        }
        return pool
    }

    /// Each loan defaults with a probability drawn per list, in a year of its term within the
    /// horizon; LGDs of 0, 1 or in between; times in [0, 1), some on a coarse grid (ties).
    static func defaults(for pool: PoolCase, using random: inout SplitMix64) -> [DefaultEvent] {
        let probability = random.uniform(0.05...0.8)
        var byYear = [[DefaultEvent]](repeating: [], count: pool.horizon)
        for (i, loan) in pool.loans.enumerated() where random.chance(probability) {
            let year = random.integer(loan.originationYear...min(loan.maturityYear, pool.horizon))
            let lgd = random.chance(0.15) ? 0 : random.chance(0.15) ? 1 : random.uniform(0...1)
            let time = random.chance(0.1) ? Double(random.integer(0...3)) / 4 : Double.random(in: 0..<1, using: &random)
            byYear[year - 1].append(DefaultEvent(loan: i, year: year, lgd: lgd, time: time))
        }
        return shuffledWithinYears(byYear.flatMap { $0 }, using: &random)
    }

    static func shuffledWithinYears(_ defaults: [DefaultEvent], using random: inout SplitMix64) -> [DefaultEvent] {
        var result: [DefaultEvent] = []
        var start = 0
        while start < defaults.count {
            var end = start
            while end < defaults.count && defaults[end].year == defaults[start].year { end += 1 }
            result += defaults[start..<end].shuffled(using: &random)
            start = end
        }
        return result
    }

    static func hasTiedTimes(_ defaults: [DefaultEvent]) -> Bool {
        Set(defaults.map { "\($0.year) \($0.time)" }).count != defaults.count
    }

    /// The same pool with every amount of money multiplied by `factor`.
    static func scaled(_ pool: PoolCase, by factor: Double) -> PoolCase {
        var settings = pool.pool
        settings.initialBalance *= factor
        settings.replenishment.amount *= factor
        settings.replenishment.schedule = settings.replenishment.schedule?.map { $0 * factor }
        settings.replenishment.target = settings.replenishment.target.map { $0 * factor }
        settings.replenishment.annualBudget *= factor
        var compensation = pool.compensation
        compensation.perLoanCap = compensation.perLoanCap.map { $0 * factor }
        compensation.perBankAnnualCap = compensation.perBankAnnualCap.map { $0 * factor }
        var scaled = PoolCase(horizon: pool.horizon, banks: pool.banks, pool: settings, compensation: compensation)
        for loan in pool.loans {
            scaled.loan(loan.amount * factor, bank: loan.bank, type: loan.type, originated: loan.originationYear,
                        term: loan.termYears)
        }
        return scaled
    }

    /// An upper bound on the money in play, for relative tolerances.
    static func moneyScale(_ pool: PoolCase) -> Double {
        let replenishment = pool.pool.replenishment
        let topUps = Double(pool.horizon) * (replenishment.amount + replenishment.annualBudget)
            + (replenishment.schedule ?? []).reduce(0, +) + (replenishment.target ?? 0)
        return max(1, 2 * (pool.pool.initialBalance + topUps + pool.loans.reduce(0) { $0 + $1.amount }))
    }

    static func describe(_ pool: PoolCase) -> String {
        let p = pool.pool, c = pool.compensation
        return "H \(pool.horizon), \(pool.banks.count) banks, \(pool.loans.count) loans, \(p.shortfall.rawValue), "
            + "\(c.basis.rawValue), \(c.nplBands == nil ? "flat" : "banded"), \(p.replenishment.mode.rawValue)"
            + (p.leverageCap.map { ", k \($0)" } ?? "") + (p.suspendBelow.map { ", floor \($0)" } ?? "")
            + (c.suspendNPLAbove.map { ", suspend > \($0)" } ?? "")
    }
}

// MARK: - Reference settlement

/// the pool rules of the README ("What a trial is") transcribed loan by loan, claim by claim, without
/// the engine's cohort tables or reusable buffers. Recoveries: a payment made
/// in year p on a claim of year d comes back in year max(p + 1, d + lag).
/// Leverage room below 1e-9 of k × B(t−1) counts as none, as in `PoolRules`.
private enum ReferenceSettlement {
    struct Claim {
        var bank: Int
        var year: Int
        var base: Double
        var lgd: Double
        var time: Double
        var amount: Double
        var outstanding = 0.0
        var payments: [(year: Int, amount: Double)] = []
    }

    static func settle(_ pool: PoolCase, _ defaults: [DefaultEvent]) -> TrialOutcome {
        let horizon = pool.horizon
        let settings = pool.pool
        let rules = pool.compensation
        let loans = pool.loans
        let bankCount = pool.banks.count
        let bankOf = loans.map { pool.bank($0.bank) }
        var defaultYear = [Int?](repeating: nil, count: loans.count)
        for event in defaults { defaultYear[event.loan] = event.year }
        /// At risk in year t: within its term and not defaulted before t.
        func atRisk(_ i: Int, _ t: Int) -> Bool {
            loans[i].isAtRisk(year: t) && (defaultYear[i].map { $0 >= t } ?? true)
        }

        var outcome = TrialOutcome(horizonYears: horizon, bankCount: bankCount)
        var coverage = [[Double]](repeating: [Double](repeating: 0, count: horizon + 1), count: bankCount)
        var suspendedThrough = [Int](repeating: 0, count: bankCount)
        var claims: [Claim] = []
        var balance = settings.initialBalance

        for t in 1...horizon {
            // §3: coverage of the loans originated in year t.
            let belowFloor = settings.suspendBelow.map { balance < $0 * settings.initialBalance } ?? false
            for b in 0..<bankCount { coverage[b][t] = belowFloor || suspendedThrough[b] >= t ? 0 : 1 }
            if let k = settings.leverageCap, !belowFloor {
                var outstanding = 0.0, requested = 0.0
                for i in loans.indices where atRisk(i, t) {
                    let o = loans[i].originationYear
                    if o < t { outstanding += coverage[bankOf[i]][o] * loans[i].amount }
                    if o == t { requested += coverage[bankOf[i]][t] * loans[i].amount }
                }
                if requested > 0 {
                    // Room within 1e-9 of k × B(t−1) is rounding, not room (PoolRules' choice).
                    let room = k * balance - outstanding
                    let f = room <= 1e-9 * k * balance ? 0 : min(1, room / requested)
                    for b in 0..<bankCount { coverage[b][t] *= f }
                }
            }
            var atRiskPrincipal = [Double](repeating: 0, count: bankCount)
            for i in loans.indices where atRisk(i, t) {
                atRiskPrincipal[bankOf[i]] += coverage[bankOf[i]][loans[i].originationYear] * loans[i].amount
            }

            // §5: claims of the year's covered defaults.
            let firstNew = claims.count
            var defaultedPrincipal = [Double](repeating: 0, count: bankCount)
            for event in defaults where event.year == t {
                let loan = loans[event.loan]
                let b = bankOf[event.loan]
                let f = coverage[b][loan.originationYear]
                if f == 0 {
                    outcome.uncoveredDefaults += 1
                    continue
                }
                let index = b * horizon + t - 1
                outcome.bankYears[index].defaults += 1
                outcome.bankYears[index].loss += f * loan.amount * event.lgd
                defaultedPrincipal[b] += f * loan.amount
                let base = f * (rules.basis == .netLoss ? loan.amount * event.lgd : loan.amount)
                let flat = min(rules.ratio(forType: loan.type) * base, rules.perLoanCap ?? .infinity)
                claims.append(Claim(bank: b, year: t, base: base, lgd: event.lgd, time: event.time, amount: flat))
            }
            for b in 0..<bankCount {
                let own = claims.indices.filter { $0 >= firstNew && claims[$0].bank == b }
                var bankClaim = own.reduce(0) { $0 + claims[$1].amount }
                if let bands = rules.nplBands {
                    let total = own.reduce(0) { $0 + claims[$1].base }
                    let v = atRiskPrincipal[b]
                    bankClaim = bands.reduce(0) { sum, band in
                        sum + band.ratio * min(max(0, total - band.from * v), (band.to - band.from) * v)
                    }
                    for i in own { claims[i].amount = total > 0 ? bankClaim * claims[i].base / total : 0 }
                }
                if let cap = rules.perBankAnnualCap, bankClaim > cap {
                    for i in own { claims[i].amount *= cap / bankClaim }
                    bankClaim = cap
                }
                for i in own { claims[i].outstanding = claims[i].amount }
                outcome.bankYears[b * horizon + t - 1].claims = bankClaim
                outcome.bankYears[b * horizon + t - 1].coverageFraction = coverage[b][t]
                let npl = atRiskPrincipal[b] > 0 ? defaultedPrincipal[b] / atRiskPrincipal[b] : 0
                outcome.bankYears[b * horizon + t - 1].nplRatio = npl
                if let limit = rules.suspendNPLAbove, npl > limit {
                    suspendedThrough[b] = max(suspendedThrough[b], t + rules.suspensionYears)
                }
            }

            // §6: the pool's account.
            var year = YearOutcome()
            year.openingBalance = balance
            year.interest = settings.interestRate * balance
            if rules.basis == .principal {
                for claim in claims {
                    for payment in claim.payments where max(payment.year + 1, claim.year + rules.recoveryLagYears) == t {
                        year.recoveries += (1 - claim.lgd) * payment.amount
                    }
                }
            }
            year.fixedTopUp = settings.replenishment.fixedTopUp(year: t)
            let available = year.available
            year.claims = claims.reduce(0) { $0 + $1.outstanding }
            year.newClaims = claims[firstNew...].reduce(0) { $0 + $1.amount }
            year.exhausted = year.claims > available
            if year.exhausted && outcome.exhaustionYear == nil { outcome.exhaustionYear = t }
            func pay(_ i: Int, _ amount: Double) {
                claims[i].outstanding -= amount
                claims[i].payments.append((t, amount))
                outcome.bankYears[claims[i].bank * horizon + t - 1].paid += amount
            }
            if !year.exhausted {
                for i in claims.indices where claims[i].outstanding > 0 { pay(i, claims[i].outstanding) }
            } else if settings.shortfall == .fifo {
                var money = available
                let order = claims.indices.filter { claims[$0].outstanding > 0 }
                    .sorted { (claims[$0].time, $0) < (claims[$1].time, $1) }
                for i in order {
                    let amount = min(money, claims[i].outstanding)
                    money -= amount
                    pay(i, amount)
                }
            } else {
                let share = available / year.claims
                for i in claims.indices where claims[i].outstanding > 0 { pay(i, share * claims[i].outstanding) }
            }
            year.paid = min(year.claims, available)
            for i in claims.indices where claims[i].outstanding > 0 {
                if settings.shortfall == .defer && t < horizon {
                    year.deferred += claims[i].outstanding
                } else {
                    year.unpaid += claims[i].outstanding
                    outcome.bankYears[claims[i].bank * horizon + t - 1].unpaid += claims[i].outstanding
                    claims[i].outstanding = 0
                }
            }
            for b in 0..<bankCount {
                year.defaults += outcome.bankYears[b * horizon + t - 1].defaults
                year.loss += outcome.bankYears[b * horizon + t - 1].loss
            }
            if settings.replenishment.mode == .restore {
                let target = settings.replenishment.target ?? settings.initialBalance
                year.restoreTopUp = min(settings.replenishment.annualBudget,
                                        max(0, target - (available - year.paid)))
            }
            year.closingBalance = available - year.paid + year.restoreTopUp
            balance = year.closingBalance
            outcome.years[t - 1] = year
        }
        return outcome
    }
}
