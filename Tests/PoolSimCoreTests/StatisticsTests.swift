import Foundation
import Testing
@testable import PoolSimCore

struct StatisticsTests {
    @Test("percentiles interpolate linearly between order statistics, as numpy does")
    func percentilesMatchNumpy() {
        let values: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3.5]
        let stat = Stat(values)
        // numpy.percentile(values, [1, 5, 25, 50, 75, 95, 99, 99.5, 99.9])
        let numpy = [1.0, 1.0, 2.25, 3.75, 5.0, 7.65, 8.73, 8.865, 8.973]
        for (value, expected) in zip(stat.percentiles, numpy) {
            #expect(abs(value - expected) < 1e-12)
        }
        #expect(stat.mean == 3.95)
        #expect(abs(stat.sd - 2.4545875417267156) < 1e-12)
        #expect(abs(stat.mcse - 2.4545875417267156 / 10.0.squareRoot()) < 1e-12)
        #expect(stat.min == 1 && stat.max == 9)
    }

    @Test("one trial: every statistic is the value, sd and mcse are 0")
    func singleTrial() {
        let stat = Stat([42])
        #expect(stat.mean == 42 && stat.sd == 0 && stat.mcse == 0)
        #expect(stat.percentiles.allSatisfy { $0 == 42 })
    }

    @Test("Wilson intervals match the closed form", arguments: [
        (0, 10, 0.0, 0.2775327998628892),
        (5, 20, 0.11186170140766569, 0.468700877618744),
        (20, 20, 0.8388748419471806, 1.0),
    ])
    func wilson(k: Int, n: Int, low: Double, high: Double) {
        let p = ProbabilityEstimate.wilson(successes: k, trials: n)
        #expect(p.estimate == Double(k) / Double(n))
        #expect(abs(p.low - low) < 1e-12)
        #expect(abs(p.high - high) < 1e-12)
    }

    /// Trials built by hand: claims per bank and exhaustion years chosen to check
    /// the identities the statistics promise.
    static func records(count: Int) -> (TrialRecords, [Bank]) {
        let scenario = Scenario(name: "s", horizonYears: 3, pool: PoolSettings(initialBalance: 100),
                                banks: [Bank(id: "a", name: "A"), Bank(id: "b", name: "B")])
        let loans = (0..<6).map { Loan(id: "L\($0)", bank: $0 % 2 == 0 ? "a" : "b", amount: 10 + Double($0), pd: 0.1,
                                       lgd: LGDSpec(mean: 1), originationYear: 1 + $0 % 3) }
        let rules = PoolRules(scenario: scenario, loans: loans)
        var records = TrialRecords(horizonYears: 3, bankCount: 2)
        var state: UInt64 = 1
        for _ in 0..<count {
            var defaults: [DefaultEvent] = []
            for (i, loan) in loans.enumerated() {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                if state >> 62 == 0 {
                    defaults.append(DefaultEvent(loan: i, year: loan.originationYear, lgd: 1, time: 0))
                }
            }
            defaults.sort { $0.year < $1.year }
            records.append(rules.settle(defaults))
        }
        return (records, scenario.banks)
    }

    @Test("bank tail contributions add up to ES99; exhaustion by year is cumulative")
    func identities() {
        let (records, banks) = Self.records(count: 5000)
        let s = RunStatistics(records: records, banks: banks, initialBalance: 100)
        let contributions = s.byBank.reduce(0) { $0 + $1.tailContribution99 }
        #expect(abs(contributions - s.claimsES[1]) < 1e-9 * s.claimsES[1])
        #expect(s.pExhaustionByYear.last == s.pExhaustion)
        #expect(zip(s.pExhaustionByYear, s.pExhaustionByYear.dropFirst()).allSatisfy { $0.estimate <= $1.estimate })
        #expect(s.claimsVaR[0] <= s.claimsVaR[1] && s.claimsVaR[1] <= s.claimsVaR[2])
        for (value, shortfall) in zip(s.claimsVaR, s.claimsES) { #expect(shortfall >= value) }
    }

    @Test("the pool-size curve is P(required pool > balance), and at the initial balance it is P(exhaustion)")
    func poolSize() {
        let (records, banks) = Self.records(count: 4000)
        let s = RunStatistics(records: records, banks: banks, initialBalance: 20)
        #expect(s.poolSize.available)
        let required = records.requiredPool
        for point in s.poolSize.curve {
            let share = Double(required.filter { $0 > point.initialBalance }.count) / Double(required.count)
            #expect(point.pExhaustion == share)
        }
        // Exhausted at the scenario's own balance exactly when it needed more.
        let exhausted = zip(records.exhaustionYear, required).filter { $0.0 > 0 }
        #expect(exhausted.allSatisfy { $0.1 > 100 })
        #expect(zip(records.exhaustionYear, required).filter { $0.0 == 0 }.allSatisfy { $0.1 <= 100 })
        // The balance for a ruin probability p is the (1 − p) quantile of the required pool.
        let sorted = required.sorted()
        for required in s.poolSize.required {
            #expect(required.initialBalance == Stat.percentile(sorted: sorted, 1 - required.ruinProbability))
        }
    }

    @Test("the results document renders the same bytes after a parse, and decodes to the same values")
    func jsonRoundTrip() throws {
        let (records, banks) = Self.records(count: 300)
        let s = RunStatistics(records: records, banks: banks, initialBalance: 100)
        let metadata = RunMetadata(gslVersion: "2.7.1", rng: "mt19937", seed: 1, trials: 300, trialsRequested: 300, jobs: 1,
                                   scenarioName: "s", scenarioSHA256: "0", overrides: ["a=1"], stress: nil,
                                   createdAt: "2026-01-01T00:00:00Z", elapsedSeconds: 0.5, stopReason: .completed)
        let text = RunResults(metadata: metadata, statistics: s).json()
        let parsed = try JSONValue(parsing: text)
        #expect(parsed.rendered() == text)
        #expect(parsed["schema_version"] == .int(1))
        #expect(parsed["summary"]?["claims_total"]?["percentiles"]?["p99.5"] != nil)
        let decoded = try RunResults(json: text)
        #expect(decoded.json() == text)
        #expect(decoded.statistics.valueAtRisk(.p99) == s.valueAtRisk(.p99))
        #expect(decoded.statistics.total(.claims) == s.total(.claims))
        #expect(decoded.metadata.stress == nil && decoded.metadata.overrides == ["a=1"])
        let foundation = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(foundation?["by_bank"] as? [Any] != nil)
    }

    @Test("JSON strings escape what they must and keep Chinese text")
    func jsonStrings() throws {
        let value = JSONValue.object([("name", .string("河北银行 \"quoted\"\n\u{1}")), ("x", .number(1e-5))])
        let text = value.rendered(indent: false)
        #expect(text == #"{"name":"河北银行 \"quoted\"\n\u0001","x":1e-05}"#)
        #expect(try JSONValue(parsing: text) == value)
    }
}

