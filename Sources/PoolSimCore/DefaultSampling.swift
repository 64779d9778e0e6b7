import Foundation
import PoolSimRandom

/// The default model of a scenario compiled for sampling: loans put in risk
/// classes by what determines their conditional default probability (bank,
/// sector, PD), thresholds precomputed; each class split into groups by LGD
/// distribution, each group's loans at risk listed year by year.
struct CompiledDefaultModel: Sendable {
    let horizonYears: Int
    let copula: Copula
    let bankCount: Int
    let sectorCount: Int
    // Factor loadings: X = a·G + b·S + c·B + d·ε.
    let loadingGlobal: Double
    let loadingSector: Double
    let loadingBank: Double
    let loadingIdiosyncratic: Double
    let persistence: Double
    let persistenceInnovation: Double
    let tDegreesOfFreedom: Double
    /// t copula: W = 2·g with g ~ Gamma(ν/2, 1), i.e. W ~ χ²_ν.
    let chiGamma: GammaDistribution?
    /// CreditRisk+: Γ_k = σ_k²·g with g ~ Gamma(1/σ_k², 1); nil where σ_k² = 0 (Γ ≡ 1).
    let sectorGamma: [GammaDistribution?]
    let sectorGammaScale: [Double]

    // Risk classes: loans sharing bank, sector and PD.
    let classBank: [Int]
    let classSector: [Int]
    /// Per class and year (c·H + t−1): Φ⁻¹(p) (gaussian), t_ν⁻¹(p) (t), or p (CreditRisk+),
    /// with p = min(1, pd × m(t)).
    let classThreshold: [Double]
    // Groups: the loans of a class sharing an LGD distribution. A group's
    // defaults are drawn together, and their LGDs do not wait on which loans defaulted.
    let groupClass: [Int]
    let groupLGD: [Int]
    /// Loans of group g at risk in year t (before defaults) are
    /// `candidates[candidateStart[g·H + t−1] ..< candidateStart[g·H + t]]`.
    let candidateStart: [Int]
    let candidates: [Int32]
    /// Whether some loan of group g is at risk in more than one year, so that
    /// a default must be remembered to skip the loan later.
    let groupSpansYears: [Bool]
    let someGroupSpansYears: Bool

    let loanLGD: [Int32]
    let lgdDistributions: [BetaDistribution]
    let lgdAdd: Double
    let loanCount: Int

