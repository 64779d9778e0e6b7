import CGSL

/// Gauss–Hermite quadrature for expectations over a standard normal:
/// E[f(Z)] ≈ Σᵢ wᵢ f(zᵢ), exact for polynomials of degree < 2n. The nodes and
/// weights are GSL's (`gsl_integration_fixed` of the Hermite type, weight
/// function exp(−z²/2)), the weights divided by √(2π) so that they sum to 1.
public struct GaussHermite: Sendable, Equatable {
    public let nodes: [Double]
    /// Sum to 1.
    public let weights: [Double]

    /// The rule with `count` nodes (1 ≤ count ≤ 400).
    public init(count: Int) throws(RandomError) {
        guard (1...400).contains(count) else { throw RandomError.invalidParameter(distribution: "Gauss–Hermite", message: "nodes must be in [1, 400], got \(count)") }
        GSL.start()
        guard let workspace = gsl_integration_fixed_alloc(poolsim_integration_hermite(), count, 0, 0.5, 0, 0) else {
            throw RandomError.invalidParameter(distribution: "Gauss–Hermite", message: "GSL could not make a rule of \(count) nodes")
        }
        defer { gsl_integration_fixed_free(workspace) }
        let n = gsl_integration_fixed_n(workspace)
        let scale = 1 / (2 * Double.pi).squareRoot()
        nodes = Array(UnsafeBufferPointer(start: gsl_integration_fixed_nodes(workspace), count: n))
        weights = UnsafeBufferPointer(start: gsl_integration_fixed_weights(workspace), count: n).map { $0 * scale }
        logWeights = weights.map { log($0) }
        halfSquares = nodes.map { $0 * $0 / 2 }
    }

    /// log wᵢ, for sums kept in log space.
    public let logWeights: [Double]
    private let halfSquares: [Double]

    /// E[f(Z)] for Z standard normal.
    public func expectation(_ f: (Double) -> Double) -> Double {
        var sum = 0.0
        for i in nodes.indices { sum += weights[i] * f(nodes[i]) }
        return sum
    }

    /// log E[exp(g(Z))], computed in log space so that it neither under- nor overflows.
    public func logExpectation(ofExp g: (Double) -> Double) -> Double {
        let terms = nodes.indices.map { log(weights[$0]) + g(nodes[$0]) }
        guard let largest = terms.max(), largest.isFinite else { return terms.max() ?? -.infinity }
        var sum = 0.0
        for term in terms { sum += exp(term - largest) }
        return largest + log(sum)
    }

    /// log ∫ φ(x) exp(f(x)) dx by the rule moved to `centre` and stretched by
    /// `scale` (adaptive Gauss–Hermite): with x = m + s·z,
    /// ∫ φ(x) e^{f(x)} dx = s · E[φ(m + sZ) e^{f(m + sZ)} / φ(Z)].
    /// Centred at the mode of φ·e^f with the scale of its curvature, a few
    /// nodes integrate a peak that the fixed rule would step over.
    public func logExpectation(ofExp f: (Double) -> Double, centre: Double, scale: Double) -> Double {
        var terms = [Double](repeating: 0, count: nodes.count)
        var largest = -Double.infinity
        for i in nodes.indices {
            let x = centre + scale * nodes[i]
            terms[i] = logWeights[i] + halfSquares[i] - x * x / 2 + f(x)
            largest = max(largest, terms[i])
        }
        guard largest.isFinite else { return largest }
        var sum = 0.0
        for term in terms { sum += exp(term - largest) }
        return largest + log(sum * scale)
    }
}

/// A root of a function of one variable inside a bracket, by GSL's Brent solver (`gsl_root_fsolver_brent`).
public enum RootFinder {
    /// The x in [low, high] where f changes sign, to within `tolerance`; nil
    /// when f has the same sign at both ends or is not finite where GSL looks.
    public static func root(_ f: (Double) -> Double, between low: Double, and high: Double,
                            tolerance: Double = 1e-6, maximumIterations: Int = 100) -> Double? {
        let (a, b) = (f(low), f(high))
        guard a.isFinite, b.isFinite else { return nil }
        if a == 0 { return low }
        if b == 0 { return high }
        guard (a < 0) != (b < 0) else { return nil }
        GSL.start()
        return withoutActuallyEscaping(f) { f -> Double? in
            var box = f
            return withUnsafeMutablePointer(to: &box) { boxPointer -> Double? in
                var function = gsl_function(
                    function: { x, parameters in
                        let value = parameters!.assumingMemoryBound(to: ((Double) -> Double).self).pointee(x)
                        return value.isFinite ? value : .nan
                    },
                    params: UnsafeMutableRawPointer(boxPointer))
                let solver = gsl_root_fsolver_alloc(poolsim_root_brent())!
                defer { gsl_root_fsolver_free(solver) }
                guard gsl_root_fsolver_set(solver, &function, min(low, high), max(low, high)) == GSL_SUCCESS else { return nil }
                for _ in 0..<maximumIterations {
                    guard gsl_root_fsolver_iterate(solver) == GSL_SUCCESS else { return nil }
                    let (lower, upper) = (gsl_root_fsolver_x_lower(solver), gsl_root_fsolver_x_upper(solver))
                    if gsl_root_test_interval(lower, upper, tolerance, 0) == GSL_SUCCESS { return gsl_root_fsolver_root(solver) }
                }
                return nil
            }
        }
    }
}