/// Order statistics by selection give exactly what sorting gives.
@Suite struct OrderStatisticsTests {
    /// A reproducible column: mostly zeros (years without claims), ties, a long tail.
    static func column(_ n: Int, seed: UInt64) -> [Double] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return (0..<n).map { _ in
            let u = Double(next() >> 11) / Double(1 << 53)
            return u < 0.6 ? 0 : u < 0.7 ? 250_000 : (-log(1 - u) * 1e6).rounded()
        }
    }

    @Test("every rank and quantile equals the sorted column's, exactly", arguments: [1, 2, 3, 24, 25, 100, 1_001, 20_000])
    func againstSorting(n: Int) {
        for seed in 1...5 {
            let values = Self.column(n, seed: UInt64(seed * 7919 + n))
            let sorted = values.sorted()
            let ranks = [0, n / 2, n - 1, n / 3, Swift.max(0, n - 2), n / 2]
            #expect(OrderStatistics.select(values, ranks: ranks) == ranks.map { sorted[$0] })
            let levels = Percentile.allCases.map(\.level) + [0.0, 1.0, 0.123]
            #expect(OrderStatistics.quantiles(values, levels) == levels.map { Stat.percentile(sorted: sorted, $0) })
        }
    }

    /// Importance-sampled quantiles by selection against a sort read from the
    /// top: weights in eighths, so that every sum is exact and the two must
    /// agree exactly, ties and weights of 0 included.
    @Test("weighted quantiles and tail shares equal a sorted column's, exactly", arguments: [1, 2, 25, 100, 1_001, 20_000])
    func weightedAgainstSorting(n: Int) {
        for seed in 1...5 {
            let values = Self.column(n, seed: UInt64(seed * 104_729 + n))
            let weights = Self.column(n, seed: UInt64(seed * 31 + n)).map { ($0.truncatingRemainder(dividingBy: 24)) / 8 }
            let levels = Percentile.allCases.map(\.level) + [0.0, 1.0, 0.123, 0.999]
            let reference = SortedWeighted(values: values, weights: weights)
            #expect(OrderStatistics.weightedQuantiles(values, weights: weights, levels) == levels.map(reference.quantile))
            let thresholds = [-1, 0, 1, 250_000, 250_001, 1e6, 5e6, 1e9]
            #expect(OrderStatistics.weightedShareAbove(values, weights: weights, thresholds: thresholds)
                == thresholds.map(reference.shareAbove))
        }
    }

    /// The reference: values sorted, and the weight above each summed from the top.
    struct SortedWeighted {
        var sorted: [Double] = []
        var above: [Double] = []
        /// Σw/n over every value.
        var everything = 0.0
        let n: Double

        init(values: [Double], weights: [Double]) {
            n = Double(values.count)
            let order = values.indices.sorted { values[$0] < values[$1] }
            sorted = order.map { values[$0] }
            above = Array(repeating: 0, count: order.count)
            var running = 0.0
            var end = order.count - 1
            while end >= 0 {
                var start = end
                while start > 0 && sorted[start - 1] == sorted[end] { start -= 1 }
                for k in start...end { above[k] = running / n }
                for k in start...end { running += weights[order[k]] }
                end = start - 1
            }
            everything = running / n
        }

        /// The smallest value x with Σw·1[X > x]/n ≤ 1 − q.
        func quantile(_ q: Double) -> Double {
            sorted[sorted.indices.first { above[$0] <= (1 - q) * (1 + 1e-12) }!]
        }

        /// Σw·1[X > x]/n: the weight above the largest value not above x.
        func shareAbove(_ x: Double) -> Double {
            guard let first = sorted.indices.first(where: { sorted[$0] > x }) else { return 0 }
            return first == 0 ? everything : above[first - 1]
        }
    }

    @Test("a column of one value, and one sorted backwards")
    func degenerate() {
        #expect(OrderStatistics.quantiles(Array(repeating: 7, count: 1000), [0.01, 0.5, 0.999]) == [7, 7, 7])
        let backwards = (0..<5000).map { Double(5000 - $0) }
        #expect(OrderStatistics.select(backwards, ranks: [0, 4999, 2500]) == [1, 5000, 2501])
    }

    @Test("the pool-size curve counts the trials above each balance as a sort would")
    func poolSizeCurve() {
        let required = Self.column(10_000, seed: 3)
        let size = RunStatistics.poolSize(requiredPool: required, weights: nil, initialBalance: 2e6)
        let sorted = required.sorted()
        for point in size.curve {
            let above = sorted.filter { $0 > point.initialBalance }.count
            #expect(point.pExhaustion == Double(above) / 10_000)
        }
        for level in size.required {
            #expect(level.initialBalance == Stat.percentile(sorted: sorted, 1 - level.ruinProbability))
        }
    }
}
