import Foundation
import PoolSimRandom

/// The random variates a simulation's trials need, drawn and thrown away: the
/// floor under the engine's cost, against which `make bench` measures it
/// (docs/performance.md). The trials of each block are first drawn by the
/// engine's own sampler, untimed, to learn what each needs — its factors, the
/// uniforms that place its defaults (geometric gaps, or one per loan at risk),
/// and per default a Beta LGD of its loan's distribution and a uniform time.
/// That pass is timed too: the sampler's own cost, draws and bookkeeping,
/// without settling or recording. Then the same kinds and numbers of variates
/// are drawn again, timed, from fresh generators of the same streams
/// (`SimulationSettings.streams(ofBlock:)`), with nothing settled or recorded.
public struct DrawsOnly: Sendable {
    public struct Measurement: Sendable {
        public var trials: Int
        /// Time spent drawing, on one thread.
        public var seconds: Double
        /// Time the engine's sampler takes to draw the same trials (their
        /// defaults, LGDs and times), on one thread.
        public var samplerSeconds: Double
        /// Variates drawn, by kind, over all trials.
        public var factors: Int
        public var defaultUniforms: Int
        public var defaults: Int

        public var trialsPerSecond: Double { Double(trials) / seconds }
    }

    /// Every block of `settings` in turn on this thread (`settings.jobs` is not used).
    public static func measure(_ simulation: Simulation, settings: SimulationSettings) -> Measurement {
        let model = simulation.model
        var total = Measurement(trials: 0, seconds: 0, samplerSeconds: 0, factors: 0, defaultUniforms: 0, defaults: 0)
        var sink = 0.0
        for block in 0..<settings.blockCount {
            let trials = settings.trials(ofBlock: block)
            // What each trial needs: its default uniforms, and its defaults' LGD
            // distributions, trial after trial in `lgds`.
            var sampler = DefaultSampler(model: model, method: settings.method)
            var uniforms: [Int] = []
            var defaultCounts: [Int] = []
            var lgds: [Int32] = []
            uniforms.reserveCapacity(trials.count)
            defaultCounts.reserveCapacity(trials.count)
            let (factors, defaults) = settings.streams(ofBlock: block)
            let samplerStarted = ContinuousClock.now
            for _ in trials {
                _ = sampler.drawTrial(factors: factors, defaults: defaults)
                uniforms.append(sampler.defaultUniforms)
                defaultCounts.append(sampler.events.count)
                for event in sampler.events { lgds.append(model.loanLGD[event.loan]) }
            }
            total.samplerSeconds += seconds(since: samplerStarted)
            // The same variates again, timed.
            let (factorStream, defaultStream) = settings.streams(ofBlock: block)
            let normal = StandardNormal()
            let started = ContinuousClock.now
            var next = 0
            for k in uniforms.indices {
                for _ in 0..<model.horizonYears {
                    if model.copula == .creditriskplus {
                        for gamma in model.sectorGamma { if let gamma { sink += gamma.sample(using: factorStream) } }
                    } else {
                        for _ in 0..<model.normalsPerYear { sink += normal.sample(using: factorStream) }
                        if let chiGamma = model.chiGamma { sink += chiGamma.sample(using: factorStream) }
                    }
                }
                for _ in 0..<uniforms[k] { sink += log(defaultStream.uniformPositive()) }
                for lgd in lgds[next..<next + defaultCounts[k]] {
                    sink += model.lgdDistributions[Int(lgd)].sample(using: defaultStream)
                    sink += defaultStream.uniform()
                }
                next += defaultCounts[k]
            }
            total.seconds += seconds(since: started)
            total.trials += trials.count
            total.factors += trials.count * model.horizonYears * (model.normalsPerYear + model.gammasPerYear)
            total.defaultUniforms += uniforms.reduce(0, +)
            total.defaults += lgds.count
        }
        // Kept, so that the draws cannot be optimised away.
        if sink.isNaN { total.seconds = .nan }
        return total
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
