import PoolSimRandom

/// The concrete loan list of a run (README, "What a trial is"): the loan tape's loans, then
/// every segment expanded into loans.
///
/// Order, which fixes both the list and the amounts drawn: tape loans in file
/// order; then banks in scenario order, their segments in order, years 1…H,
/// loans N = 1…count. A segment loan is named `BANK-SEGMENT-YEAR-N`. Lognormal
/// amounts, min(draw, max), are drawn in that order from the one stream
/// (`seed`, `.portfolio`, 0), so every trial of a run sees the same portfolio
/// and the same seed always gives the same amounts.
public struct Portfolio: Sendable, Equatable {
    public let loans: [Loan]

    public init(loans: [Loan]) {
        self.loans = loans
    }

    /// Expands `scenario`, whose parameters the loader has validated.
    public init(scenario: Scenario, generatorType: GeneratorType, seed: UInt64) {
        var loans = scenario.tapeLoans
        let generator = RandomGenerator(type: generatorType, seed: seed, purpose: .portfolio, index: 0)
        for bank in scenario.banks {
            for segment in bank.segments {
                let drawAmount: () -> Double
                switch segment.amount {
                case let .fixed(amount):
                    drawAmount = { amount }
                case let .lognormal(median, sigma, maximum):
                    guard let distribution = try? LogNormal(median: median, sigma: sigma) else {
                        preconditionFailure("invalid lognormal amount in a validated scenario: \(median), \(sigma)")
                    }
                    let cap = maximum ?? .infinity
                    drawAmount = { min(distribution.sample(using: generator), cap) }
                }
                for year in stride(from: 1, through: scenario.horizonYears, by: 1) {
                    let count = segment.loanCount(year: year)
                    for number in stride(from: 1, through: count, by: 1) {
                        let amount = drawAmount()
                        loans.append(Loan(
                            id: "\(bank.id)-\(segment.name)-\(year)-\(number)", bank: bank.id, type: segment.type,
                            sector: segment.sector, amount: amount, pd: segment.pd, lgd: segment.lgd,
                            originationYear: year, termYears: segment.termYears))
                    }
                }
            }
        }
        self.loans = loans
    }

    /// Total principal, yuan.
    public var totalAmount: Double { loans.reduce(0) { $0 + $1.amount } }
}
