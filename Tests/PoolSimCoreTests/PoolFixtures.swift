import Testing
@testable import PoolSimCore

/// A small pool for the pool-rules tests: banks, loans and settings, built up
/// loan by loan so a test can name its loans and settle hand-written defaults.
struct PoolCase {
    var horizon: Int
    var banks: [String] = ["A"]
    var pool: PoolSettings
    var compensation: CompensationSettings
    private(set) var loans: [Loan] = []

    init(horizon: Int, banks: [String] = ["A"], pool: PoolSettings,
         compensation: CompensationSettings = CompensationSettings(ratio: 1)) {
        self.horizon = horizon
        self.banks = banks
        self.pool = pool
        self.compensation = compensation
    }

    /// Adds a loan of `amount` yuan, at risk in years `originated` … `originated + term − 1`;
    /// returns its index in the loan list (what a `DefaultEvent` names).
    @discardableResult
    mutating func loan(_ amount: Double, bank: String = "A", type: String = "credit",
                       originated: Int = 1, term: Int = 1) -> Int {
        loans.append(Loan(id: "L\(loans.count)", bank: bank, type: type, amount: amount, pd: 0.01,
                          lgd: LGDSpec(mean: 0.5), originationYear: originated, termYears: term))
        return loans.count - 1
    }

    var scenario: Scenario {
        Scenario(name: "pool-rules-test", horizonYears: horizon, pool: pool, compensation: compensation,
                 banks: banks.map { Bank(id: $0, name: "Bank \($0)") }, tapeLoans: loans)
    }

    var rules: PoolRules { PoolRules(scenario: scenario, loans: loans) }

    func settle(_ defaults: [DefaultEvent]) -> TrialOutcome { rules.settle(defaults) }

    /// The index of bank `id` in the outcome's bank rows.
    func bank(_ id: String) -> Int { banks.firstIndex(of: id)! }
}

extension DefaultEvent {
    /// Loan `loan` defaults in `year` with this LGD, at `time` within the year.
    static func of(_ loan: Int, year: Int, lgd: Double = 1, time: Double = 0.5) -> DefaultEvent {
        DefaultEvent(loan: loan, year: year, lgd: lgd, time: time)
    }
}

/// Expects `actual` within `tolerance` of `expected` (absolute).
func expectApprox(_ actual: Double, _ expected: Double, tolerance: Double = 1e-9,
                  _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(actual - expected) <= tolerance,
            "\(what.isEmpty ? "" : what + ": ")\(actual) is not within \(tolerance) of \(expected)",
            sourceLocation: sourceLocation)
}

/// Expects one year's account, line by line (README, "What a trial is"). Lines not given must be 0;
/// `newClaims` defaults to `claims` (nothing carried in).
func expectAccount(_ year: YearOutcome, opening: Double, interest: Double = 0, recoveries: Double = 0,
                   fixedTopUp: Double = 0, claims: Double = 0, newClaims: Double? = nil, paid: Double = 0,
                   unpaid: Double = 0, deferred: Double = 0, restoreTopUp: Double = 0, closing: Double,
                   exhausted: Bool = false, tolerance: Double = 1e-9,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    let lines: [(String, Double, Double)] = [
        ("opening", year.openingBalance, opening), ("interest", year.interest, interest),
        ("recoveries", year.recoveries, recoveries), ("fixed top-up", year.fixedTopUp, fixedTopUp),
        ("claims due", year.claims, claims), ("new claims", year.newClaims, newClaims ?? claims),
        ("paid", year.paid, paid), ("unpaid", year.unpaid, unpaid), ("deferred", year.deferred, deferred),
        ("restore top-up", year.restoreTopUp, restoreTopUp), ("closing", year.closingBalance, closing),
    ]
    for (name, actual, expected) in lines {
        expectApprox(actual, expected, tolerance: tolerance, name, sourceLocation: sourceLocation)
    }
    #expect(year.exhausted == exhausted, "exhausted", sourceLocation: sourceLocation)
}

/// Expects one bank's part of one year: new claims (after caps), paid and unpaid.
func expectBank(_ row: BankYearOutcome, claims: Double, paid: Double, unpaid: Double = 0,
                tolerance: Double = 1e-9, sourceLocation: SourceLocation = #_sourceLocation) {
    expectApprox(row.claims, claims, tolerance: tolerance, "bank claims", sourceLocation: sourceLocation)
    expectApprox(row.paid, paid, tolerance: tolerance, "bank paid", sourceLocation: sourceLocation)
    expectApprox(row.unpaid, unpaid, tolerance: tolerance, "bank unpaid", sourceLocation: sourceLocation)
}
