/// The percentile levels every statistic reports, with their names in results.
public let percentileLevels: [(name: String, level: Double)] = [
    ("p1", 0.01), ("p5", 0.05), ("p25", 0.25), ("p50", 0.50), ("p75", 0.75),
    ("p95", 0.95), ("p99", 0.99), ("p99.5", 0.995), ("p99.9", 0.999),
]

/// Summary statistics of one recorded quantity across trials (MODEL.md §7).
public struct Stat: Sendable, Equatable {
    public var mean: Double
    /// Sample standard deviation (n − 1 in the denominator; 0 for one trial).
    public var sd: Double
    /// Monte Carlo standard error of the mean, sd/√n.
    public var mcse: Double
    public var min: Double
    public var max: Double
    /// At the levels of `percentileLevels`, in that order.
    public var percentiles: [Double]

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
        let sorted = values.sorted()
        min = sorted.first!
        max = sorted.last!
        percentiles = percentileLevels.map { Self.percentile(sorted: sorted, $0.level) }
    }

    public func percentile(named name: String) -> Double? {
        percentileLevels.firstIndex { $0.name == name }.map { percentiles[$0] }
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
public struct ProbabilityEstimate: Sendable, Equatable {
    public var estimate: Double
    public var low: Double
    public var high: Double

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
