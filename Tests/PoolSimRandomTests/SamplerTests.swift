import Foundation
import Testing
@testable import PoolSimRandom

/// Each sampler against its own CDF or probability mass function, over
/// `GoodnessOfFit.draws` draws with a fixed seed. Continuous samplers must give
/// √n·D below the Kolmogorov critical value 1.95 (α ≈ 0.001); discrete ones a
/// binned chi-square p-value above 0.001.
@Suite("Samplers match their distributions")
struct SamplerTests {
    typealias Fit = GoodnessOfFit

    // MARK: Continuous

    @Test("StandardNormal matches Φ")
    func standardNormal() {
        let scaledD = Fit.kolmogorovSmirnov(Fit.sample(StandardNormal()), cdf: Probability.normalCDF)
        #expect(scaledD < Fit.ksCriticalValue)
    }

    @Test("Uniform matches its CDF", arguments: [(0.0, 1.0), (-3.0, 7.0), (1e6, 1e6 + 0.5)])
    func uniform(low: Double, high: Double) throws {
        let distribution = try Uniform(low: low, high: high)
        let draws = Fit.sample(distribution)
        #expect(draws.allSatisfy { $0 >= low && $0 < high })
        let scaledD = Fit.kolmogorovSmirnov(draws) { x in min(max((x - low) / (high - low), 0), 1) }
        #expect(scaledD < Fit.ksCriticalValue)
    }

    /// Includes the LGD-like 0.6 ± 0.2, a skewed small mean, and a U-shaped
    /// case with both shapes below 1 (a ≈ 0.094, b ≈ 0.22).
    @Test("BetaDistribution(mean:sd:) matches its CDF",
          arguments: [(0.6, 0.2), (0.5, 0.1), (0.05, 0.03), (0.3, 0.4), (0.9, 0.05)])
    func beta(mean: Double, sd: Double) throws {
        let distribution = try BetaDistribution(mean: mean, sd: sd)
        // The shapes reproduce the requested moments.
        let a = distribution.a, b = distribution.b
        #expect(abs(a / (a + b) - mean) < 1e-12)
        #expect(abs((a * b / ((a + b) * (a + b) * (a + b + 1))).squareRoot() - sd) < 1e-12)

        let draws = Fit.sample(distribution)
        #expect(draws.allSatisfy { (0...1).contains($0) })
        let scaledD = Fit.kolmogorovSmirnov(draws, cdf: distribution.cdf)
        #expect(scaledD < Fit.ksCriticalValue)
    }

    @Test("BetaDistribution with sd 0 is the point mass at its mean", arguments: [0.0, 0.6, 1.0])
    func betaDegenerate(mean: Double) throws {
        let distribution = try BetaDistribution(mean: mean, sd: 0)
        #expect(distribution.isDegenerate)
        #expect(Fit.sample(distribution, count: 1000).allSatisfy { $0 == mean })
        #expect(distribution.cdf(mean) == 1)
        #expect(distribution.cdf(mean.nextDown) == 0)
    }

    /// Shape below 1 (GSL's boost-and-correct branch), exactly 1 (exponential) and above 1.
    @Test("GammaDistribution matches its CDF", arguments: [(0.3, 2.0), (1.0, 1.0), (3.7, 0.8), (50.0, 0.1)])
    func gamma(shape: Double, scale: Double) throws {
        let distribution = try GammaDistribution(shape: shape, scale: scale)
        let draws = Fit.sample(distribution)
        #expect(draws.allSatisfy { $0 >= 0 })
        let scaledD = Fit.kolmogorovSmirnov(draws, cdf: distribution.cdf)
        #expect(scaledD < Fit.ksCriticalValue)
    }

    /// The sample mean and variance lie within 5 standard errors of the requested
    /// ones. For Gamma(k, θ) the sample variance has standard error
    /// σ²·√((2 + 6/k)/n) (excess kurtosis 6/k).
    @Test("GammaDistribution(mean:variance:) has that mean and variance",
          arguments: [(2.0, 8.0), (0.15, 0.01), (10.0, 4.0)])
    func gammaMoments(mean: Double, variance: Double) throws {
        let distribution = try GammaDistribution(mean: mean, variance: variance)
        #expect(abs(distribution.shape * distribution.scale - mean) <= 1e-12 * mean)
        #expect(abs(distribution.shape * distribution.scale * distribution.scale - variance) <= 1e-12 * variance)

        let (sampleMean, sampleVariance) = Fit.moments(Fit.sample(distribution))
        let n = Double(Fit.draws)
        let meanError = (variance / n).squareRoot()
        let varianceError = variance * ((2 + 6 / distribution.shape) / n).squareRoot()
        #expect(abs(sampleMean - mean) < 5 * meanError)
        #expect(abs(sampleVariance - variance) < 5 * varianceError)
    }

