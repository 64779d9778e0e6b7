import Testing
@testable import PoolSimCore

/// Worked examples of the pool rules (README, "What a trial is"), small enough to
/// check by hand. Notation: B(t) closing balance, A(t) money available before
/// claims, C(t) claims due, f(t) coverage fraction of year-t originations.
/// Unless a test says otherwise: ratio 1, net-loss basis, pro-rata shortfall,
/// no interest, no top-ups, and LGD 1 (so a claim is the covered principal).
@Suite("Pool rules: worked examples")
struct PoolRulesTests {

    // MARK: - Claims (§5)

    @Test("Flat rule: ratio by loan type, per-loan cap")
    func flatRatioByTypeWithPerLoanCap() throws {
        var pool = PoolCase(horizon: 1, pool: PoolSettings(initialBalance: 100),
                            compensation: CompensationSettings(ratio: 0.5, ratioByType: ["ip_pledge": 0.8],
                                                               perLoanCap: 3))
        let credit = pool.loan(10, type: "credit")
        let pledge = pool.loan(10, type: "ip_pledge")
        let smallPledge = pool.loan(2, type: "ip_pledge")
        let secured = pool.loan(6, type: "secured")
        let outcome = pool.settle([
            .of(credit, year: 1, lgd: 0.4),       // loss 4;  ratio 0.5 (no own ratio) → 2
            .of(pledge, year: 1, lgd: 0.5),       // loss 5;  ratio 0.8 → 4, per-loan cap → 3
            .of(smallPledge, year: 1, lgd: 1),    // loss 2;  ratio 0.8 → 1.6 (under the cap)
            .of(secured, year: 1, lgd: 0.5),      // loss 3;  ratio 0.5 → 1.5
        ])
        // C(1) = 2 + 3 + 1.6 + 1.5 = 8.1 ≤ A(1) = 100 → all paid; B(1) = 100 − 8.1 = 91.9
        expectAccount(outcome.year(1), opening: 100, claims: 8.1, paid: 8.1, closing: 91.9)
        expectBank(outcome.bank(0, year: 1), claims: 8.1, paid: 8.1)
        #expect(outcome.year(1).defaults == 4)
        expectApprox(outcome.year(1).loss, 14)    // 4 + 5 + 2 + 3
        #expect(outcome.exhaustionYear == nil)
        // No shortfall needs B(0) ≥ C(1) = 8.1.
        expectApprox(try #require(outcome.requiredPool), 8.1)
    }

    @Test("Flat rule: a claim of 0 (LGD 0) still counts as a covered default")
    func zeroLossDefaultIsCounted() {
        var pool = PoolCase(horizon: 1, pool: PoolSettings(initialBalance: 10))
        let loan = pool.loan(5)
        let outcome = pool.settle([.of(loan, year: 1, lgd: 0)])
        // loss 5 × 0 = 0 → claim 0; the default is still one covered default.
        expectAccount(outcome.year(1), opening: 10, closing: 10)
        #expect(outcome.year(1).defaults == 1)
        #expect(outcome.uncoveredDefaults == 0)
    }

    @Test("Per-bank annual cap, then pro-rata payment of a shortfall")
    func perBankCapWithProRataPayment() throws {
        var pool = PoolCase(horizon: 1, banks: ["A", "B"], pool: PoolSettings(initialBalance: 4),
                            compensation: CompensationSettings(ratio: 0.5, perBankAnnualCap: 6))
        let a1 = pool.loan(10, bank: "A")
        let a2 = pool.loan(10, bank: "A")
        let b1 = pool.loan(8, bank: "B")
        let outcome = pool.settle([
            .of(a1, year: 1, lgd: 0.8),           // loss 8 → 0.5 × 8 = 4
            .of(a2, year: 1, lgd: 0.8),           // loss 8 → 4
            .of(b1, year: 1, lgd: 0.5),           // loss 4 → 2
        ])
        // Bank A: 4 + 4 = 8 > cap 6 → 6 (each claim × 6/8 = 0.75 → 3 and 3). Bank B: 2, under the cap.
        // C(1) = 6 + 2 = 8 > A(1) = 4 → exhausted; everyone is paid 4/8 = 0.5 of the claim:
        //   A paid 3, unpaid 3; B paid 1, unpaid 1.
        expectAccount(outcome.year(1), opening: 4, claims: 8, paid: 4, unpaid: 4, closing: 0, exhausted: true)
        expectBank(outcome.bank(pool.bank("A"), year: 1), claims: 6, paid: 3, unpaid: 3)
        expectBank(outcome.bank(pool.bank("B"), year: 1), claims: 2, paid: 1, unpaid: 1)
        expectApprox(outcome.bank(pool.bank("A"), year: 1).loss, 16)   // losses are not capped
        #expect(outcome.exhaustionYear == 1)
        expectApprox(try #require(outcome.requiredPool), 8)
    }

    @Test("Net-loss and principal bases: the same net cost once the recovery is back")
    func netLossVersusPrincipalBasis() {
        func run(_ basis: ClaimBasis, lag: Int = 1) -> TrialOutcome {
            var pool = PoolCase(horizon: 3, pool: PoolSettings(initialBalance: 100),
                                compensation: CompensationSettings(basis: basis, ratio: 0.8, recoveryLagYears: lag))
            let loan = pool.loan(10)
            return pool.settle([.of(loan, year: 1, lgd: 0.4)])
        }
        // Net loss: base = loss 10 × 0.4 = 4 → claim 0.8 × 4 = 3.2; nothing comes back.
        let net = run(.netLoss)
        expectAccount(net.year(1), opening: 100, claims: 3.2, paid: 3.2, closing: 96.8)
        expectAccount(net.year(2), opening: 96.8, closing: 96.8)
        expectAccount(net.year(3), opening: 96.8, closing: 96.8)

        // Principal: base = 10 → claim 0.8 × 10 = 8; the bank recovers 10 × (1 − 0.4) = 6 and the
        // pool, having paid 8/10 of the base, gets back 0.8 × 6 = 4.8 one year later (lag 1):
        //   B(1) = 100 − 8 = 92; B(2) = 92 + 4.8 = 96.8, the net-loss balance.
        let principal = run(.principal)
        expectAccount(principal.year(1), opening: 100, claims: 8, paid: 8, closing: 92)
        expectAccount(principal.year(2), opening: 92, recoveries: 4.8, closing: 96.8)
        expectAccount(principal.year(3), opening: 96.8, closing: 96.8)

        // Lag 2: the 4.8 arrives in year 3.
        let lagTwo = run(.principal, lag: 2)
        expectAccount(lagTwo.year(2), opening: 92, closing: 92)
        expectAccount(lagTwo.year(3), opening: 92, recoveries: 4.8, closing: 96.8)

        // Lag 3: it would arrive in year 4, after the horizon: not counted.
        let lagThree = run(.principal, lag: 3)
        #expect(lagThree.years.allSatisfy { $0.recoveries == 0 })
        expectApprox(lagThree.endBalance, 92)
    }

    @Test("Principal basis with partial payment: recoveries in proportion to what was paid")
    func principalBasisPartialPayment() throws {
        var pool = PoolCase(horizon: 3, pool: PoolSettings(initialBalance: 4),
                            compensation: CompensationSettings(basis: .principal, ratio: 1, recoveryLagYears: 1))
        let x = pool.loan(10)
        let y = pool.loan(6)
        let outcome = pool.settle([.of(x, year: 1, lgd: 0.4), .of(y, year: 1, lgd: 0.5)])
        // Claims: x 10, y 6 (principal). C(1) = 16 > A(1) = 4 → paid 4/16 = 25%: x 2.5, y 1.5; unpaid 12.
        expectAccount(outcome.year(1), opening: 4, claims: 16, paid: 4, unpaid: 12, closing: 0, exhausted: true)
        // Year 2: x's bank recovers 10 × 0.6 = 6, the pool paid 25% of x's base → 1.5;
        //         y's bank recovers 6 × 0.5 = 3 → 0.75. Recoveries 1.5 + 0.75 = 2.25.
        expectAccount(outcome.year(2), opening: 0, recoveries: 2.25, closing: 2.25)
        expectAccount(outcome.year(3), opening: 2.25, closing: 2.25)
        // The loss counted is still principal × LGD: 4 + 3 = 7.
        expectApprox(outcome.year(1).loss, 7)
        // Had the claims been paid in full, year 1 alone needs 16 (the recoveries come later).
        expectApprox(try #require(outcome.requiredPool), 16)
    }

    // MARK: NPL bands

    /// Three banks with V = 100 of covered principal at risk each, and the layers
    /// [2%, 5%) of V paid at 50% and [5%, 10%) at 80%; nothing below 2% or above 10%.
    private func bandedPool(basis: ClaimBasis = .netLoss, balance: Double = 100, horizon: Int = 1,
                            shortfall: ShortfallRule = .proRata,
                            bankCap: Double? = nil) -> (PoolCase, a1: Int, b1: Int, c1: Int, c2: Int) {
        let bands = [NPLBand(from: 0.02, to: 0.05, ratio: 0.5), NPLBand(from: 0.05, to: 0.10, ratio: 0.8)]
        var pool = PoolCase(horizon: horizon, banks: ["A", "B", "C"],
                            pool: PoolSettings(initialBalance: balance, shortfall: shortfall),
                            compensation: CompensationSettings(basis: basis, ratio: 1, perLoanCap: 0.1,
                                                               perBankAnnualCap: bankCap, nplBands: bands))
        let a1 = pool.loan(10, bank: "A")
        pool.loan(90, bank: "A")
        let b1 = pool.loan(10, bank: "B")
        pool.loan(90, bank: "B")
        let c1 = pool.loan(10, bank: "C")
        let c2 = pool.loan(10, bank: "C")
        pool.loan(80, bank: "C")
        return (pool, a1, b1, c1, c2)
    }

    @Test("NPL bands as layers: a bank below, inside and above the bands")
    func nplBandsAsLayers() {
        let (pool, a1, b1, c1, c2) = bandedPool()
        let outcome = pool.settle([
            .of(a1, year: 1, lgd: 0.1),           // A: L = 1
            .of(b1, year: 1, lgd: 0.4),           // B: L = 4
            .of(c1, year: 1, lgd: 1),             // C: L = 10 + 5 = 15
            .of(c2, year: 1, lgd: 0.5),
        ])
        // layer_j = clamp(L − from_j × V, 0, (to_j − from_j) × V) with V = 100:
        // A (1% of V, below):  clamp(1 − 2, 0, 3) = 0, clamp(1 − 5, 0, 5) = 0 → 0
        // B (4%, inside):      clamp(4 − 2, 0, 3) = 2 → 0.5 × 2 = 1; clamp(4 − 5, 0, 5) = 0 → 1
        // C (15%, above):      clamp(15 − 2, 0, 3) = 3 → 1.5; clamp(15 − 5, 0, 5) = 5 → 4 → 5.5
        // The per-loan cap (0.1) does not apply to banded claims. C(1) = 0 + 1 + 5.5 = 6.5.
        expectAccount(outcome.year(1), opening: 100, claims: 6.5, paid: 6.5, closing: 93.5)
        expectBank(outcome.bank(0, year: 1), claims: 0, paid: 0)
        expectBank(outcome.bank(1, year: 1), claims: 1, paid: 1)
        expectBank(outcome.bank(2, year: 1), claims: 5.5, paid: 5.5)
        // NPL ratios (defaulted covered principal ÷ V): 10/100, 10/100, 20/100.
        expectApprox(outcome.bank(0, year: 1).nplRatio, 0.1)
        expectApprox(outcome.bank(1, year: 1).nplRatio, 0.1)
        expectApprox(outcome.bank(2, year: 1).nplRatio, 0.2)
        #expect(outcome.year(1).defaults == 4)
    }

    @Test("NPL bands with the per-bank annual cap")
    func nplBandsWithBankCap() {
        let (pool, a1, b1, c1, c2) = bandedPool(bankCap: 4)
        let outcome = pool.settle([
            .of(a1, year: 1, lgd: 0.1), .of(b1, year: 1, lgd: 0.4),
            .of(c1, year: 1, lgd: 1), .of(c2, year: 1, lgd: 0.5),
        ])
        // As above, but C's banded claim 5.5 is capped at 4. C(1) = 0 + 1 + 4 = 5.
        expectAccount(outcome.year(1), opening: 100, claims: 5, paid: 5, closing: 95)
        expectBank(outcome.bank(2, year: 1), claims: 4, paid: 4)
    }

    @Test("NPL bands under fifo: the bank's claim is spread over its defaults by claim base")
    func nplBandsSpreadForFifo() {
        let (pool, a1, b1, c1, c2) = bandedPool(balance: 5, shortfall: .fifo)
        let outcome = pool.settle([
            .of(a1, year: 1, lgd: 0.1, time: 0.05),
            .of(c1, year: 1, lgd: 1, time: 0.1),
            .of(b1, year: 1, lgd: 0.4, time: 0.2),
            .of(c2, year: 1, lgd: 0.5, time: 0.3),
        ])
        // C's 5.5 is spread by base: c1 10/15 × 5.5 = 11/3, c2 5/15 × 5.5 = 11/6. B's claim 1; A's 0.
        // C(1) = 6.5 > A(1) = 5. In time order: a1 0 → 5 left; c1 11/3 → 4/3 left; b1 1 → 1/3 left;
        // c2 gets the last 1/3 of 11/6 (unpaid 11/6 − 1/3 = 1.5).
        expectAccount(outcome.year(1), opening: 5, claims: 6.5, paid: 5, unpaid: 1.5, closing: 0, exhausted: true)
        expectBank(outcome.bank(1, year: 1), claims: 1, paid: 1)
        expectBank(outcome.bank(2, year: 1), claims: 5.5, paid: 11.0 / 3 + 1.0 / 3, unpaid: 1.5)
    }

    @Test("NPL bands on the principal basis: recoveries follow each default's share")
    func nplBandsPrincipalRecoveries() {
        let (pool, _, _, c1, c2) = bandedPool(basis: .principal, horizon: 2)
        let outcome = pool.settle([.of(c1, year: 1, lgd: 1), .of(c2, year: 1, lgd: 0.5)])
        // C: L = 10 + 10 = 20 (principal), 20% of V → 1.5 + 4 = 5.5, spread 10/20 each → 2.75, 2.75.
        // Year 2: c1 recovers nothing (LGD 1); c2's pool share: (1 − 0.5) × 2.75 = 1.375.
        expectAccount(outcome.year(1), opening: 100, claims: 5.5, paid: 5.5, closing: 94.5)
        expectAccount(outcome.year(2), opening: 94.5, recoveries: 1.375, closing: 95.875)
    }

    // MARK: - Shortfall rules (§6)

    /// Two banks, B(0) = 2 and a fixed top-up of 4 a year; A's 10 defaults in year 1,
    /// B's 4 in year 2, A's 2 in year 3.
    private func threeYearShortfall(_ rule: ShortfallRule) -> (PoolCase, [DefaultEvent]) {
        var pool = PoolCase(horizon: 3, banks: ["A", "B"],
                            pool: PoolSettings(initialBalance: 2, shortfall: rule,
                                               replenishment: Replenishment(mode: .fixed, amount: 4)))
        let a1 = pool.loan(10, bank: "A")
        let b2 = pool.loan(4, bank: "B", originated: 2)
        let a3 = pool.loan(2, bank: "A", originated: 3)
        return (pool, [.of(a1, year: 1), .of(b2, year: 2), .of(a3, year: 3)])
    }

    @Test("Defer: carried claims, paid pro rata with new ones later, unpaid when the horizon ends")
    func deferAcrossYears() throws {
        let (pool, defaults) = threeYearShortfall(.defer)
        let outcome = pool.settle(defaults)
        let (a, b) = (pool.bank("A"), pool.bank("B"))
        // Y1: A(1) = 2 + 4 = 6 < C(1) = 10 → paid 6, 4 deferred.
        expectAccount(outcome.year(1), opening: 2, fixedTopUp: 4, claims: 10, paid: 6, deferred: 4,
                      closing: 0, exhausted: true)
        // Y2: C(2) = 4 carried + 4 new = 8 > A(2) = 4 → each paid 4/8: A's carried 2, B's new 2; 4 deferred.
        expectAccount(outcome.year(2), opening: 0, fixedTopUp: 4, claims: 8, newClaims: 4, paid: 4, deferred: 4,
                      closing: 0, exhausted: true)
        // Y3: C(3) = 4 carried + 2 new = 6 > A(3) = 4 → each paid 4/6 = 2/3: A's carried 2 → 4/3,
        //     B's carried 2 → 4/3, A's new 2 → 4/3. The horizon ends: the 2 still owed is unpaid
        //     (A 2/3 + 2/3 = 4/3, B 2/3).
        expectAccount(outcome.year(3), opening: 0, fixedTopUp: 4, claims: 6, newClaims: 2, paid: 4, unpaid: 2,
                      closing: 0, exhausted: true)
        expectBank(outcome.bank(a, year: 1), claims: 10, paid: 6)
        expectBank(outcome.bank(a, year: 2), claims: 0, paid: 2)
        expectBank(outcome.bank(a, year: 3), claims: 2, paid: 8.0 / 3, unpaid: 4.0 / 3)
        expectBank(outcome.bank(b, year: 2), claims: 4, paid: 2)
        expectBank(outcome.bank(b, year: 3), claims: 0, paid: 4.0 / 3, unpaid: 2.0 / 3)
        // Totals: new claims 10 + 4 + 2 = 16 = paid 6 + 4 + 4 = 14 + unpaid 2.
        expectApprox(outcome.claimsTotal, 16)
        expectApprox(outcome.paidTotal, 14)
        expectApprox(outcome.unpaidTotal, 2)
        #expect(outcome.exhaustionYear == 1)
        // Paid in full: B(0) + 4 ≥ 10, B(0) + 8 ≥ 14, B(0) + 12 ≥ 16 → B(0) = 6.
        expectApprox(try #require(outcome.requiredPool), 6)
    }

    @Test("Pro rata on the same defaults: the shortfall is borne at once, nothing carried")
    func proRataSameDefaults() {
        let (pool, defaults) = threeYearShortfall(.proRata)
        let outcome = pool.settle(defaults)
        // Y1: A(1) = 6 < 10 → paid 6, unpaid 4. Y2: A(2) = 4 = C(2) = 4 → paid, not exhausted (strict).
        // Y3: A(3) = 4 ≥ 2 → paid 2, B(3) = 2.
        expectAccount(outcome.year(1), opening: 2, fixedTopUp: 4, claims: 10, paid: 6, unpaid: 4,
                      closing: 0, exhausted: true)
        expectAccount(outcome.year(2), opening: 0, fixedTopUp: 4, claims: 4, paid: 4, closing: 0)
        expectAccount(outcome.year(3), opening: 0, fixedTopUp: 4, claims: 2, paid: 2, closing: 2)
        expectBank(outcome.bank(pool.bank("A"), year: 1), claims: 10, paid: 6, unpaid: 4)
    }

    @Test("Defer on the principal basis: a part paid later comes back the year after it is paid")
    func deferRecoveries() {
        func run(lag: Int, horizon: Int = 4) -> TrialOutcome {
            var pool = PoolCase(horizon: horizon,
                                pool: PoolSettings(initialBalance: 6, shortfall: .defer,
                                                   replenishment: Replenishment(mode: .fixed, schedule: [0, 4])),
                                compensation: CompensationSettings(basis: .principal, ratio: 1,
                                                                   recoveryLagYears: lag))
            let loan = pool.loan(10)
            return pool.settle([.of(loan, year: 1, lgd: 0.5)])
        }
        // Lag 1. Y1: claim 10, A(1) = 6 → paid 6, 4 deferred.
        let one = run(lag: 1)
        expectAccount(one.year(1), opening: 6, claims: 10, paid: 6, deferred: 4, closing: 0, exhausted: true)
        // Y2: recovery of the 6 paid in year 1: 0.5 × 6 = 3; A(2) = 0 + 3 + 4 = 7 ≥ 4 → paid 4, B(2) = 3.
        expectAccount(one.year(2), opening: 0, recoveries: 3, fixedTopUp: 4, claims: 4, newClaims: 0, paid: 4,
                      closing: 3)
        // Y3: the 4 paid in year 2 comes back the year after: 0.5 × 4 = 2 → B(3) = 5.
        expectAccount(one.year(3), opening: 3, recoveries: 2, closing: 5)
        expectAccount(one.year(4), opening: 5, closing: 5)

        // Lag 2. Y2: nothing back yet; A(2) = 4 = C(2) → paid 4, B(2) = 0.
        // Y3: both parts come back at the lag year (later than "year after payment" = 3 for both):
        //     0.5 × (6 + 4) = 5.
        let two = run(lag: 2)
        expectAccount(two.year(2), opening: 0, fixedTopUp: 4, claims: 4, newClaims: 0, paid: 4, closing: 0)
        expectAccount(two.year(3), opening: 0, recoveries: 5, closing: 5)

        // Lag 2 with a horizon of 2: the recovery would arrive in year 3, after the horizon.
        let short = run(lag: 2, horizon: 2)
        #expect(short.years.allSatisfy { $0.recoveries == 0 })
        expectApprox(short.endBalance, 0)
    }

    @Test("Fifo: claims paid in order of default time, the last one partly")
    func fifoWithExplicitTimes() {
        var pool = PoolCase(horizon: 1, banks: ["A", "B"], pool: PoolSettings(initialBalance: 10, shortfall: .fifo))
        let a = pool.loan(4, bank: "A")
        let b = pool.loan(5, bank: "A")
        let c = pool.loan(3, bank: "A")
        let d = pool.loan(2, bank: "B")
        let outcome = pool.settle([
            .of(a, year: 1, time: 0.7), .of(b, year: 1, time: 0.2),
            .of(c, year: 1, time: 0.5), .of(d, year: 1, time: 0.9),
        ])
        // C(1) = 4 + 5 + 3 + 2 = 14 > A(1) = 10. By time: b (0.2) 5 → 5 left; c (0.5) 3 → 2 left;
        // a (0.7) gets 2 of 4; d (0.9) nothing.
        expectAccount(outcome.year(1), opening: 10, claims: 14, paid: 10, unpaid: 4, closing: 0, exhausted: true)
        expectBank(outcome.bank(pool.bank("A"), year: 1), claims: 12, paid: 10, unpaid: 2)   // 5 + 3 + 2
        expectBank(outcome.bank(pool.bank("B"), year: 1), claims: 2, paid: 0, unpaid: 2)
    }

    @Test("Fifo on the principal basis: the partly paid claim recovers its paid share")
    func fifoPrincipalRecoveries() {
        var pool = PoolCase(horizon: 2, banks: ["A", "B"], pool: PoolSettings(initialBalance: 10, shortfall: .fifo),
                            compensation: CompensationSettings(basis: .principal, ratio: 1, recoveryLagYears: 1))
        let a = pool.loan(4, bank: "A")
        let b = pool.loan(5, bank: "A")
        let c = pool.loan(3, bank: "A")
        let d = pool.loan(2, bank: "B")
        let outcome = pool.settle([
            .of(a, year: 1, lgd: 0.25, time: 0.7), .of(b, year: 1, lgd: 0.5, time: 0.2),
            .of(c, year: 1, lgd: 0.5, time: 0.5), .of(d, year: 1, lgd: 0.5, time: 0.9),
        ])
        // Claims = principal, so the year-1 payments are as in the net example: b 5, c 3, a 2 (of 4), d 0.
        expectAccount(outcome.year(1), opening: 10, claims: 14, paid: 10, unpaid: 4, closing: 0, exhausted: true)
        // Year 2: b 0.5 × 5 = 2.5; c 0.5 × 3 = 1.5; a 0.75 × 2 = 1.5 (only the part paid); d 0 → 5.5.
        expectAccount(outcome.year(2), opening: 0, recoveries: 5.5, closing: 5.5)
    }

    @Test("Fifo: equal times are paid in list order")
    func fifoTiesInListOrder() {
        var pool = PoolCase(horizon: 1, banks: ["A", "B"], pool: PoolSettings(initialBalance: 4, shortfall: .fifo))
        let x = pool.loan(3, bank: "A")
        let y = pool.loan(3, bank: "B")
        // C(1) = 6 > A(1) = 4; both at time 0.5: the first listed is paid 3, the other 1.
        let xFirst = pool.settle([.of(x, year: 1, time: 0.5), .of(y, year: 1, time: 0.5)])
        expectBank(xFirst.bank(0, year: 1), claims: 3, paid: 3)
        expectBank(xFirst.bank(1, year: 1), claims: 3, paid: 1, unpaid: 2)
        let yFirst = pool.settle([.of(y, year: 1, time: 0.5), .of(x, year: 1, time: 0.5)])
        expectBank(yFirst.bank(0, year: 1), claims: 3, paid: 1, unpaid: 2)
        expectBank(yFirst.bank(1, year: 1), claims: 3, paid: 3)
    }

    // MARK: - Coverage (§3)

    @Test("Leverage cap: claims scaled by f; earlier cohorts take room; matured loans free it")
    func leverageCapCoverageFractions() {
        var pool = PoolCase(horizon: 3, banks: ["A", "B"], pool: PoolSettings(initialBalance: 10, leverageCap: 2))
        pool.loan(10, bank: "A", originated: 1, term: 2)
        let b1 = pool.loan(15, bank: "B", originated: 1)
        pool.loan(5, bank: "A", originated: 2)
        let b2 = pool.loan(10, bank: "B", originated: 2)
        let a3 = pool.loan(12, bank: "A", originated: 3)
        let outcome = pool.settle([.of(b1, year: 1, lgd: 0.25), .of(b2, year: 2, lgd: 1), .of(a3, year: 3, lgd: 0.5)])
        let (a, b) = (pool.bank("A"), pool.bank("B"))
        // Y1: room = 2 × B(0) − 0 = 20; requested 10 + 15 = 25 → f(1) = 20/25 = 0.8.
        //     b1: covered loss 0.8 × 15 × 0.25 = 3 → claim 3; B(1) = 7.
        expectApprox(outcome.bank(a, year: 1).coverageFraction, 0.8)
        expectApprox(outcome.bank(b, year: 1).coverageFraction, 0.8)
        expectAccount(outcome.year(1), opening: 10, claims: 3, paid: 3, closing: 7)
        expectApprox(outcome.year(1).loss, 3)
        // Y2: room = 2 × 7 − (A's year-1 loan still at risk, 0.8 × 10 = 8) = 6; requested 5 + 10 = 15
        //     → f(2) = 0.4. b2: covered loss 0.4 × 10 = 4 → claim 4; B(2) = 3.
        expectApprox(outcome.bank(a, year: 2).coverageFraction, 0.4)
        expectApprox(outcome.bank(b, year: 2).coverageFraction, 0.4)
        expectAccount(outcome.year(2), opening: 7, claims: 4, paid: 4, closing: 3)
        // Y3: everything earlier has matured → room = 2 × 3 − 0 = 6; requested 12 → f(3) = 0.5.
        //     a3: covered loss 0.5 × 12 × 0.5 = 3 → claim 3 = A(3) = 3 → paid in full (not exhausted).
        expectApprox(outcome.bank(a, year: 3).coverageFraction, 0.5)
        expectAccount(outcome.year(3), opening: 3, claims: 3, paid: 3, closing: 0)
        #expect(outcome.exhaustionYear == nil)
        #expect(outcome.requiredPool == nil)   // coverage depends on the balance
    }

    @Test("Leverage cap: no room leaves new loans uncovered; a defaulted loan frees room")
    func leverageCapNoRoomAndDefaultFreesRoom() {
        var pool = PoolCase(horizon: 3, pool: PoolSettings(initialBalance: 10, leverageCap: 1))
        let a1 = pool.loan(10, originated: 1, term: 3)
        let a2 = pool.loan(4, originated: 2)
        let a3 = pool.loan(10, originated: 3)
        let outcome = pool.settle([.of(a1, year: 2, lgd: 0.5), .of(a2, year: 2), .of(a3, year: 3)])
        // Y1: room 1 × 10 = 10, requested 10 → f(1) = 1.
        expectApprox(outcome.bank(0, year: 1).coverageFraction, 1)
        // Y2: room = 10 − 10 (a1 at risk) = 0 → f(2) = 0: a2's default is uncovered (no claim, not counted).
        //     a1 (covered in full) defaults: loss 5 → claim 5; B(2) = 5.
        expectApprox(outcome.bank(0, year: 2).coverageFraction, 0)
        expectAccount(outcome.year(2), opening: 10, claims: 5, paid: 5, closing: 5)
        #expect(outcome.year(2).defaults == 1)
        expectApprox(outcome.year(2).loss, 5)
        // Y3: a1 left the portfolio → room = 1 × 5 − 0 = 5; requested 10 → f(3) = 0.5.
        //     a3: 0.5 × 10 = 5 → claim 5 = A(3) → paid, B(3) = 0.
        expectApprox(outcome.bank(0, year: 3).coverageFraction, 0.5)
        expectAccount(outcome.year(3), opening: 5, claims: 5, paid: 5, closing: 0)
        #expect(outcome.uncoveredDefaults == 1)
        #expect(outcome.defaultsTotal == 2)
    }

    @Test("Leverage cap: a cap filled to the last yuan leaves no room, whatever the rounding")
    func leverageCapFullLeavesNoRoom() {
        var pool = PoolCase(horizon: 2, banks: ["A", "B"], pool: PoolSettings(initialBalance: 10, leverageCap: 1))
        pool.loan(2.5, bank: "A", originated: 1, term: 2)
        pool.loan(12.5, bank: "B", originated: 1, term: 2)
        let a2 = pool.loan(5, bank: "A", originated: 2)
        let outcome = pool.settle([.of(a2, year: 2)])
        // Y1: room 1 × 10 = 10, requested 2.5 + 12.5 = 15 → f(1) = 2/3. No defaults: B(1) = 10.
        // Y2: room = 10 − (2/3 × 2.5 + 2/3 × 12.5) = 10 − 10 = 0 → f(2) = 0: a2's default is uncovered.
        //     In doubles the sum is 9.999999999999998; the 1.8e-15 left is rounding, not room, and
        //     must not cover a2 at a fraction of 3.6e-16 (which would count it as a covered default).
        expectApprox(outcome.bank(0, year: 1).coverageFraction, 2.0 / 3)
        #expect(outcome.bank(0, year: 2).coverageFraction == 0)
        #expect(outcome.year(2).defaults == 0)
        #expect(outcome.uncoveredDefaults == 1)
    }

    @Test("Leverage cap: the per-loan cap applies to the scaled claim")
    func leverageCapThenPerLoanCap() {
        var pool = PoolCase(horizon: 1, pool: PoolSettings(initialBalance: 10, leverageCap: 1),
                            compensation: CompensationSettings(ratio: 1, perLoanCap: 6))
        let loan = pool.loan(20)
        let outcome = pool.settle([.of(loan, year: 1)])
        // f(1) = 10/20 = 0.5 → claim min(1 × 0.5 × 20, 6) = min(10, 6) = 6; B(1) = 4.
        expectAccount(outcome.year(1), opening: 10, claims: 6, paid: 6, closing: 4)
    }

    @Test("Pool floor with restore top-ups: below s × B(0) nothing new is covered")
    func poolFloorWithRestore() {
        var pool = PoolCase(horizon: 3, pool: PoolSettings(
            initialBalance: 10, replenishment: Replenishment(mode: .restore, annualBudget: 3), suspendBelow: 0.5))
        let a0 = pool.loan(2, originated: 1, term: 3)
        let a1 = pool.loan(8, originated: 1)
        let a2 = pool.loan(4, originated: 2)
        let a3 = pool.loan(6, originated: 3)
        let outcome = pool.settle([.of(a1, year: 1), .of(a2, year: 2), .of(a0, year: 3), .of(a3, year: 3)])
        // Floor: s × B(0) = 0.5 × 10 = 5. Restore target = B(0) = 10, budget 3.
        // Y1: claim 8 → 10 − 8 = 2; restore min(3, 10 − 2) = 3 → B(1) = 5.
        expectAccount(outcome.year(1), opening: 10, claims: 8, paid: 8, restoreTopUp: 3, closing: 5)
        // Y2: B(1) = 5 is not below 5 → covered. claim 4 → 1; restore min(3, 9) = 3 → B(2) = 4.
        expectApprox(outcome.bank(0, year: 2).coverageFraction, 1)
        expectAccount(outcome.year(2), opening: 5, claims: 4, paid: 4, restoreTopUp: 3, closing: 4)
        // Y3: B(2) = 4 < 5 → f(3) = 0: a3 is uncovered. a0 (originated in year 1) keeps its cover:
        //     claim 2 → 2; restore min(3, 8) = 3 → B(3) = 5.
        expectApprox(outcome.bank(0, year: 3).coverageFraction, 0)
        expectAccount(outcome.year(3), opening: 4, claims: 2, paid: 2, restoreTopUp: 3, closing: 5)
        #expect(outcome.uncoveredDefaults == 1)
        #expect(outcome.requiredPool == nil)
    }

    @Test("Bank suspension: a breach in year t suspends originations of t+1 … t+Y, not of t")
    func bankSuspensionTiming() throws {
        var pool = PoolCase(horizon: 5, banks: ["A", "B", "C"], pool: PoolSettings(initialBalance: 1000),
                            compensation: CompensationSettings(ratio: 1, suspendNPLAbove: 0.1, suspensionYears: 2))
        pool.loan(100, bank: "A", originated: 1, term: 5)
        let a1b = pool.loan(10, bank: "A", originated: 1, term: 5)
        let a2x = pool.loan(20, bank: "A", originated: 2)
        let a3 = pool.loan(5, bank: "A", originated: 3)
        let a4 = pool.loan(5, bank: "A", originated: 4)
        let a5 = pool.loan(5, bank: "A", originated: 5)
        pool.loan(1000, bank: "B", originated: 1, term: 5)
        let b3 = pool.loan(10, bank: "B", originated: 3)
        pool.loan(90, bank: "C", originated: 1, term: 2)
        let c1x = pool.loan(10, bank: "C", originated: 1)
        let c2 = pool.loan(10, bank: "C", originated: 2)
        let outcome = pool.settle([
            .of(c1x, year: 1),
            .of(a2x, year: 2), .of(c2, year: 2),
            .of(a3, year: 3), .of(a1b, year: 3), .of(b3, year: 3),
            .of(a4, year: 4),
            .of(a5, year: 5),
        ])
        let (a, b, c) = (pool.bank("A"), pool.bank("B"), pool.bank("C"))
        // Y1: C's NPL = 10 / (90 + 10) = 0.1, not above 0.1 → no suspension. Claim 10.
        expectApprox(outcome.bank(c, year: 1).nplRatio, 0.1)
        // Y2: A's NPL = 20 / (100 + 10 + 20) = 0.1538 > 0.1 → A's originations of years 3 and 4 are not
        //     covered. a2x itself (originated in the breach year) is covered: claim 20.
        //     C's NPL = 10 / (90 + 10) = 0.1 again → no suspension. Claims 20 + 10 = 30.
        expectApprox(outcome.bank(a, year: 2).nplRatio, 20.0 / 130)
        expectAccount(outcome.year(2), opening: 990, claims: 30, paid: 30, closing: 960)
        // Y3: a3 (originated in 3) is uncovered; a1b (originated in 1) keeps its cover: claim 10.
        //     B is unaffected: b3 claim 10. A's NPL = 10 / (100 + 10) (a3 is not covered) < 0.1.
        expectAccount(outcome.year(3), opening: 960, claims: 20, paid: 20, closing: 940)
        expectApprox(outcome.bank(a, year: 3).nplRatio, 10.0 / 110)
        // Y4: a4 uncovered, no claims. Y5: the suspension is over: a5 claims 5.
        expectAccount(outcome.year(4), opening: 940, closing: 940)
        expectAccount(outcome.year(5), opening: 940, claims: 5, paid: 5, closing: 935)
        #expect((1...5).map { outcome.bank(a, year: $0).coverageFraction } == [1, 1, 0, 0, 1])
        #expect((1...5).map { outcome.bank(b, year: $0).coverageFraction } == [1, 1, 1, 1, 1])
        #expect((1...5).map { outcome.bank(c, year: $0).coverageFraction } == [1, 1, 1, 1, 1])
        #expect(outcome.uncoveredDefaults == 2)
        #expect(outcome.years.map(\.defaults) == [1, 2, 2, 0, 1])
        // Suspension depends on defaults only, not on the balance: the required pool is defined,
        // 10 + 30 + 20 + 0 + 5 = 65.
        expectApprox(try #require(outcome.requiredPool), 65)
    }

    @Test("Bank suspension with the leverage cap: a suspended bank requests no room")
    func suspensionWithLeverageCap() {
        var pool = PoolCase(horizon: 2, banks: ["A", "B"], pool: PoolSettings(initialBalance: 100, leverageCap: 1),
                            compensation: CompensationSettings(ratio: 1, suspendNPLAbove: 0.5))
        let a1 = pool.loan(10, bank: "A", originated: 1)
        let a2 = pool.loan(100, bank: "A", originated: 2)
        let b2 = pool.loan(120, bank: "B", originated: 2)
        let outcome = pool.settle([.of(a1, year: 1), .of(a2, year: 2), .of(b2, year: 2, lgd: 0.5)])
        // Y1: A's NPL = 10/10 = 1 > 0.5 → A suspended for year-2 originations. Claim 10 → B(1) = 90.
        // Y2: room = 1 × 90 − 0 = 90; requested = B's 120 only → f(2) = 0.75 (A's loans get 0).
        //     b2: covered loss 0.75 × 120 × 0.5 = 45 → claim 45; a2 is uncovered. B(2) = 45.
        expectApprox(outcome.bank(pool.bank("A"), year: 2).coverageFraction, 0)
        expectApprox(outcome.bank(pool.bank("B"), year: 2).coverageFraction, 0.75)
        expectAccount(outcome.year(2), opening: 90, claims: 45, paid: 45, closing: 45)
        #expect(outcome.uncoveredDefaults == 1)
    }

    // MARK: - Inflows (§6)

    @Test("Interest on the opening balance, with a fixed top-up")
    func interest() throws {
        var pool = PoolCase(horizon: 3, pool: PoolSettings(
            initialBalance: 10, interestRate: 0.1, replenishment: Replenishment(mode: .fixed, amount: 2)))
        let loan = pool.loan(5, originated: 2)
        let outcome = pool.settle([.of(loan, year: 2)])
        // Y1: 10 + 0.1 × 10 + 2 = 13.  Y2: 13 + 1.3 + 2 = 16.3 − 5 = 11.3.  Y3: 11.3 + 1.13 + 2 = 14.43.
        expectAccount(outcome.year(1), opening: 10, interest: 1, fixedTopUp: 2, closing: 13)
        expectAccount(outcome.year(2), opening: 13, interest: 1.3, fixedTopUp: 2, claims: 5, paid: 5, closing: 11.3)
        expectAccount(outcome.year(3), opening: 11.3, interest: 1.13, fixedTopUp: 2, closing: 14.43)
        // Required: A(2) = 1.21 B(0) + 1.1 × 2 + 2 ≥ 5 → B(0) = 0.8 / 1.21 = 0.661157…
        expectApprox(try #require(outcome.requiredPool), 0.8 / 1.21)
    }

    @Test("Fixed top-up: a yearly amount, and a schedule that ends")
    func fixedTopUp() throws {
        func run(_ replenishment: Replenishment) -> TrialOutcome {
            var pool = PoolCase(horizon: 3, pool: PoolSettings(initialBalance: 2, replenishment: replenishment))
            let l1 = pool.loan(4, originated: 1)
            let l2 = pool.loan(4, originated: 2)
            let l3 = pool.loan(1, originated: 3)
            return pool.settle([.of(l1, year: 1), .of(l2, year: 2), .of(l3, year: 3)])
        }
        // Amount 3 a year. Y1: 2 + 3 − 4 = 1.  Y2: 1 + 3 = 4 = C(2) → paid, B(2) = 0.  Y3: 0 + 3 − 1 = 2.
        let amount = run(Replenishment(mode: .fixed, amount: 3))
        expectAccount(amount.year(1), opening: 2, fixedTopUp: 3, claims: 4, paid: 4, closing: 1)
        expectAccount(amount.year(2), opening: 1, fixedTopUp: 3, claims: 4, paid: 4, closing: 0)
        expectAccount(amount.year(3), opening: 0, fixedTopUp: 3, claims: 1, paid: 1, closing: 2)
        #expect(amount.year(1).topUp == 3)
        #expect(amount.exhaustionYear == nil)
        // Σ (C − F): 1, 2, 0 → B(0) = 2.
        expectApprox(try #require(amount.requiredPool), 2)

        // Schedule [5, 1]: year 3 gets nothing. Y1: 2 + 5 − 4 = 3.  Y2: 3 + 1 − 4 = 0.
        // Y3: A(3) = 0 < C(3) = 1 → exhausted, paid 0, unpaid 1.
        let schedule = run(Replenishment(mode: .fixed, schedule: [5, 1]))
        expectAccount(schedule.year(1), opening: 2, fixedTopUp: 5, claims: 4, paid: 4, closing: 3)
        expectAccount(schedule.year(2), opening: 3, fixedTopUp: 1, claims: 4, paid: 4, closing: 0)
        expectAccount(schedule.year(3), opening: 0, claims: 1, unpaid: 1, closing: 0, exhausted: true)
        #expect(schedule.exhaustionYear == 3)
        // Σ (C − F): −1, 2, 3 → B(0) = 3.
        expectApprox(try #require(schedule.requiredPool), 3)
    }

    @Test("Restore top-up: budget and target; the target defaults to the initial balance")
    func restoreTopUp() {
        func run(initial: Double, target: Double?, budget: Double, claims: [Double]) -> TrialOutcome {
            var pool = PoolCase(horizon: claims.count, pool: PoolSettings(
                initialBalance: initial, replenishment: Replenishment(mode: .restore, target: target,
                                                                       annualBudget: budget)))
            var defaults: [DefaultEvent] = []
            for (t, claim) in claims.enumerated() where claim > 0 {
                defaults.append(.of(pool.loan(claim, originated: t + 1), year: t + 1))
            }
            return pool.settle(defaults)
        }
        // Target 10, budget 4.  Y1: 10 − 7 = 3 → min(4, 10 − 3) = 4 → 7.
        //   Y2: 7 − 1 = 6 → min(4, 4) = 4 → 10.  Y3: 10 → min(4, 0) = 0 → 10.
        let budgetBound = run(initial: 10, target: 10, budget: 4, claims: [7, 1, 0])
        expectAccount(budgetBound.year(1), opening: 10, claims: 7, paid: 7, restoreTopUp: 4, closing: 7)
        expectAccount(budgetBound.year(2), opening: 7, claims: 1, paid: 1, restoreTopUp: 4, closing: 10)
        expectAccount(budgetBound.year(3), opening: 10, closing: 10)

        // Target 5.  Y1: 3 → min(4, 2) = 2 → 5.  Y2: 4 → 1 → 5.  Y3: 5 → 0.
        let targetBound = run(initial: 10, target: 5, budget: 4, claims: [7, 1, 0])
        expectAccount(targetBound.year(1), opening: 10, claims: 7, paid: 7, restoreTopUp: 2, closing: 5)
        expectAccount(targetBound.year(2), opening: 5, claims: 1, paid: 1, restoreTopUp: 1, closing: 5)
        expectAccount(targetBound.year(3), opening: 5, closing: 5)

        // No target: it is B(0) = 8.  Y1: 8 − 7 = 1 → min(4, 7) = 4 → 5.  Y2: 5 − 1 = 4 → 4 → 8.
        let initialTarget = run(initial: 8, target: nil, budget: 4, claims: [7, 1, 0])
        expectAccount(initialTarget.year(1), opening: 8, claims: 7, paid: 7, restoreTopUp: 4, closing: 5)
        expectAccount(initialTarget.year(2), opening: 5, claims: 1, paid: 1, restoreTopUp: 4, closing: 8)
        expectAccount(initialTarget.year(3), opening: 8, closing: 8)

        // After a shortfall: B(0) = 5, claim 7 → paid 5, unpaid 2; restore min(4, 5 − 0) = 4 → 4.
        let afterShortfall = run(initial: 5, target: nil, budget: 4, claims: [7])
        expectAccount(afterShortfall.year(1), opening: 5, claims: 7, paid: 5, unpaid: 2, restoreTopUp: 4,
                      closing: 4, exhausted: true)
    }

    // MARK: - Exhaustion and the required pool (§6)

    @Test("Exhaustion year: the first year with C > A, strictly")
    func exhaustionYear() {
        var pool = PoolCase(horizon: 4, pool: PoolSettings(initialBalance: 10))
        let claims: [Double] = [4, 6, 1, 2]
        let defaults = claims.enumerated().map { t, claim in
            DefaultEvent.of(pool.loan(claim, originated: t + 1), year: t + 1)
        }
        let outcome = pool.settle(defaults)
        // Y1: A 10 ≥ 4 → 6.  Y2: A 6 = C 6 → not exhausted → 0.  Y3: A 0 < 1 → exhausted.  Y4: A 0 < 2.
        #expect(outcome.years.map(\.exhausted) == [false, false, true, true])
        #expect(outcome.exhaustionYear == 3)
        expectAccount(outcome.year(2), opening: 6, claims: 6, paid: 6, closing: 0)
        expectAccount(outcome.year(3), opening: 0, claims: 1, unpaid: 1, closing: 0, exhausted: true)
    }

    /// One bank, one loan per year with these claims (LGD 1, ratio 1).
    private func claimsPool(_ claims: [Double], pool settings: PoolSettings,
                            compensation: CompensationSettings = CompensationSettings(ratio: 1),
                            lgd: [Double]? = nil) -> TrialOutcome {
        var pool = PoolCase(horizon: claims.count, pool: settings, compensation: compensation)
        var defaults: [DefaultEvent] = []
        for (t, amount) in claims.enumerated() where amount > 0 {
            defaults.append(.of(pool.loan(amount, originated: t + 1), year: t + 1, lgd: lgd?[t] ?? 1))
        }
        return pool.settle(defaults)
    }

    @Test("Required pool: the running sum of claims, whatever the shortfall rule and balance")
    func requiredPoolBasic() throws {
        // Claims 3, 5, 2: B(0) ≥ 3, ≥ 8, ≥ 10 → 10, whether B(0) is 1 or 100 and whatever the rule.
        for rule in ShortfallRule.allCases {
            for initial in [1.0, 100.0] {
                let outcome = claimsPool([3, 5, 2], pool: PoolSettings(initialBalance: initial, shortfall: rule))
                expectApprox(try #require(outcome.requiredPool), 10, "\(rule) at \(initial)")
            }
        }
        // Exactly 10 has no shortfall (A(3) = 2 = C(3)); anything less runs short in year 3.
        #expect(claimsPool([3, 5, 2], pool: PoolSettings(initialBalance: 10)).exhaustionYear == nil)
        #expect(claimsPool([3, 5, 2], pool: PoolSettings(initialBalance: 9.999)).exhaustionYear == 3)
        // No claims, or top-ups that cover them: 0.
        expectApprox(try #require(claimsPool([0, 0], pool: PoolSettings(initialBalance: 5)).requiredPool), 0)
        let covered = claimsPool([3, 3], pool: PoolSettings(
            initialBalance: 5, replenishment: Replenishment(mode: .fixed, amount: 3)))
        expectApprox(try #require(covered.requiredPool), 0)
    }

    @Test("Required pool on the principal basis counts recoveries of full payment")
    func requiredPoolWithRecoveries() throws {
        let compensation = CompensationSettings(basis: .principal, ratio: 1, recoveryLagYears: 1)
        // Y1: claim 10 (LGD 0.4); had it been paid in full, 0.6 × 10 = 6 comes back in year 2.
        // Y2: claim 8. B(0) ≥ 10 and B(0) − 10 + 6 ≥ 8 → B(0) = 12, even though with B(0) = 5 the
        // trial itself paid only 5 and got back 3.
        let short = claimsPool([10, 8], pool: PoolSettings(initialBalance: 5), compensation: compensation,
                               lgd: [0.4, 1])
        expectApprox(short.year(2).recoveries, 3)
        expectApprox(try #require(short.requiredPool), 12)
        let enough = claimsPool([10, 8], pool: PoolSettings(initialBalance: 12), compensation: compensation,
                                lgd: [0.4, 1])
        #expect(enough.exhaustionYear == nil)
        expectAccount(enough.year(2), opening: 2, recoveries: 6, claims: 8, paid: 8, closing: 0)
    }

    @Test("Required pool with interest")
    func requiredPoolWithInterest() throws {
        // Claim 12.1 in year 2 at 10%: 1.1² × B(0) ≥ 12.1 → B(0) = 10.
        let outcome = claimsPool([0, 12.1], pool: PoolSettings(initialBalance: 1, interestRate: 0.1))
        expectApprox(try #require(outcome.requiredPool), 10)
        // Claim 11 in year 1: 1.1 × B(0) ≥ 11 → B(0) = 10.
        let early = claimsPool([11, 0], pool: PoolSettings(initialBalance: 1, interestRate: 0.1))
        expectApprox(try #require(early.requiredPool), 10)
    }

    /// The bisection used with restore top-ups stops within max(1e-9 × B, 1e-6).
    private let bisectionTolerance = 1e-6

    @Test("Required pool with restore top-ups: the budget and the target")
    func requiredPoolWithRestore() throws {
        // Claims 7, 6, budget 2, target B(0). Y1 leaves B(0) − 7, topped up by min(2, 7) = 2,
        // so Y2 needs B(0) − 5 ≥ 6 → B(0) = 11.
        let initialTarget = claimsPool([7, 6], pool: PoolSettings(
            initialBalance: 1, replenishment: Replenishment(mode: .restore, annualBudget: 2)))
        let required = try #require(initialTarget.requiredPool)
        expectApprox(required, 11, tolerance: bisectionTolerance)
        #expect(required >= 11)
        // Target 5: the top-up is min(2, max(0, 5 − (B(0) − 7))). For B(0) < 12 it brings the balance
        // to at most 5 < 6; for B(0) ≥ 12 there is none, and B(0) − 7 ≥ 6 → B(0) = 13.
        let lowTarget = claimsPool([7, 6], pool: PoolSettings(
            initialBalance: 1, replenishment: Replenishment(mode: .restore, target: 5, annualBudget: 2)))
        expectApprox(try #require(lowTarget.requiredPool), 13, tolerance: bisectionTolerance)
        // Fixed top-ups are in the basic configurations' tests above (fixedTopUp).
    }

    @Test("Required pool far below the money flowing through the pool (rounding of large flows)",
          .timeLimit(.minutes(1)))
    func requiredPoolBelowRoundingOfFlows() throws {
        // Y1: a claim of 1e6 met exactly by a fixed top-up of 1e6; Y2: a claim of 3e-9, at 10% interest.
        // Closed form: B(0) = 3e-9 / 1.21 = 2.479e-9. But A(1) = B(0) + 0.1 B(0) + 1e6 rounds to a
        // multiple of ulp(1e6) = 1.16e-10, and with B(0) = 2.479e-9 what is left, × 1.1, is 2.945e-9 < 3e-9:
        // the pool's own arithmetic needs about one ulp(1e6) more. Found in a few steps, not ~1e13.
        var pool = PoolCase(horizon: 2, pool: PoolSettings(
            initialBalance: 0, interestRate: 0.1, replenishment: Replenishment(mode: .fixed, schedule: [1e6, 0])))
        let big = pool.loan(1e6, originated: 1)
        let tiny = pool.loan(3e-9, originated: 2)
        let defaults: [DefaultEvent] = [.of(big, year: 1), .of(tiny, year: 2)]
        let required = try #require(pool.settle(defaults).requiredPool)
        expectApprox(required, 3e-9 / 1.21, tolerance: 1e-9)   // within rounding of the 1e6 flows
        pool.pool.initialBalance = required
        #expect(pool.settle(defaults).exhaustionYear == nil)
    }

    @Test("Required pool is not available with a leverage cap or a pool floor")
    func requiredPoolNotAvailable() {
        let withCap = claimsPool([3, 5], pool: PoolSettings(initialBalance: 100, leverageCap: 10))
        #expect(withCap.requiredPool == nil)
        let withFloor = claimsPool([3, 5], pool: PoolSettings(initialBalance: 100, suspendBelow: 0.1))
        #expect(withFloor.requiredPool == nil)
        // The rest of the trial is settled as usual.
        expectApprox(withFloor.endBalance, 92)
    }
}
