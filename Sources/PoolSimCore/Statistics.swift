/// The percentile levels every statistic reports, with their names in results.
public enum Percentile: Int, CaseIterable, Sendable {
    case p1, p5, p25, p50, p75, p95, p99, p99_5, p99_9

    public var level: Double {
        switch self {
        case .p1: 0.01
        case .p5: 0.05
        case .p25: 0.25
        case .p50: 0.50
        case .p75: 0.75
        case .p95: 0.95
        case .p99: 0.99
        case .p99_5: 0.995
        case .p99_9: 0.999
        }
    }

    /// The name in results ("p99.5").
    public var name: String {
        switch self {
        case .p99_5: "p99.5"
        case .p99_9: "p99.9"
        default: "p\(Int((level * 100).rounded()))"
        }
    }
}

/// Summary statistics of one recorded quantity across trials (README, "What a trial is").
public struct Stat: Sendable, Equatable {
    public var mean: Double
    /// Sample standard deviation (n − 1 in the denominator; 0 for one trial).
    public var sd: Double
    /// Monte Carlo standard error of the mean, sd/√n.
    public var mcse: Double
    public var min: Double
    public var max: Double
    /// At the levels of `Percentile`, in that order.
    public var percentiles: [Double]

    public init(mean: Double, sd: Double, mcse: Double, min: Double, max: Double, percentiles: [Double]) {
        self.mean = mean
        self.sd = sd
        self.mcse = mcse
        self.min = min
        self.max = max
        self.percentiles = percentiles
    }

    /// The statistics of `values` (at least one).
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "statistics of no trials")
        let n = Double(values.count)
        // Two passes for an accurate variance; in trial order, so results do not
        // depend on how trials were spread over threads.
        var sum = 0.0
        for v in values { sum += v }
        let mean = sum / n
        var squares = 0.0
        for v in values { squares += (v - mean) * (v - mean) }
        self.mean = mean
        sd = values.count > 1 ? (squares / (n - 1)).squareRoot() : 0
        mcse = sd / n.squareRoot()
        var low = values[0], high = values[0]
        for v in values {
            low = Swift.min(low, v)
            high = Swift.max(high, v)
        }
        min = low
        max = high
        percentiles = OrderStatistics.quantiles(values, Percentile.allCases.map(\.level))
    }

    public func percentile(_ level: Percentile) -> Double { percentiles[level.rawValue] }

    public func percentile(named name: String) -> Double? {
        Percentile.allCases.first { $0.name == name }.map(percentile)
    }

    /// The q-quantile of sorted values by linear interpolation between order
    /// statistics (numpy's default, "linear"): position q·(n−1).
    public static func percentile(sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = Swift.min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return sorted[below] + (sorted[above] - sorted[below]) * fraction
    }
}

/// A probability estimated from k successes in n trials, with its Wilson score interval.
public struct ProbabilityEstimate: Sendable, Equatable, Codable {
    public var estimate: Double
    public var low: Double
    public var high: Double

    enum CodingKeys: String, CodingKey { case estimate, low = "ci_low", high = "ci_high" }

    public init(estimate: Double, low: Double, high: Double) {
        self.estimate = estimate
        self.low = low
        self.high = high
    }

    /// z = Φ⁻¹(0.975): a 95% interval.
    public static let z95 = 1.959963984540054

    /// The estimate k/n with its 95% Wilson interval.
    public static func wilson(successes k: Int, trials n: Int, z: Double = z95) -> ProbabilityEstimate {
        precondition(n > 0 && k >= 0 && k <= n)
        let p = Double(k) / Double(n)
        let nn = Double(n)
        let z2 = z * z
        let denominator = 1 + z2 / nn
        let centre = (p + z2 / (2 * nn)) / denominator
        let half = z / denominator * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()
        return ProbabilityEstimate(estimate: p, low: Swift.max(0, centre - half), high: Swift.min(1, centre + half))
    }
}

// MARK: - Importance-sampled statistics

extension Stat {
    /// The statistics of importance-sampled values: trial i counts with its
    /// likelihood ratio wᵢ, and estimates are the unbiased averages over the n
    /// trials drawn (not self-normalised, whose denominator is too noisy when
    /// the shift is large): mean = Σwx/n with standard error sd(wx)/√n;
    /// sd² = Σw(x − mean)²/n; a percentile at level q is the smallest value x
    /// with Σw·1[X > x]/n ≤ 1 − q (the tail read from the trials above it);
    /// min and max are over every trial drawn.
    public init(_ values: [Double], weights: [Double]) {
        precondition(!values.isEmpty && values.count == weights.count, "statistics of no trials")
        let n = Double(values.count)
        var weightedSum = 0.0
        for i in values.indices { weightedSum += weights[i] * values[i] }
        let mean = weightedSum / n
        var spread = 0.0
        var products = 0.0
        for i in values.indices {
            let d = values[i] - mean
            spread += weights[i] * d * d
            let e = weights[i] * values[i] - mean
            products += e * e
        }
        self.mean = mean
        sd = (Swift.max(0, spread) / n).squareRoot()
        mcse = values.count > 1 ? (products / (n - 1) / n).squareRoot() : 0
        min = values.min()!
        max = values.max()!
        percentiles = OrderStatistics.weightedQuantiles(values, weights: weights, Percentile.allCases.map(\.level))
    }
}

extension ProbabilityEstimate {
    /// An importance-sampled probability Σw·1[event]/n, with a 95% normal
    /// interval from the standard error sd(w·1[event])/√n, clipped to [0, 1].
    public static func weighted(events: [Bool], weights: [Double], z: Double = z95) -> ProbabilityEstimate {
        precondition(!events.isEmpty && events.count == weights.count)
        let n = Double(events.count)
        var hit = 0.0
        for i in events.indices where events[i] { hit += weights[i] }
        let p = hit / n
        var squared = 0.0
        for i in events.indices {
            let d = (events[i] ? weights[i] : 0) - p
            squared += d * d
        }
        let se = events.count > 1 ? (squared / (n - 1) / n).squareRoot() : 0
        return ProbabilityEstimate(estimate: p, low: Swift.max(0, p - z * se), high: Swift.min(1, p + z * se))
    }

    /// The standard error behind a weighted estimate's interval.
    public var standardError: Double { (high - low) / (2 * ProbabilityEstimate.z95) }
}
