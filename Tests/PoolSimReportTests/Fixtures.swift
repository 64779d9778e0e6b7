import Foundation
import PoolSimCore

/// A small results document in the shape of results.json: two years, two banks (one
/// with a Chinese name and markup characters), numbers that need every digit.
enum Fixtures {
    static func stat(_ mean: Double, scale: Double = 1) -> String {
        let p = [0.3, 0.4, 0.6, 1.0, 1.3, 1.9, 2.4, 2.6, 3.1].map { JSONValue.format($0 * mean * scale) }
        return """
            {"mean": \(JSONValue.format(mean)), "sd": \(JSONValue.format(mean / 3)), "mcse": 0.1, \
            "min": 0, "max": \(JSONValue.format(mean * 3.7)), "percentiles": {"p1": \(p[0]), "p5": \(p[1]), \
            "p25": \(p[2]), "p50": \(p[3]), "p75": \(p[4]), "p95": \(p[5]), "p99": \(p[6]), "p99.5": \(p[7]), "p99.9": \(p[8])}}
            """
    }

    static let bankName = "中国建设银行 <Hebei> & \"Co\""

    static var text: String {
        let year = { (t: Int) in
            """
            {"year": \(t), "opening_balance": \(stat(110_000_000)), "claims": \(stat(29_147_647.274855729)), \
            "paid": \(stat(28_988_065.788616531)), "unpaid": \(stat(159_581.5)), "topup": \(stat(0)), \
            "closing_balance": \(stat(81_011_934.2)), "defaults": \(stat(25.2)), "loss": \(stat(41_000_000.123))}
            """
        }
        let bank = { (id: String, name: String) in
            """
            {"id": "\(id)", "name": \(JSONValue.string(name).rendered(indent: false)), "defaults": \(stat(30.073)), \
            "loss": \(stat(50_196_630.52082831)), "claims": \(stat(35_137_641.36457989)), "paid": \(stat(24_910_176.1)), \
            "unpaid": \(stat(10_227_465.2)), "tail_contribution_99": 77257952.00000001}
            """
        }
        return """
            {"schema_version": 1,
             "metadata": {"tool_version": "0.1.0", "gsl_version": "2.7.1", "rng": "mt19937", "seed": 20220126,
               "trials": 3000, "jobs": 2, "scenario_name": "hebei-2022", "scenario_sha256": "abc",
               "overrides": ["pool.initial_balance=110000000"], "stress": null, "created_at": "2026-01-01T00:00:00Z",
               "elapsed_seconds": 2.352, "stop_reason": "completed", "method": "grouped", "block_size": 1000},
             "summary": {
               "p_exhaustion": {"estimate": 0.765, "ci_low": 0.7494946988108554, "ci_high": 0.7798275113647218},
               "p_exhaustion_by_year": [
                 {"year": 1, "estimate": 0.007333333333333333, "ci_low": 0.004847868521937734, "ci_high": 0.011078890422083449},
                 {"year": 2, "estimate": 0.06466666666666666, "ci_low": 0.05641084618405623, "ci_high": 0.07403593810612755}],
               "claims_total": \(stat(146_778_264.72247687)), "paid_total": \(stat(105_083_811.50718142)),
               "unpaid_total": \(stat(41_694_453.21529565)), "loss_total": \(stat(209_683_235.1)),
               "defaults_total": \(stat(126.1)), "end_balance": \(stat(4_916_188.3)),
               "claims_var": {"0.95": 234976635.3879409, "0.99": 281580695.495359, "0.995": 297652732.13824856},
               "claims_es": {"0.95": 265794051.1, "0.99": 307636328.2, "0.995": 326733597.3}},
             "by_year": [\(year(1)), \(year(2))],
             "by_bank": [\(bank("ccb-hebei", bankName)), \(bank("huaxia-sjz", "华夏银行石家庄分行"))],
             "pool_size": {"available": true,
               "required": [{"ruin_probability": 0.05, "initial_balance": 234976635.3879409},
                            {"ruin_probability": 0.01, "initial_balance": 281580695.495359}],
               "curve": [{"initial_balance": 0, "p_exhaustion": 1}, {"initial_balance": 125000000, "p_exhaustion": 0.6286666666666667},
                         {"initial_balance": 250000000, "p_exhaustion": 0.035}, {"initial_balance": 375000000, "p_exhaustion": 0}]},
             "scenario": {"name": "hebei-2022", "horizon_years": 2, "pool": {"initial_balance": 110000000, "leverage_cap": null},
               "banks": [{"id": "ccb-hebei", "name": \(JSONValue.string(bankName).rendered(indent: false))}]}}
            """
    }

    static var document: JSONValue {
        get throws { try JSONValue(parsing: text) }
    }

    static var results: RunResults {
        get throws { try RunResults(json: text) }
    }
}
