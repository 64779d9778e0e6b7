import Foundation
import Testing
@testable import PoolSimRandom

/// Φ, Φ⁻¹, Student-t and the helpers against known values. Tolerances are
/// absolute unless stated; reference values are from standard tables (R's
/// `qnorm`, `qt`), closed forms, or identities.
@Suite("Special functions")
struct SpecialFunctionTests {
    @Test("Φ at 0, ±∞ and a known quantile")
    func normalCDF() {
        #expect(Probability.normalCDF(0) == 0.5)
        #expect(Probability.normalCDF(-.infinity) == 0)
        #expect(Probability.normalCDF(.infinity) == 1)
        #expect(abs(Probability.normalCDF(1.959963984540054) - 0.975) < 1e-15)
        #expect(abs(Probability.normalCDF(-1) - 0.15865525393145707) < 1e-15)
        // Symmetry: Φ(−x) = 1 − Φ(x).
        for x in stride(from: 0.0, through: 6, by: 0.25) {
            #expect(abs(Probability.normalCDF(-x) - (1 - Probability.normalCDF(x))) < 1e-15)
        }
    }

    @Test("Φ⁻¹ at known points and the endpoints")
    func normalQuantile() {
        #expect(abs(Probability.normalQuantile(0.975) - 1.959963984540054) < 1e-13)
        #expect(Probability.normalQuantile(0.5) == 0)
        #expect(abs(Probability.normalQuantile(0.001) - -3.090232306167813) < 1e-12)
        #expect(Probability.normalQuantile(0) == -.infinity)
        #expect(Probability.normalQuantile(1) == .infinity)
    }

    @Test("Φ⁻¹ inverts Φ", arguments: [1e-12, 1e-6, 0.01, 0.3, 0.5, 0.77, 0.999, 1 - 1e-9])
    func normalRoundTrip(p: Double) {
        #expect(abs(Probability.normalCDF(Probability.normalQuantile(p)) - p) <= 1e-12 * max(p, 1e-3))
    }

    @Test("φ is the standard normal density")
    func normalDensity() {
        #expect(abs(Probability.normalDensity(0) - 1 / (2 * Double.pi).squareRoot()) < 1e-16)
        #expect(abs(Probability.normalDensity(1.5) - exp(-1.125) / (2 * Double.pi).squareRoot()) < 1e-16)
    }

    @Test("Student-t quantiles against tables", arguments: [
        (0.975, 8.0, 2.306004135204166),
        (0.975, 1.0, 12.706204736174707),  // Cauchy: tan(0.475π)
        (0.95, 30.0, 1.697260886504636),
        (0.025, 8.0, -2.306004135204166),
        (0.5, 3.0, 0.0),
    ])
    func studentTQuantile(p: Double, degreesOfFreedom: Double, expected: Double) {
        let t = Probability.studentTQuantile(p, degreesOfFreedom: degreesOfFreedom)
        #expect(abs(t - expected) <= 1e-9 * max(abs(expected), 1))
        #expect(abs(Probability.studentTCDF(t, degreesOfFreedom: degreesOfFreedom) - p) < 1e-12)
    }

    @Test("Student-t quantile endpoints are ±∞")
    func studentTEndpoints() {
        #expect(Probability.studentTQuantile(0, degreesOfFreedom: 8) == -.infinity)
        #expect(Probability.studentTQuantile(1, degreesOfFreedom: 8) == .infinity)
        #expect(Probability.studentTQuantile(-0.5, degreesOfFreedom: 8) == -.infinity)
        #expect(Probability.studentTQuantile(1.5, degreesOfFreedom: 8) == .infinity)
    }

    @Test("Student-t approaches the normal for large ν")
    func studentTLimit() {
        #expect(abs(Probability.studentTQuantile(0.975, degreesOfFreedom: 1e7) - 1.959963984540054) < 1e-6)
    }

    @Test("χ² upper tail, ln Γ and ln C(n, k) against closed forms")
    func helpers() {
        // With 2 degrees of freedom, P(χ² > x) = e^(−x/2).
        for x in [0.1, 1, 5, 20] {
            #expect(abs(Probability.chiSquaredUpperTail(x, degreesOfFreedom: 2) - exp(-x / 2)) < 1e-15)
        }
        #expect(Probability.chiSquaredUpperTail(0, degreesOfFreedom: 5) == 1)
        #expect(abs(Probability.logGamma(5) - log(24.0)) < 1e-14)
        #expect(abs(Probability.logGamma(0.5) - 0.5 * log(Double.pi)) < 1e-14)
        #expect(abs(Probability.logChoose(10, 3) - log(120.0)) < 1e-13)
        #expect(Probability.logChoose(7, 0) == 0)
    }
}