    init(scenario: Scenario, loans: [Loan]) throws(RandomError) {
        let model = scenario.defaultModel
        let horizon = scenario.horizonYears
        horizonYears = horizon
        copula = model.copula
        bankCount = scenario.banks.count
        let rho = model.rhoGlobal + model.rhoSector + model.rhoBank
        loadingGlobal = model.rhoGlobal.squareRoot()
        loadingSector = model.rhoSector.squareRoot()
        loadingBank = model.rhoBank.squareRoot()
        loadingIdiosyncratic = (1 - rho).squareRoot()
        persistence = model.globalPersistence
        persistenceInnovation = (1 - model.globalPersistence * model.globalPersistence).squareRoot()
        tDegreesOfFreedom = model.tDegreesOfFreedom
        chiGamma = model.copula == .t ? try GammaDistribution(shape: model.tDegreesOfFreedom / 2, scale: 1) : nil
        lgdAdd = model.lgdAdd
        loanCount = loans.count

        var bankIndex: [String: Int] = [:]
        for (b, bank) in scenario.banks.enumerated() { bankIndex[bank.id] = b }
        struct ClassKey: Hashable { let bank: Int; let sector: Int; let pd: Double }
        struct GroupKey: Hashable { let riskClass: Int; let lgd: Int }
        var sectorNumbers = Numbering<String>()
        var classNumbers = Numbering<ClassKey>()
        var lgdNumbers = Numbering<LGDSpec>()
        var groupNumbers = Numbering<GroupKey>()
        var members: [[Int]] = []
        var loanLGD: [Int32] = []
        for (i, loan) in loans.enumerated() {
            let sector = sectorNumbers.number(loan.sector)
            let riskClass = classNumbers.number(ClassKey(bank: bankIndex[loan.bank]!, sector: sector, pd: loan.pd))
            let lgd = lgdNumbers.number(loan.lgd)
            loanLGD.append(Int32(lgd))
            let group = groupNumbers.number(GroupKey(riskClass: riskClass, lgd: lgd))
            if group == members.count { members.append([]) }
            members[group].append(i)
        }
        let sectors = sectorNumbers.keys
        let classKeys = classNumbers.keys
        let groupKeys = groupNumbers.keys
        let lgds = try lgdNumbers.keys.map { lgd throws(RandomError) in
            try BetaDistribution(mean: lgd.mean, sd: lgd.sd)
        }
        sectorCount = sectors.count
        sectorGamma = try sectors.map { sector throws(RandomError) -> GammaDistribution? in
            let variance = model.variance(ofSector: sector)
            return variance > 0 ? try GammaDistribution(shape: 1 / variance, scale: 1) : nil
        }
        sectorGammaScale = sectors.map { model.variance(ofSector: $0) }
        classBank = classKeys.map(\.bank)
        classSector = classKeys.map(\.sector)
        var thresholds: [Double] = []
        for key in classKeys {
            for t in 1...horizon {
                let p = min(1, key.pd * model.multiplier(year: t))
                switch model.copula {
                case .gaussian: thresholds.append(Probability.normalQuantile(p))
                case .t: thresholds.append(Probability.studentTQuantile(p, degreesOfFreedom: model.tDegreesOfFreedom))
                case .creditriskplus: thresholds.append(p)
                }
            }
        }
        classThreshold = thresholds
        groupClass = groupKeys.map(\.riskClass)
        groupLGD = groupKeys.map(\.lgd)
        var starts: [Int] = [0]
        var candidates: [Int32] = []
        for g in groupKeys.indices {
            for t in 1...horizon {
                for i in members[g] where loans[i].isAtRisk(year: t) { candidates.append(Int32(i)) }
                starts.append(candidates.count)
            }
        }
        groupSpansYears = members.map { group in
            group.contains { i in (1...horizon).count(where: { loans[i].isAtRisk(year: $0) }) > 1 }
        }
        someGroupSpansYears = groupSpansYears.contains(true)
        candidateStart = starts
        self.candidates = candidates
        self.loanLGD = loanLGD
        lgdDistributions = lgds
    }

    var classCount: Int { classBank.count }
    var groupCount: Int { groupClass.count }

    /// Standard-normal factor draws per year: G's innovation, each sector, each
    /// bank (none for CreditRisk+).
    var normalsPerYear: Int { copula == .creditriskplus ? 0 : 1 + sectorCount + bankCount }
    /// Gamma factor draws per year: W for the t copula, each sector's Γ for CreditRisk+.
    var gammasPerYear: Int { copula == .t ? 1 : copula == .creditriskplus ? sectorCount : 0 }
}


/// Numbers distinct keys 0, 1, 2, … in the order they are first seen.
private struct Numbering<Key: Hashable> {
    private var numbers: [Key: Int] = [:]
    private(set) var keys: [Key] = []

    mutating func number(_ key: Key) -> Int {
        if let known = numbers[key] { return known }
        numbers[key] = keys.count
        keys.append(key)
        return keys.count - 1
    }
}

/// Draws the defaults of one trial at a time into reused buffers.
struct DefaultSampler {
    let model: CompiledDefaultModel
    let method: SamplingMethod
    /// This trial's defaults, ordered by year.
    private(set) var events: [DefaultEvent] = []
    private var defaulted: [Bool]
    private var sectorFactor: [Double]
    private var bankFactor: [Double]
    /// Each risk class's default probability this year, given the factors.
    private var classProbability: [Double]
    /// Uniforms drawn this trial for the defaults themselves (not LGDs or
    /// times): the geometric gaps of the grouped method, one per loan at risk per-loan.
    private(set) var defaultUniforms = 0
    /// This trial's factor draws before the model scales them, year-major:
    /// the normals (with their importance-sampling shift), then the Gamma
    /// variables divided by their nominal scale. Used to tune the shift.
    private(set) var factorDraws: [Double]

