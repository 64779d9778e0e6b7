@testable import PoolSimRandom

/// Goodness-of-fit tests for the sampler checks: Kolmogorov–Smirnov for
/// continuous distributions, binned chi-square for discrete ones.
///
/// Every check draws from a generator with a fixed seed, so a pass or a fail
/// is reproducible; the thresholds are set for a false-alarm rate of about
/// 1 in 1000 per check had the seed been chosen at random.
enum GoodnessOfFit {
    /// Draws per check.
    static let draws = 100_000

    /// The seed of every sampler check's generator.
    static let seed: UInt32 = 12_345

    /// The asymptotic Kolmogorov critical value for α = 0.001:
    /// P(√n·D > x) ≈ 2·exp(−2x²) = 0.001 gives x = √(ln(2000)/2) ≈ 1.9495.
    static let ksCriticalValue = 1.95

    /// Chi-square checks fail when P(χ² ≥ statistic) falls below this.
    static let minimumPValue = 1e-3

    /// Bins are pooled until each expects at least this many draws, so the
    /// chi-square approximation holds.
    static let minimumExpectedCount = 5.0

    /// `count` draws of `distribution` from a fresh generator seeded with `seed`.
    static func sample<D: Distribution>(
        _ distribution: D, count: Int = draws, seed: UInt32 = seed, type: GeneratorType = .mt19937
    ) -> [D.Value] {
        let generator = RandomGenerator(type: type, seed: seed)
        return (0..<count).map { _ in distribution.sample(using: generator) }
    }

    /// The Kolmogorov–Smirnov statistic scaled by √n: √n · sup |Fₙ(x) − F(x)|,
    /// to be compared with `ksCriticalValue`.
    static func kolmogorovSmirnov(_ sample: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = sample.sorted()
        let n = Double(sorted.count)
        var distance = 0.0
        for (i, x) in sorted.enumerated() {
            let f = cdf(x)
            distance = max(distance, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return distance * n.squareRoot()
    }

    struct ChiSquareResult: CustomStringConvertible {
        let statistic: Double
        let degreesOfFreedom: Int
        let pValue: Double
        var description: String {
            "χ² = \(statistic) on \(degreesOfFreedom) degrees of freedom, p = \(pValue)"
        }
    }

    /// Pearson's chi-square test of integer draws against P(X = k).
    ///
    /// Bins run over `support`, which starts at the smallest possible value,
    /// pooled left to right until each expects at least `minimumExpectedCount`
    /// draws. The last bin also holds everything above the support, with the
    /// probability the other bins leave, so `support` may cut off an infinite tail.
    static func chiSquare(
        _ sample: [Int], support: ClosedRange<Int>, probability: (Int) -> Double
    ) -> ChiSquareResult {
        let n = Double(sample.count)
        var counts = [Int: Int]()
        for k in sample { counts[min(max(k, support.lowerBound), support.upperBound), default: 0] += 1 }

        var bins: [(observed: Double, expected: Double)] = []
        var observed = 0.0
        var expected = 0.0
        for k in support {
            observed += Double(counts[k] ?? 0)
            expected += n * probability(k)
            if expected >= minimumExpectedCount {
                bins.append((observed, expected))
                (observed, expected) = (0, 0)
            }
        }
        // The last bin takes what is left over, including the tail beyond the support.
        let closedExpected = bins.reduce(0) { $0 + $1.expected }
        let closedObserved = bins.reduce(0) { $0 + $1.observed }
        let tail = (observed: n - closedObserved, expected: max(n - closedExpected, 0))
        if tail.expected >= minimumExpectedCount || bins.isEmpty {
            bins.append(tail)
        } else {
            bins[bins.count - 1].observed += tail.observed
            bins[bins.count - 1].expected += tail.expected
        }

        let statistic = bins.reduce(0) { sum, bin in
            let d = bin.observed - bin.expected
            return sum + d * d / bin.expected
        }
        let degreesOfFreedom = bins.count - 1
        let pValue = degreesOfFreedom > 0
            ? Probability.chiSquaredUpperTail(statistic, degreesOfFreedom: Double(degreesOfFreedom))
            : 1
        return ChiSquareResult(statistic: statistic, degreesOfFreedom: degreesOfFreedom, pValue: pValue)
    }

    /// Sample mean and (unbiased) variance.
    static func moments(_ sample: [Double]) -> (mean: Double, variance: Double) {
        let n = Double(sample.count)
        let mean = sample.reduce(0, +) / n
        let variance = sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return (mean, variance)
    }
}
