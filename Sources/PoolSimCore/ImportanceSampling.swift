import Foundation

/// Importance sampling of the systematic factors (Glasserman and Li 2005):
/// each standard-normal factor draw gets a mean μ, each Gamma factor (the t
/// copula's W, CreditRisk+'s Γ) its scale multiplied by s. Laid out like a
/// trial's factor draws: year by year, within a year the normals (G's
/// innovation, each sector, each bank) and then the Gamma factors.
public struct FactorTilt: Sendable, Equatable {
    /// μ per factor draw (0 for Gamma factors).
    public var normalShift: [Double]
    /// s per factor draw (1 for normal factors).
    public var gammaScale: [Double]

    public init(normalShift: [Double], gammaScale: [Double]) {
        precondition(normalShift.count == gammaScale.count)
        self.normalShift = normalShift
        self.gammaScale = gammaScale
    }
}

/// How the tilt of an importance-sampled run was chosen, and how well it did.
public struct ImportanceTuning: Sendable {
    public var tilt: FactorTilt
    /// Cross-entropy iterations run.
    public var iterations: Int
    /// Pilot trials per iteration.
    public var pilotTrials: Int
    /// The level of the worst yearly shortfall reached at each iteration (0: exhaustion).
    public var levels: [Double]
}

/// Why the weights of an importance-sampled run should not be trusted.
public enum DegenerateWeights: Sendable, Equatable, CustomStringConvertible {
    /// Some likelihood ratios are not finite.
    case notFinite
    /// The estimate rests on the weight of fewer than 10 exhausted trials (this many).
    case fewExhaustedTrials(Double)
    /// One trial carries this share of the weight of all exhausted trials (over half).
    case oneTrialDominates(Double)
    /// The mean likelihood ratio, far from its expectation 1.
    case meanWeightFarFromOne(Double)

    /// The reason in English, as results.json records it.
    public var description: String {
        switch self {
        case .notFinite: "some likelihood ratios are not finite"
        case let .fewExhaustedTrials(ess):
            "the estimate rests on the weight of \(String(format: "%.1f", ess)) exhausted trials (fewer than 10)"
        case let .oneTrialDominates(share):
            "one trial carries \(Int((share * 100).rounded()))% of the weight of all exhausted trials"
        case let .meanWeightFarFromOne(mean):
            "the mean likelihood ratio is \(String(format: "%.3f", mean)), far from its expectation 1"
        }
    }
}

/// The quality of an importance-sampled run, estimated from its own trials.
public struct ImportanceDiagnostics: Sendable {
    /// (Σw)²/Σw² over all trials. Small by design when the shift is large: most
    /// trials land where the event happens and carry small weights.
    public var effectiveSampleSize: Double
    /// The same over the exhausted trials only: how many of them the estimate
    /// of P(exhaustion) really rests on.
    public var eventEffectiveSampleSize: Double
    /// Σw/n, whose expectation is exactly 1: far from 1, the weights were not
    /// sampled well.
    public var meanWeight: Double
    /// The variance plain sampling would have had for P(exhaustion) at the same
    /// trial count, p(1 − p)/n, over the weighted estimate's variance.
    public var varianceReduction: Double?
    /// The largest single weight's share of the weight of all exhausted trials.
    public var largestEventWeightShare: Double
    /// Why the weights should not be trusted, or nil.
    public var degenerateReason: DegenerateWeights?

    /// Degenerate when a weight is not finite, fewer than 10 exhausted trials'
    /// worth of weight carry the estimate, one trial carries over half of it,
    /// or the mean weight is outside [0.5, 2].
    public static func of(_ records: TrialRecords, pExhaustion: ProbabilityEstimate) -> ImportanceDiagnostics {
        let weights = records.weights
        var total = 0.0, squares = 0.0, eventTotal = 0.0, eventSquares = 0.0, eventLargest = 0.0
        var finite = true
        for (i, w) in weights.enumerated() {
            if !w.isFinite || w < 0 { finite = false }
            total += w
            squares += w * w
            if records.exhaustionYear[i] > 0 {
                eventTotal += w
                eventSquares += w * w
                eventLargest = max(eventLargest, w)
            }
        }
        let n = Double(records.count)
        let p = pExhaustion.estimate
        let se = pExhaustion.standardError
        let reduction: Double? = p > 0 && p < 1 && se > 0 ? p * (1 - p) / n / (se * se) : nil
        let share = eventTotal > 0 ? eventLargest / eventTotal : 0
        let eventESS = eventSquares > 0 ? eventTotal * eventTotal / eventSquares : 0
        let meanWeight = total / n
        var reason: DegenerateWeights?
        if !finite {
            reason = .notFinite
        } else if eventESS < 10 {
            reason = .fewExhaustedTrials(eventESS)
        } else if share > 0.5 {
            reason = .oneTrialDominates(share)
        } else if meanWeight < 0.5 || meanWeight > 2 {
            reason = .meanWeightFarFromOne(meanWeight)
        }
        return ImportanceDiagnostics(effectiveSampleSize: total * total / squares, eventEffectiveSampleSize: eventESS,
                                     meanWeight: meanWeight, varianceReduction: reduction,
                                     largestEventWeightShare: share, degenerateReason: reason)
    }
}

