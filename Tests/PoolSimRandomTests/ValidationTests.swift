import Testing
@testable import PoolSimRandom

/// Distributions are valid once built: every bad parameter is refused by `init`
/// with `RandomError.invalidParameter` naming the distribution.
@Suite("Parameters are validated when a distribution is built")
struct ValidationTests {
    /// Expects `build` to throw `.invalidParameter` for `distribution`.
    private func expectInvalid<T>(
        _ distribution: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ build: () throws(RandomError) -> T
    ) {
        do {
            let value = try build()
            Issue.record("expected \(distribution) to be refused, got \(value)", sourceLocation: sourceLocation)
        } catch {
            guard case let .invalidParameter(name, message) = error else {
                Issue.record("expected invalidParameter, got \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(name == distribution, sourceLocation: sourceLocation)
            #expect(!message.isEmpty, sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix("invalid \(distribution) distribution: "), sourceLocation: sourceLocation)
        }
    }

    static let nan = Double.nan
    static let inf = Double.infinity

    @Test("Uniform refuses low ≥ high and non-finite bounds",
          arguments: [(1.0, 1.0), (2.0, 1.0), (nan, 1.0), (0.0, nan), (-inf, 0.0), (0.0, inf)])
    func uniform(low: Double, high: Double) {
        expectInvalid("uniform") { () throws(RandomError) in try Uniform(low: low, high: high) }
    }

    @Test("BetaDistribution refuses a mean outside [0, 1], a negative sd, or sd² ≥ mean(1−mean)",
          arguments: [
              (-0.1, 0.1), (1.1, 0.1), (nan, 0.1), (0.5, -0.1), (0.5, nan), (0.5, inf),
              (0.5, 0.5), (0.5, 0.6), (0.0, 0.1), (1.0, 0.1), (0.6, 0.49),
          ])
    func beta(mean: Double, sd: Double) {
        expectInvalid("beta") { () throws(RandomError) in try BetaDistribution(mean: mean, sd: sd) }
    }

    @Test("GammaDistribution refuses a shape or scale that is not positive and finite",
          arguments: [(0.0, 1.0), (-1.0, 1.0), (1.0, 0.0), (1.0, -2.0), (nan, 1.0), (1.0, nan), (inf, 1.0), (1.0, inf)])
    func gamma(shape: Double, scale: Double) {
        expectInvalid("gamma") { () throws(RandomError) in try GammaDistribution(shape: shape, scale: scale) }
    }

    @Test("GammaDistribution(mean:variance:) refuses a mean or variance that is not positive and finite",
          arguments: [(0.0, 1.0), (-1.0, 1.0), (1.0, 0.0), (1.0, -1.0), (nan, 1.0), (1.0, inf)])
    func gammaMoments(mean: Double, variance: Double) {
        expectInvalid("gamma") { () throws(RandomError) in try GammaDistribution(mean: mean, variance: variance) }
    }

    @Test("ChiSquared refuses degrees of freedom that are not positive and finite", arguments: [0.0, -1.0, nan, inf])
    func chiSquared(degreesOfFreedom: Double) {
        expectInvalid("chi-squared") { () throws(RandomError) in try ChiSquared(degreesOfFreedom: degreesOfFreedom) }
    }

    @Test("LogNormal refuses a median ≤ 0 or a negative sigma",
          arguments: [(0.0, 1.0), (-1.0, 1.0), (1.0, -0.1), (nan, 1.0), (1.0, nan), (inf, 1.0), (1.0, inf)])
    func logNormal(median: Double, sigma: Double) {
        expectInvalid("lognormal") { () throws(RandomError) in try LogNormal(median: median, sigma: sigma) }
    }

    @Test("Binomial refuses a negative or too large n and p outside [0, 1]",
          arguments: [(-1, 0.5), (Int(UInt32.max) + 1, 0.5), (10, -0.1), (10, 1.1), (10, nan), (10, inf)])
    func binomial(n: Int, p: Double) {
        expectInvalid("binomial") { () throws(RandomError) in try Binomial(n: n, p: p) }
    }

    @Test("Geometric refuses p outside (0, 1]", arguments: [0.0, -0.1, 1.1, nan, inf])
    func geometric(p: Double) {
        expectInvalid("geometric") { () throws(RandomError) in try Geometric(p: p) }
    }

    @Test("The edges of each valid range are accepted")
    func edgesAccepted() throws {
        _ = try Uniform(low: -1e300, high: 1e300)
        _ = try BetaDistribution(mean: 0, sd: 0)
        _ = try BetaDistribution(mean: 1, sd: 0)
        _ = try BetaDistribution(mean: 0.5, sd: 0.4999)
        _ = try GammaDistribution(shape: 1e-3, scale: 1e-3)
        _ = try ChiSquared(degreesOfFreedom: 1e-3)
        _ = try LogNormal(median: 1e-300, sigma: 0)
        _ = try Binomial(n: 0, p: 0)
        _ = try Binomial(n: Int(UInt32.max), p: 1)
        _ = try Geometric(p: 1)
    }

    // MARK: Generator names

    @Test("An unknown generator name is an error listing every valid name")
    func unknownGenerator() {
        do {
            let type = try GeneratorType(name: "nope")
            Issue.record("expected an error, got \(type)")
        } catch {
            #expect(error == .unknownGenerator(name: "nope", valid: GeneratorType.names))
            let description = error.description
            #expect(description.contains("'nope'"))
            for name in GeneratorType.names {
                #expect(description.contains(name), "\(name) missing from: \(description)")
            }
        }
    }

    @Test("Generator names are exact", arguments: ["", "MT19937", " mt19937", "mt19937 ", "ranlxd"])
    func nearMissNames(name: String) {
        #expect(throws: RandomError.self) { try GeneratorType(name: name) }
    }

    @Test("Every listed generator type constructs and generates", arguments: GeneratorType.names)
    func everyGeneratorGenerates(name: String) throws {
        let type = try GeneratorType(name: name)
        #expect(type.name == name)
        #expect(type.description == name)
        let generator = RandomGenerator(type: type, seed: 42)
        #expect(generator.type == type)
        #expect(generator.seed == 42)
        let draws = (0..<1000).map { _ in generator.uniform() }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(Set(draws).count > 990)  // ranlxs2 has 24-bit output: a few repeats are possible
        #expect(abs(draws.reduce(0, +) / 1000 - 0.5) < 0.05)  // 5.5 standard errors
        let positive = (0..<1000).map { _ in generator.uniformPositive() }
        #expect(positive.allSatisfy { $0 > 0 && $0 < 1 })
        _ = generator.next()
    }

    @Test("The named constants are the listed defaults")
    func namedConstants() throws {
        #expect(GeneratorType.mt19937 == (try GeneratorType(name: "mt19937")))
        #expect(GeneratorType.taus2 == (try GeneratorType(name: "taus2")))
        #expect(GeneratorType.names.first == "mt19937")
        #expect(Set(GeneratorType.names).count == GeneratorType.names.count)
        #expect(RandomGenerator(seed: 1).type == .mt19937)
    }
}