    @Test("ChiSquared matches its CDF", arguments: [1.0, 4.5, 30.0])
    func chiSquared(degreesOfFreedom: Double) throws {
        let distribution = try ChiSquared(degreesOfFreedom: degreesOfFreedom)
        let scaledD = Fit.kolmogorovSmirnov(Fit.sample(distribution), cdf: distribution.cdf)
        #expect(scaledD < Fit.ksCriticalValue)
    }

    @Test("LogNormal(median:sigma:) matches its CDF", arguments: [(1.5, 0.8), (0.02, 2.0), (100.0, 0.05)])
    func logNormal(median: Double, sigma: Double) throws {
        let distribution = try LogNormal(median: median, sigma: sigma)
        let draws = Fit.sample(distribution)
        #expect(draws.allSatisfy { $0 > 0 })
        // Half the draws lie below the median, within 5 binomial standard errors.
        let below = Double(draws.count { $0 < median })
        #expect(abs(below - 0.5 * Double(draws.count)) < 5 * (0.25 * Double(draws.count)).squareRoot())
        let scaledD = Fit.kolmogorovSmirnov(draws, cdf: distribution.cdf)
        #expect(scaledD < Fit.ksCriticalValue)
    }

    @Test("LogNormal with sigma 0 is the point mass at its median")
    func logNormalDegenerate() throws {
        let distribution = try LogNormal(median: 2.5, sigma: 0)
        #expect(Fit.sample(distribution, count: 1000).allSatisfy { $0 == 2.5 })
        #expect(distribution.cdf(2.5) == 1)
        #expect(distribution.cdf(2.5.nextDown) == 0)
    }

    // MARK: Discrete

    /// Small n (inversion), large n·p (GSL's BTPE), rare events and p near 1.
    @Test("Binomial matches its probabilities",
          arguments: [(10, 0.3), (1000, 0.4), (1000, 0.01), (50, 0.97), (100_000, 0.002)])
    func binomial(n: Int, p: Double) throws {
        let distribution = try Binomial(n: n, p: p)
        let draws = Fit.sample(distribution)
        #expect(draws.allSatisfy { (0...n).contains($0) })
        let result = Fit.chiSquare(draws, support: 0...n, probability: distribution.probability)
        #expect(result.degreesOfFreedom >= 5, "\(result)")
        #expect(result.pValue > Fit.minimumPValue, "\(result)")
    }

    @Test("Binomial with n = 0, p = 0 or p = 1 is a point mass",
          arguments: [(0, 0.5, 0), (20, 0.0, 0), (20, 1.0, 20)])
    func binomialDegenerate(n: Int, p: Double, value: Int) throws {
        let distribution = try Binomial(n: n, p: p)
        #expect(Fit.sample(distribution, count: 1000).allSatisfy { $0 == value })
        #expect(distribution.probability(value) == 1)
    }

    @Test("Binomial.probability sums to 1 and is 0 outside 0...n")
    func binomialProbability() throws {
        let distribution = try Binomial(n: 40, p: 0.35)
        let total = (0...40).reduce(0.0) { $0 + distribution.probability($1) }
        #expect(abs(total - 1) < 1e-12)
        #expect(distribution.probability(-1) == 0)
        #expect(distribution.probability(41) == 0)
    }

    /// P(X = k) = (1 − p)^(k−1)·p on k = 1, 2, …; the support is cut where the
    /// tail is negligible and the last bin takes the rest.
    @Test("Geometric matches (1 − p)^(k−1)·p", arguments: [0.3, 0.01, 0.9])
    func geometric(p: Double) throws {
        let distribution = try Geometric(p: p)
        let draws = Fit.sample(distribution)
        #expect(draws.allSatisfy { $0 >= 1 })
        let upper = Int((30 / p).rounded(.up))
        let result = Fit.chiSquare(draws, support: 1...upper) { k in
            p * pow(1 - p, Double(k - 1))
        }
        #expect(result.pValue > Fit.minimumPValue, "\(result)")
    }

    @Test("Geometric with p = 1 is always 1")
    func geometricDegenerate() throws {
        #expect(Fit.sample(try Geometric(p: 1), count: 1000).allSatisfy { $0 == 1 })
    }

    // MARK: The helper itself

    /// The checks above must be able to fail: a sampler checked against the
    /// wrong distribution is rejected.
    @Test("The goodness-of-fit checks reject a wrong distribution")
    func checksHavePower() throws {
        let normal = Fit.sample(StandardNormal())
        let shifted = Fit.kolmogorovSmirnov(normal) { Probability.normalCDF($0 - 0.03) }
        #expect(shifted > Fit.ksCriticalValue)

        let binomial = Fit.sample(try Binomial(n: 100, p: 0.30))
        let other = try Binomial(n: 100, p: 0.305)
        let result = Fit.chiSquare(binomial, support: 0...100, probability: other.probability)
        #expect(result.pValue < Fit.minimumPValue, "\(result)")
    }
}
