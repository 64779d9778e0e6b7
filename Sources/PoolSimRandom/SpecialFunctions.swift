import CGSL

/// Cumulative distribution and quantile functions, from GSL.
///
/// Functions that can reach GSL's error handler (bad ν, poles) switch it off
/// first, so they return NaN rather than abort; the normal ones never reach it.
public enum Probability {
    /// Φ(x), the standard normal CDF.
    @inlinable public static func normalCDF(_ x: Double) -> Double { gsl_cdf_ugaussian_P(x) }

    /// Φ⁻¹(p) for p in [0, 1]; −∞ at 0 and +∞ at 1.
    @inlinable public static func normalQuantile(_ p: Double) -> Double { gsl_cdf_ugaussian_Pinv(p) }

    /// log Φ(x), accurate far into the lower tail (log Φ(−40) ≈ −804.6, where Φ itself underflows).
    @inlinable public static func logNormalCDF(_ x: Double) -> Double {
        gsl_sf_log_erfc(-x / 2.0.squareRoot()) - log(2.0)
    }

    /// φ(x), the standard normal density.
    @inlinable public static func normalDensity(_ x: Double) -> Double { gsl_ran_ugaussian_pdf(x) }

    /// The CDF of Student's t with ν degrees of freedom.
    @inlinable public static func studentTCDF(_ x: Double, degreesOfFreedom nu: Double) -> Double {
        GSL.start()
        return gsl_cdf_tdist_P(x, nu)
    }

    /// The quantile t_ν⁻¹(p) of Student's t; −∞ at 0 and +∞ at 1.
    @inlinable public static func studentTQuantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        GSL.start()
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        return gsl_cdf_tdist_Pinv(p, nu)
    }

    /// The upper tail P(χ²_ν > x), for goodness-of-fit tests.
    public static func chiSquaredUpperTail(_ x: Double, degreesOfFreedom nu: Double) -> Double {
        GSL.start()
        return gsl_cdf_chisq_Q(x, nu)
    }

    /// P(X ≤ k) for X binomial with n trials of probability p.
    public static func binomialCDF(_ k: Int, n: Int, p: Double) -> Double {
        if k < 0 { return 0 }
        if k >= n { return 1 }
        return gsl_cdf_binomial_P(UInt32(k), p, UInt32(n))
    }

    /// ln Γ(x) for x > 0.
    public static func logGamma(_ x: Double) -> Double {
        GSL.start()
        return gsl_sf_lngamma(x)
    }

    /// ln C(n, k).
    public static func logChoose(_ n: Int, _ k: Int) -> Double {
        GSL.start()
        return gsl_sf_lnchoose(UInt32(n), UInt32(k))
    }
}

/// Numerical integration by GSL's adaptive QUADPACK routines.
public enum Quadrature {
    public struct Failure: Error, CustomStringConvertible {
        public let status: Int32
        public var description: String { "GSL integration failed: \(String(cString: gsl_strerror(status)))" }
    }

    /// ∫ f over the given interval (either bound may be infinite) to the requested
    /// relative error, by QAGS/QAGIU/QAGIL/QAGI as the bounds require.
    public static func integrate(
        from lower: Double, to upper: Double, relativeError: Double = 1e-10,
        _ f: (Double) -> Double
    ) throws(Failure) -> Double {
        GSL.start()
        let limit = 1000
        guard let workspace = gsl_integration_workspace_alloc(limit) else { throw Failure(status: Int32(GSL_ENOMEM)) }
        defer { gsl_integration_workspace_free(workspace) }
        var result = 0.0
        var error = 0.0
        let status: Int32 = withoutActuallyEscaping(f) { f in
            var box = f
            return withUnsafeMutablePointer(to: &box) { pointer in
                var function = gsl_function(
                    function: { x, params in
                        params!.assumingMemoryBound(to: ((Double) -> Double).self).pointee(x)
                    },
                    params: UnsafeMutableRawPointer(pointer))
                switch (lower.isInfinite, upper.isInfinite) {
                case (true, true):
                    return gsl_integration_qagi(&function, 0, relativeError, limit, workspace, &result, &error)
                case (false, true):
                    return gsl_integration_qagiu(&function, lower, 0, relativeError, limit, workspace, &result, &error)
                case (true, false):
                    return gsl_integration_qagil(&function, upper, 0, relativeError, limit, workspace, &result, &error)
                case (false, false):
                    return gsl_integration_qags(&function, lower, upper, 0, relativeError, limit, workspace, &result, &error)
                }
            }
        }
        guard status == Int32(GSL_SUCCESS) else { throw Failure(status: status) }
        return result
    }
}
