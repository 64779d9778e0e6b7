import Foundation
import PoolSimRandom
import Testing

/// GSL's Gauss–Hermite rule and simplex minimiser, checked against exact answers.
@Suite struct NumericsTests {
    @Test("the Hermite rule integrates normal moments and exp exactly", arguments: [10, 20, 40])
    func hermiteMoments(count: Int) throws {
        let rule = try GaussHermite(count: count)
        #expect(rule.nodes.count == count)
        #expect(abs(rule.weights.reduce(0, +) - 1) < 1e-13)
        #expect(abs(rule.expectation { $0 * $0 } - 1) < 1e-12)
        #expect(abs(rule.expectation { pow($0, 4) } - 3) < 1e-11)
        #expect(abs(rule.expectation { $0 } ) < 1e-13)
        // E[exp(aZ)] = exp(a²/2): not a polynomial, but smooth; 20 nodes are plenty.
        if count >= 20 { #expect(abs(rule.expectation { exp(0.8 * $0) } / exp(0.32) - 1) < 1e-12) }
    }

    @Test("the log-space expectation neither underflows nor overflows")
    func logExpectation() throws {
        let rule = try GaussHermite(count: 30)
        // log E[exp(-1000 + 0.5 Z)] = -1000 + 0.125, far below what exp can hold.
        #expect(abs(rule.logExpectation { -1000 + 0.5 * $0 } - (-1000 + 0.125)) < 1e-10)
        #expect(abs(rule.logExpectation { 900 + 0.5 * $0 } - (900 + 0.125)) < 1e-10)
    }

    @Test("the moved rule integrates a narrow peak far out that the fixed rule steps over")
    func adaptive() throws {
        // ∫ φ(x) exp(−(x − m)²/(2s²)) dx = s/√(1 + s²) · exp(−m²/(2(1 + s²))).
        let (m, s) = (4.0, 0.02)
        let exact = log(s / (1 + s * s).squareRoot()) - m * m / (2 * (1 + s * s))
        let peak = { (x: Double) in -(x - m) * (x - m) / (2 * s * s) }
        let rule = try GaussHermite(count: 8)
        // Centred at the mode of the whole integrand, with the scale of its curvature.
        let centre = m / (1 + s * s), scale = s / (1 + s * s).squareRoot()
        #expect(abs(rule.logExpectation(ofExp: peak, centre: centre, scale: scale) - exact) < 1e-12)
        // Off-centre and too wide it is still close with a few more nodes; the fixed rule is far off.
        let wider = try GaussHermite(count: 40)
        #expect(abs(wider.logExpectation(ofExp: peak, centre: centre + 0.005, scale: 2 * scale) - exact) < 1e-8)
        #expect(abs(wider.logExpectation(ofExp: peak) - exact) > 1)
    }

    @Test("Brent's method finds a bracketed root and refuses a bracket without one")
    func roots() {
        let root = RootFinder.root({ cos($0) - $0 }, between: 0, and: 1, tolerance: 1e-12)
        #expect(abs((root ?? 0) - 0.7390851332151607) < 1e-10)
        #expect(RootFinder.root({ $0 * $0 + 1 }, between: -1, and: 1) == nil)
        #expect(RootFinder.root({ $0 - 2 }, between: 0, and: 2) == 2)
    }

    @Test func badNodeCountsAreErrors() {
        #expect(throws: RandomError.self) { _ = try GaussHermite(count: 0) }
        #expect(throws: RandomError.self) { _ = try GaussHermite(count: 401) }
    }

    @Test("the simplex finds the minimum of Rosenbrock's function and of a quadratic")
    func minimize() throws {
        let rosenbrock = try Minimizer.minimize({ x in
            pow(1 - x[0], 2) + 100 * pow(x[1] - x[0] * x[0], 2)
        }, from: [-1.2, 1], step: [0.5, 0.5], tolerance: 1e-12)
        #expect(rosenbrock.converged)
        #expect(abs(rosenbrock.point[0] - 1) < 1e-5 && abs(rosenbrock.point[1] - 1) < 1e-5)
        let quadratic = try Minimizer.minimize({ x in pow(x[0] - 3, 2) + 2 * pow(x[1] + 1, 2) + 5 }, from: [0, 0],
                                               step: [1, 1], tolerance: 1e-12)
        #expect(abs(quadratic.value - 5) < 1e-12)
        // A point where the function is not finite is simply avoided.
        let guarded = try Minimizer.minimize({ x in x[0] <= 0 ? .nan : x[0] - log(x[0]) }, from: [3], step: [1],
                                             tolerance: 1e-12)
        #expect(abs(guarded.point[0] - 1) < 1e-5)
    }
}