extension Simulation {
    /// Chooses the tilt by the cross-entropy method (Rubinstein; as applied to
    /// portfolio credit risk by Glasserman and Li 2005, who shift the mean of
    /// the systematic factors towards the region of large losses).
    ///
    /// A trial's score is its worst yearly gap, max_t (claims due − money
    /// available); the pool is exhausted when it is positive. Each iteration
    /// runs `pilotTrials` trials under the current tilt on pilot streams of
    /// the run seed, takes the trials whose score reaches the level
    /// min(0, 90th percentile), and moves each normal factor's mean to their
    /// likelihood-weighted mean draw and each Gamma factor's scale to their
    /// weighted mean over its shape (the maximum-likelihood fit), smoothed
    /// 0.8 new : 0.2 old and bounded (|μ| ≤ 4, ¼ ≤ s ≤ 4). It stops once the
    /// level reaches 0, the exhaustion event itself.
    public func tuneImportanceSampling(_ settings: SimulationSettings, pilotTrials: Int = 5000,
                                       maxIterations: Int = 10) -> ImportanceTuning {
        let perYear = model.normalsPerYear + model.gammasPerYear
        let dimensions = model.horizonYears * perYear
        var shift = [Double](repeating: 0, count: dimensions)
        var scale = [Double](repeating: 1, count: dimensions)
        // Gamma shapes by position; 0 for normal factors and for sectors without variance (Γ ≡ 1).
        var shape = [Double](repeating: 0, count: dimensions)
        for t in 0..<model.horizonYears {
            for j in model.normalsPerYear..<perYear {
                let k = j - model.normalsPerYear
                shape[t * perYear + j] = model.copula == .t
                    ? model.chiGamma!.shape : (model.sectorGamma[k]?.shape ?? 0)
            }
        }
        var pilot = settings
        pilot.purpose = .pilot
        pilot.trials = Int.max / 4
        let blocksPerIteration = max(1, pilotTrials / pilot.blockSize)
        var levels: [Double] = []
        var iterations = 0
        for iteration in 0..<maxIterations {
            iterations = iteration + 1
            pilot.tilt = iteration == 0 ? nil : FactorTilt(normalShift: shift, gammaScale: scale)
            var scores: [Double] = []
            var logRatios: [Double] = []
            var draws: [[Double]] = []
            for b in 0..<blocksPerIteration {
                simulateBlock(iteration * blocksPerIteration + b, settings: pilot) { outcome, logRatio, factorDraws in
                    var worst = -Double.infinity
                    for year in outcome.years { worst = max(worst, year.claims - year.available) }
                    scores.append(worst)
                    logRatios.append(logRatio)
                    draws.append(factorDraws)
                }
            }
            let level = min(0, Stat.percentile(sorted: scores.sorted(), 0.9))
            levels.append(level)
            let elite = scores.indices.filter { scores[$0] >= level }
            let largest = elite.map { logRatios[$0] }.max() ?? 0
            let weights = elite.map { exp(logRatios[$0] - largest) }
            let total = weights.reduce(0, +)
            for j in 0..<dimensions {
                var sum = 0.0
                for (e, i) in elite.enumerated() { sum += weights[e] * draws[i][j] }
                let fitted = sum / total
                if j % perYear < model.normalsPerYear {
                    shift[j] = min(4, max(-4, 0.8 * fitted + 0.2 * shift[j]))
                } else if shape[j] > 0 {
                    scale[j] = min(4, max(0.25, 0.8 * fitted / shape[j] + 0.2 * scale[j]))
                }
            }
            if level >= 0 { break }
        }
        return ImportanceTuning(tilt: FactorTilt(normalShift: shift, gammaScale: scale), iterations: iterations,
                                pilotTrials: blocksPerIteration * pilot.blockSize, levels: levels)
    }
}