    init(model: CompiledDefaultModel, method: SamplingMethod) {
        self.model = model
        self.method = method
        defaulted = Array(repeating: false, count: model.loanCount)
        sectorFactor = Array(repeating: 0, count: model.sectorCount)
        bankFactor = Array(repeating: 0, count: model.bankCount)
        classProbability = Array(repeating: 0, count: model.classCount)
        factorDraws = Array(repeating: 0, count: model.horizonYears * (model.normalsPerYear + model.gammasPerYear))
        events.reserveCapacity(64)
    }

    /// Draws one trial and returns its log likelihood ratio (0 without a tilt).
    ///
    /// Two streams, so that runs whose defaults differ still share their
    /// systematic factors: `factors` gives, per year, G's innovation, each
    /// sector's and each bank's factor and then W for the t copula (or each
    /// sector's Γ for CreditRisk+); `defaults` gives, per year and group in
    /// order, the group's defaults (its geometric gaps, or one uniform per loan
    /// at risk) and then, for each default, its LGD and its time in the year.
    ///
    /// With a tilt, factor j of year t is drawn from N(μ, 1) instead of N(0, 1)
    /// and a Gamma factor with its scale multiplied by s; the likelihood ratio
    /// of the nominal to the tilted density is returned, as its logarithm.
    mutating func drawTrial(factors: RandomGenerator, defaults: RandomGenerator, tilt: FactorTilt? = nil) -> Double {
        if model.someGroupSpansYears {
            for event in events { defaulted[event.loan] = false }
        }
        events.removeAll(keepingCapacity: true)
        defaultUniforms = 0
        let normal = StandardNormal()
        var global = 0.0
        var logRatio = 0.0
        var draw = 0
        let horizon = model.horizonYears
        for t in 1...horizon {
            var scale = 1.0
            if model.copula == .creditriskplus {
                for k in 0..<model.sectorCount {
                    guard let gamma = model.sectorGamma[k] else {
                        sectorFactor[k] = 1
                        factorDraws[draw] = 1
                        draw += 1
                        continue
                    }
                    sectorFactor[k] = model.sectorGammaScale[k] * tiltedGamma(gamma, factors, tilt, &draw, &logRatio)
                }
            } else {
                let innovation = shiftedNormal(normal, factors, tilt, &draw, &logRatio)
                global = t == 1 ? innovation : model.persistence * global + model.persistenceInnovation * innovation
                for k in 0..<model.sectorCount { sectorFactor[k] = shiftedNormal(normal, factors, tilt, &draw, &logRatio) }
                for b in 0..<model.bankCount { bankFactor[b] = shiftedNormal(normal, factors, tilt, &draw, &logRatio) }
                if let chiGamma = model.chiGamma {
                    let g = tiltedGamma(chiGamma, factors, tilt, &draw, &logRatio)
                    scale = (2 * g / model.tDegreesOfFreedom).squareRoot()
                }
            }
            for c in 0..<model.classCount {
                classProbability[c] = conditionalProbability(riskClass: c, year: t, global: global, scale: scale)
            }
            for g in 0..<model.groupCount {
                let q = classProbability[model.groupClass[g]]
                guard q > 0 else { continue }
                let start = model.candidateStart[g * horizon + t - 1]
                let end = model.candidateStart[g * horizon + t]
                let lgd = model.lgdDistributions[model.groupLGD[g]]
                switch method {
                case .grouped:
                    drawGrouped(start..<end, probability: q, year: t, lgd: lgd,
                                skippingDefaulted: model.groupSpansYears[g], using: defaults)
                case .perLoan:
                    drawPerLoan(start..<end, probability: q, year: t, lgd: lgd,
                                skippingDefaulted: model.groupSpansYears[g], using: defaults)
                }
            }
        }
        return logRatio
    }

    /// A Gamma(k, 1) factor, its scale multiplied by s under a tilt (adding
    /// k·ln s + g(1/s − 1) to the log ratio).
    @inline(__always)
    private mutating func tiltedGamma(_ gamma: GammaDistribution, _ generator: RandomGenerator, _ tilt: FactorTilt?,
                                      _ draw: inout Int, _ logRatio: inout Double) -> Double {
        var g = gamma.sample(using: generator)
        if let s = tilt?.gammaScale[draw], s != 1 {
            g *= s
            logRatio += gamma.shape * log(s) + g * (1 / s - 1)
        }
        factorDraws[draw] = g
        draw += 1
        return g
    }