/// Quadrature over finite, semi-infinite and infinite intervals, to 1e-9 relative.
@Suite("Quadrature")
struct QuadratureTests {
    @Test("∫φ over (−∞, ∞) = 1")
    func normalDensityIntegratesToOne() throws {
        let value = try Quadrature.integrate(from: -.infinity, to: .infinity, Probability.normalDensity)
        #expect(abs(value - 1) < 1e-9)
    }

    @Test("∫₀¹ x² dx = 1/3")
    func finite() throws {
        let value = try Quadrature.integrate(from: 0, to: 1) { x in x * x }
        #expect(abs(value - 1.0 / 3) < 1e-12)
    }

    @Test("∫₀^∞ e^(−x) dx = 1")
    func upperInfinite() throws {
        let value = try Quadrature.integrate(from: 0, to: .infinity) { x in exp(-x) }
        #expect(abs(value - 1) < 1e-9)
    }

    @Test("∫_{−∞}^{1.5} φ = Φ(1.5) and ∫_{−∞}^0 e^x dx = 1")
    func lowerInfinite() throws {
        let normal = try Quadrature.integrate(from: -.infinity, to: 1.5, Probability.normalDensity)
        #expect(abs(normal - Probability.normalCDF(1.5)) < 1e-9)
        let exponential = try Quadrature.integrate(from: -.infinity, to: 0) { x in exp(x) }
        #expect(abs(exponential - 1) < 1e-9)
    }

    @Test("A reversed interval gives the negated integral")
    func reversed() throws {
        let value = try Quadrature.integrate(from: 1, to: 0) { x in x * x }
        #expect(abs(value + 1.0 / 3) < 1e-12)
    }

    @Test("The integrand may capture state")
    func capturing() throws {
        let rate = 2.5
        var calls = 0
        let value = try Quadrature.integrate(from: 0, to: .infinity) { x in
            calls += 1
            return rate * exp(-rate * x)
        }
        #expect(abs(value - 1) < 1e-9)
        #expect(calls > 0)
    }

    @Test("A divergent integral throws instead of aborting")
    func divergentThrows() {
        #expect(throws: Quadrature.Failure.self) {
            try Quadrature.integrate(from: 0, to: 1) { x in 1 / x }
        }
    }
}

/// GSL's default error handler aborts the process. The handler must be off
/// whichever entry point of the random layer runs first, so each check runs in
/// a fresh process (an exit test) where nothing else has touched GSL.
@Suite("GSL errors do not abort")
struct GSLErrorHandlerTests {
    @Test("GSL.version is the linked library's")
    func version() {
        #expect(GSL.version.split(separator: ".").count >= 2)
    }

    @Test("Probability.chiSquaredUpperTail with a bad ν, first thing in a process")
    func chiSquaredUpperTailFirst() async {
        await #expect(processExitsWith: .success) {
            _ = Probability.chiSquaredUpperTail(1, degreesOfFreedom: 0)
        }
    }

    @Test("Probability.logGamma at a pole, first thing in a process")
    func logGammaFirst() async {
        await #expect(processExitsWith: .success) {
            _ = Probability.logGamma(-1)
        }
    }

    @Test("Probability.logChoose with k > n, first thing in a process")
    func logChooseFirst() async {
        await #expect(processExitsWith: .success) {
            _ = Probability.logChoose(3, 5)
        }
    }

    @Test("Distribution CDFs at the edges, first thing in a process")
    func cdfFirst() async {
        await #expect(processExitsWith: .success) {
            let gamma = try? GammaDistribution(shape: 2, scale: 1)
            let chi = try? ChiSquared(degreesOfFreedom: 3)
            let beta = try? BetaDistribution(mean: 0.6, sd: 0.2)
            let logNormal = try? LogNormal(median: 1, sigma: 1)
            for x in [-1, 0, Double.infinity, -Double.infinity, Double.nan] {
                _ = gamma?.cdf(x)
                _ = chi?.cdf(x)
                _ = beta?.cdf(x)
                _ = logNormal?.cdf(x)
            }
        }
    }

    @Test("Student-t at the edges, first thing in a process")
    func studentTFirst() async {
        await #expect(processExitsWith: .success) {
            _ = Probability.studentTCDF(.infinity, degreesOfFreedom: 0)
            _ = Probability.studentTQuantile(0.5, degreesOfFreedom: -1)
            _ = Probability.studentTQuantile(.nan, degreesOfFreedom: 3)
        }
    }
}
