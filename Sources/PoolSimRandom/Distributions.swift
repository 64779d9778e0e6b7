import CGSL

/// A probability distribution that can be sampled. Values are validated when
/// built; `sample(using:)` never checks again.
public protocol Distribution: Sendable {
    associatedtype Value
    func sample(using generator: RandomGenerator) -> Value
}

/// The standard normal N(0, 1), drawn by GSL's ziggurat method.
public struct StandardNormal: Distribution, Equatable {
    public init() {}
    @inlinable public func sample(using generator: RandomGenerator) -> Double {
        gsl_ran_gaussian_ziggurat(generator.state, 1.0)
    }
}

/// The uniform distribution on [low, high).
public struct Uniform: Distribution, Equatable {
    public let low: Double
    public let high: Double

    public init(low: Double = 0, high: Double = 1) throws(RandomError) {
        guard low.isFinite, high.isFinite, low < high else {
            throw .invalidParameter(distribution: "uniform", message: "need finite low < high, got [\(low), \(high))")
        }
        self.low = low
        self.high = high
    }

    @inlinable public func sample(using generator: RandomGenerator) -> Double {
        gsl_ran_flat(generator.state, low, high)
    }
}

/// Beta distribution given by its mean m ∈ (0, 1) and standard deviation sd.
///
/// Shapes a = m·k, b = (1−m)·k with k = m(1−m)/sd² − 1, which needs
/// 0 < sd² < m(1−m). sd = 0 is the point mass at m (any m in [0, 1]).
public struct BetaDistribution: Distribution, Equatable {
    public let mean: Double
    public let sd: Double
    /// GSL's shape parameters; zero for the point mass.
    public let a: Double
    public let b: Double

    public init(mean: Double, sd: Double) throws(RandomError) {
        guard mean.isFinite, sd.isFinite, (0...1).contains(mean), sd >= 0 else {
            throw .invalidParameter(distribution: "beta", message: "need mean in [0, 1] and sd ≥ 0, got mean \(mean), sd \(sd)")
        }
        self.mean = mean
        self.sd = sd
        if sd == 0 {
            a = 0
            b = 0
            return
        }
        let variance = sd * sd
        guard variance < mean * (1 - mean) else {
            let limit = (mean * (1 - mean)).squareRoot()
            throw .invalidParameter(
                distribution: "beta",
                message: "sd must be below √(mean(1−mean)) = \(limit) for mean \(mean), got \(sd)")
        }
        let k = mean * (1 - mean) / variance - 1
        a = mean * k
        b = (1 - mean) * k
    }

    public var isDegenerate: Bool { sd == 0 }

    @inlinable public func sample(using generator: RandomGenerator) -> Double {
        isDegenerate ? mean : gsl_ran_beta(generator.state, a, b)
    }

    /// P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        if isDegenerate { return x < mean ? 0 : 1 }
        return gsl_cdf_beta_P(x, a, b)
    }
}

/// Gamma distribution with shape k > 0 and scale θ > 0 (mean kθ, variance kθ²),
/// drawn by GSL's Marsaglia–Tsang method.
public struct GammaDistribution: Distribution, Equatable {
    public let shape: Double
    public let scale: Double

    public init(shape: Double, scale: Double) throws(RandomError) {
        guard shape.isFinite, scale.isFinite, shape > 0, scale > 0 else {
            throw .invalidParameter(distribution: "gamma", message: "need shape > 0 and scale > 0, got \(shape), \(scale)")
        }
        self.shape = shape
        self.scale = scale
    }

    /// The Gamma with the given mean and variance (shape m²/v, scale v/m).
    public init(mean: Double, variance: Double) throws(RandomError) {
        guard mean.isFinite, variance.isFinite, mean > 0, variance > 0 else {
            throw .invalidParameter(distribution: "gamma", message: "need mean > 0 and variance > 0, got \(mean), \(variance)")
        }
        try self.init(shape: mean * mean / variance, scale: variance / mean)
    }

    @inlinable public func sample(using generator: RandomGenerator) -> Double {
        gsl_ran_gamma(generator.state, shape, scale)
    }

    public func cdf(_ x: Double) -> Double { gsl_cdf_gamma_P(x, shape, scale) }
}

/// Chi-squared distribution with ν > 0 degrees of freedom.
public struct ChiSquared: Distribution, Equatable {
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) throws(RandomError) {
        guard degreesOfFreedom.isFinite, degreesOfFreedom > 0 else {
            throw .invalidParameter(distribution: "chi-squared", message: "need degrees of freedom > 0, got \(degreesOfFreedom)")
        }
        self.degreesOfFreedom = degreesOfFreedom
    }

    @inlinable public func sample(using generator: RandomGenerator) -> Double {
        gsl_ran_chisq(generator.state, degreesOfFreedom)
    }

    public func cdf(_ x: Double) -> Double { gsl_cdf_chisq_P(x, degreesOfFreedom) }
}

/// Lognormal distribution given by its median and σ (the sd of its logarithm).
public struct LogNormal: Distribution, Equatable {
    public let median: Double
    public let sigma: Double

    public init(median: Double, sigma: Double) throws(RandomError) {
        guard median.isFinite, sigma.isFinite, median > 0, sigma >= 0 else {
            throw .invalidParameter(distribution: "lognormal", message: "need median > 0 and sigma ≥ 0, got \(median), \(sigma)")
        }
        self.median = median
        self.sigma = sigma
    }

    @inlinable public func sample(using generator: RandomGenerator) -> Double {
        sigma == 0 ? median : gsl_ran_lognormal(generator.state, log(median), sigma)
    }

    public func cdf(_ x: Double) -> Double {
        if sigma == 0 { return x < median ? 0 : 1 }
        return gsl_cdf_lognormal_P(x, log(median), sigma)
    }
}

/// Binomial distribution: successes in n trials of probability p.
public struct Binomial: Distribution, Equatable {
    public let n: Int
    public let p: Double

    public init(n: Int, p: Double) throws(RandomError) {
        guard n >= 0, n <= Int(UInt32.max), p.isFinite, (0...1).contains(p) else {
            throw .invalidParameter(distribution: "binomial", message: "need 0 ≤ n < 2³² and p in [0, 1], got n \(n), p \(p)")
        }
        self.n = n
        self.p = p
    }

    @inlinable public func sample(using generator: RandomGenerator) -> Int {
        Int(gsl_ran_binomial(generator.state, p, UInt32(n)))
    }

    /// P(X = k).
    public func probability(_ k: Int) -> Double {
        guard k >= 0, k <= n else { return 0 }
        return gsl_ran_binomial_pdf(UInt32(k), p, UInt32(n))
    }
}

/// Geometric distribution on {1, 2, …}: the number of Bernoulli(p) trials up to
/// and including the first success. Used to jump between defaults.
public struct Geometric: Distribution, Equatable {
    public let p: Double

    public init(p: Double) throws(RandomError) {
        guard p.isFinite, p > 0, p <= 1 else {
            throw .invalidParameter(distribution: "geometric", message: "need p in (0, 1], got \(p)")
        }
        self.p = p
    }

    @inlinable public func sample(using generator: RandomGenerator) -> Int {
        Int(gsl_ran_geometric(generator.state, p))
    }
}