/// Unconstrained minimisation without derivatives: GSL's Nelder–Mead simplex
/// (`gsl_multimin_fminimizer_nmsimplex2`).
public enum Minimizer {
    public struct Result: Sendable {
        public var point: [Double]
        public var value: Double
        public var iterations: Int
        /// Whether the simplex shrank below the tolerance (otherwise the iteration limit ended it).
        public var converged: Bool
    }

    /// The minimum of `f` from `start`, with initial steps `step` per
    /// coordinate, until the simplex's size is below `tolerance`. A point
    /// where `f` is not finite counts as +∞.
    public static func minimize(_ f: ([Double]) -> Double, from start: [Double], step: [Double],
                                tolerance: Double = 1e-9, maximumIterations: Int = 20_000) throws(RandomError) -> Result {
        guard !start.isEmpty, start.count == step.count else {
            throw RandomError.invalidParameter(distribution: "minimisation", message: "a start point and one step per coordinate are needed")
        }
        GSL.start()
        let dimension = start.count
        return withoutActuallyEscaping(f) { f -> Result in
            var box = Objective(f: f, dimension: dimension)
            return withUnsafeMutablePointer(to: &box) { boxPointer -> Result in
                var function = gsl_multimin_function(
                    f: { x, parameters in
                        let objective = parameters!.assumingMemoryBound(to: Objective.self).pointee
                        let point = (0..<objective.dimension).map { gsl_vector_get(x, $0) }
                        let value = objective.f(point)
                        return value.isFinite ? value : .greatestFiniteMagnitude
                    },
                    n: dimension, params: UnsafeMutableRawPointer(boxPointer))
                let x = gsl_vector_alloc(dimension)!
                let steps = gsl_vector_alloc(dimension)!
                defer {
                    gsl_vector_free(x)
                    gsl_vector_free(steps)
                }
                for i in 0..<dimension {
                    gsl_vector_set(x, i, start[i])
                    gsl_vector_set(steps, i, step[i])
                }
                let minimizer = gsl_multimin_fminimizer_alloc(poolsim_multimin_nmsimplex2(), dimension)!
                defer { gsl_multimin_fminimizer_free(minimizer) }
                gsl_multimin_fminimizer_set(minimizer, &function, x, steps)
                var iterations = 0
                var converged = false
                while iterations < maximumIterations {
                    iterations += 1
                    guard gsl_multimin_fminimizer_iterate(minimizer) == GSL_SUCCESS else { break }
                    if gsl_multimin_test_size(gsl_multimin_fminimizer_size(minimizer), tolerance) == GSL_SUCCESS {
                        converged = true
                        break
                    }
                }
                let best = gsl_multimin_fminimizer_x(minimizer)!
                return Result(point: (0..<dimension).map { gsl_vector_get(best, $0) },
                              value: gsl_multimin_fminimizer_minimum(minimizer), iterations: iterations, converged: converged)
            }
        }
    }

    private struct Objective {
        let f: ([Double]) -> Double
        let dimension: Int
    }
}

/// Dense linear algebra from GSL.
public enum LinearAlgebra {
    /// The inverse of a square matrix (rows), by GSL's LU decomposition; nil when it is singular.
    public static func inverse(_ rows: [[Double]]) -> [[Double]]? {
        let n = rows.count
        guard n > 0, rows.allSatisfy({ $0.count == n }) else { return nil }
        GSL.start()
        let matrix = gsl_matrix_alloc(n, n)!
        let inverse = gsl_matrix_alloc(n, n)!
        let permutation = gsl_permutation_alloc(n)!
        defer {
            gsl_matrix_free(matrix)
            gsl_matrix_free(inverse)
            gsl_permutation_free(permutation)
        }
        for i in 0..<n { for j in 0..<n { gsl_matrix_set(matrix, i, j, rows[i][j]) } }
        var sign: Int32 = 0
        guard gsl_linalg_LU_decomp(matrix, permutation, &sign) == GSL_SUCCESS,
              gsl_linalg_LU_det(matrix, sign) != 0,
              gsl_linalg_LU_invert(matrix, permutation, inverse) == GSL_SUCCESS else { return nil }
        let result = (0..<n).map { i in (0..<n).map { j in gsl_matrix_get(inverse, i, j) } }
        return result.allSatisfy { $0.allSatisfy(\.isFinite) } ? result : nil
    }
}