    /// A standard-normal factor, shifted to N(μ, 1) under a tilt (adding −μz + μ²/2 to the log ratio).
    @inline(__always)
    private mutating func shiftedNormal(_ normal: StandardNormal, _ generator: RandomGenerator, _ tilt: FactorTilt?,
                                        _ draw: inout Int, _ logRatio: inout Double) -> Double {
        var z = normal.sample(using: generator)
        if let mu = tilt?.normalShift[draw], mu != 0 {
            z += mu
            logRatio += -mu * z + mu * mu / 2
        }
        factorDraws[draw] = z
        draw += 1
        return z
    }

    /// The risk class's default probability given the year's factors.
    @inline(__always)
    private func conditionalProbability(riskClass c: Int, year t: Int, global: Double, scale: Double) -> Double {
        let threshold = model.classThreshold[c * model.horizonYears + t - 1]
        switch model.copula {
        case .creditriskplus:
            return min(1, threshold * sectorFactor[model.classSector[c]])
        case .gaussian, .t:
            if threshold == -.infinity { return 0 }
            if threshold == .infinity { return 1 }
            let systematic = model.loadingGlobal * global
                + model.loadingSector * sectorFactor[model.classSector[c]]
                + model.loadingBank * bankFactor[model.classBank[c]]
            return Probability.normalCDF((threshold * scale - systematic) / model.loadingIdiosyncratic)
        }
    }

    /// Each loan at risk defaults with probability q: jump from default to
    /// default by geometric gaps, so the cost follows the number of defaults.
    /// A jump landing on a loan that defaulted in an earlier year is ignored:
    /// every loan still at risk gets its own independent Bernoulli(q). Loans of
    /// a group at risk in one year only cannot have defaulted before.
    @inline(__always)
    private mutating func drawGrouped(_ range: Range<Int>, probability q: Double, year: Int, lgd: BetaDistribution,
                                      skippingDefaulted: Bool, using generator: RandomGenerator) {
        let first = events.count
        if q >= 1 {
            for position in range {
                addDefault(model.candidates[position], year: year, skippingDefaulted: skippingDefaulted)
            }
        } else {
            // Failures before the next success: ⌊ln U / ln(1−q)⌋, U uniform on (0, 1).
            let gapPerLogUniform = 1 / log1p(-q)
            var position = range.lowerBound - 1
            while true {
                let gap = log(generator.uniformPositive()) * gapPerLogUniform
                defaultUniforms += 1
                if gap >= Double(range.upperBound - position - 1) { break }
                position += Int(gap) + 1
                addDefault(model.candidates[position], year: year, skippingDefaulted: skippingDefaulted)
            }
        }
        drawLosses(from: first, lgd: lgd, using: generator)
    }

    /// The reference method: one uniform per loan at risk.
    private mutating func drawPerLoan(_ range: Range<Int>, probability q: Double, year: Int, lgd: BetaDistribution,
                                      skippingDefaulted: Bool, using generator: RandomGenerator) {
        let first = events.count
        for position in range {
            let loan = model.candidates[position]
            if skippingDefaulted && defaulted[Int(loan)] { continue }
            defaultUniforms += 1
            if generator.uniform() < q { addDefault(loan, year: year, skippingDefaulted: skippingDefaulted) }
        }
        drawLosses(from: first, lgd: lgd, using: generator)
    }

    @inline(__always)
    private mutating func addDefault(_ loan: Int32, year: Int, skippingDefaulted: Bool) {
        if skippingDefaulted {
            guard !defaulted[Int(loan)] else { return }
            defaulted[Int(loan)] = true
        }
        events.append(DefaultEvent(loan: Int(loan), year: year, lgd: 0, time: 0))
    }

    /// Each default from `events[first]` on gets its LGD and then its time in
    /// the year. Drawn once the group's defaults are known, they wait on no
    /// other draw.
    @inline(__always)
    private mutating func drawLosses(from first: Int, lgd: BetaDistribution, using generator: RandomGenerator) {
        let lgdAdd = model.lgdAdd
        events.withUnsafeMutableBufferPointer { events in
            for k in first..<events.count {
                events[k].lgd = min(1, max(0, lgd.sample(using: generator) + lgdAdd))
                events[k].time = generator.uniform()
            }
        }
    }
}
