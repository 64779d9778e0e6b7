/// Why a run stopped.
public enum StopReason: String, Sendable, Codable {
    case completed, interrupted
}

/// The results of one run (`results.json`, `--format json`; README, "Results"), schema version 1.
///
/// Its JSON form is its `Codable` conformance, written with `JSONValueEncoder`:
/// keys in the order below, every key present, numbers as `JSONValue` renders them.
public struct RunResults: Sendable, Codable {
    public static let schemaVersion = 1

    public var metadata: RunMetadata
    public var statistics: RunStatistics
    /// The resolved scenario as run; absent from replays.
    public var scenario: ScenarioRecord?

    public init(metadata: RunMetadata, statistics: RunStatistics, scenario: ScenarioRecord? = nil) {
        self.metadata = metadata
        self.statistics = statistics
        self.scenario = scenario
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", metadata, summary
        case byYear = "by_year", byBank = "by_bank", poolSize = "pool_size", scenario
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schemaVersion, forKey: .schemaVersion)
        try c.encode(metadata, forKey: .metadata)
        try c.encode(statistics.summary, forKey: .summary)
        try c.encode(statistics.byYear, forKey: .byYear)
        try c.encode(statistics.byBank, forKey: .byBank)
        try c.encode(statistics.poolSize, forKey: .poolSize)
        if let scenario { try c.encode(scenario, forKey: .scenario) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decode(Int.self, forKey: .schemaVersion)
        guard version <= Self.schemaVersion else {
            throw DecodingError.dataCorruptedError(forKey: .schemaVersion, in: c,
                debugDescription: "schema version \(version); this PoolSim reads up to \(Self.schemaVersion)")
        }
        metadata = try c.decode(RunMetadata.self, forKey: .metadata)
        statistics = RunStatistics(trials: metadata.trials,
                                   summary: try c.decode(RunSummary.self, forKey: .summary),
                                   byYear: try c.decode([RunStatistics.YearStats].self, forKey: .byYear),
                                   byBank: try c.decode([RunStatistics.BankStats].self, forKey: .byBank),
                                   poolSize: try c.decode(RunStatistics.PoolSize.self, forKey: .poolSize))
        scenario = try c.decodeIfPresent(ScenarioRecord.self, forKey: .scenario)
    }

    /// The results document as JSON text (two-space indents, final newline).
    public func json() -> String { JSONValueEncoder().text(self) }

    /// Reads a results document.
    public init(json text: String) throws {
        self = try JSONValueDecoder().decode(Self.self, from: try JSONValue(parsing: text))
    }
}

/// The resolved scenario recorded with results: its document as written, and
/// the few facts the reports show.
public struct ScenarioRecord: Sendable, Codable {
    /// Every key of the resolved scenario, as `ScenarioWriter` writes it.
    public var document: JSONValue
    public var description: String?
    public var horizonYears: Int?
    public var initialBalance: Double?
    public var copula: Copula?

    public init(document: JSONValue, scenario: Scenario) {
        self.document = document
        description = scenario.description
        horizonYears = scenario.horizonYears
        initialBalance = scenario.pool.initialBalance
        copula = scenario.defaultModel.copula
    }

    enum Keys: String, CodingKey {
        case description, horizonYears = "horizon_years", pool, defaultModel = "default_model"
        case initialBalance = "initial_balance", copula
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(document)
    }

    public init(from decoder: Decoder) throws {
        document = try decoder.singleValueContainer().decode(JSONValue.self)
        // What a reader needs; anything missing from an older file stays nil.
        let c = try decoder.container(keyedBy: Keys.self)
        description = try? c.decodeIfPresent(String.self, forKey: .description)
        horizonYears = try? c.decodeIfPresent(Int.self, forKey: .horizonYears)
        initialBalance = try? c.nestedContainer(keyedBy: Keys.self, forKey: .pool)
            .decodeIfPresent(Double.self, forKey: .initialBalance)
        copula = (try? c.nestedContainer(keyedBy: Keys.self, forKey: .defaultModel)
            .decodeIfPresent(String.self, forKey: .copula)).flatMap { $0.flatMap(Copula.init(rawValue:)) }
    }
}

/// What describes a run: who, what, with which randomness (results.json `metadata`).
public struct RunMetadata: Sendable, Codable {
    public var toolVersion = PoolSimVersion.string
    public var gslVersion: String
    /// The GSL generator's name.
    public var rng: String
    public var seed: UInt64
    /// Trials the statistics rest on.
    public var trials: Int
    /// Trials asked for (differs from `trials` when interrupted).
    public var trialsRequested: Int
    public var jobs: Int
    public var scenarioName: String
    public var scenarioSHA256: String
    public var overrides: [String]
    public var stress: String?
    /// ISO 8601, UTC.
    public var createdAt: String
    public var elapsedSeconds: Double
    public var stopReason: StopReason
    /// How defaults were drawn; nil for replays.
    public var method: SamplingMethod?
    public var blockSize: Int?
    /// The number of MPI ranks, for runs of poolsim-mpi.
    public var mpiRanks: Int?
    public var importance: ImportanceReport?
    /// The defaults file of a replay.
    public var defaultsFile: String?

    public init(gslVersion: String, rng: String, seed: UInt64, trials: Int, trialsRequested: Int, jobs: Int,
                scenarioName: String, scenarioSHA256: String, overrides: [String], stress: String?,
                createdAt: String, elapsedSeconds: Double, stopReason: StopReason, method: SamplingMethod? = nil,
                blockSize: Int? = nil, mpiRanks: Int? = nil, importance: ImportanceReport? = nil,
                defaultsFile: String? = nil) {
        self.gslVersion = gslVersion
        self.rng = rng
        self.seed = seed
        self.trials = trials
        self.trialsRequested = trialsRequested
        self.jobs = jobs
        self.scenarioName = scenarioName
        self.scenarioSHA256 = scenarioSHA256
        self.overrides = overrides
        self.stress = stress
        self.createdAt = createdAt
        self.elapsedSeconds = elapsedSeconds
        self.stopReason = stopReason
        self.method = method
        self.blockSize = blockSize
        self.mpiRanks = mpiRanks
        self.importance = importance
        self.defaultsFile = defaultsFile
    }

    public enum CodingKeys: String, CodingKey {
        case toolVersion = "tool_version", gslVersion = "gsl_version", rng, seed, trials
        case trialsRequested = "trials_requested", jobs, scenarioName = "scenario_name"
        case scenarioSHA256 = "scenario_sha256", overrides, stress, createdAt = "created_at"
        case elapsedSeconds = "elapsed_seconds", stopReason = "stop_reason", method, blockSize = "block_size"
        case mpiRanks = "mpi_ranks", importance, defaultsFile = "defaults_file"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(toolVersion, forKey: .toolVersion)
        try c.encode(gslVersion, forKey: .gslVersion)
        try c.encode(rng, forKey: .rng)
        try c.encode(seed, forKey: .seed)
        try c.encode(trials, forKey: .trials)
        if trialsRequested != trials { try c.encode(trialsRequested, forKey: .trialsRequested) }
        try c.encode(jobs, forKey: .jobs)
        try c.encode(scenarioName, forKey: .scenarioName)
        try c.encode(scenarioSHA256, forKey: .scenarioSHA256)
        try c.encode(overrides, forKey: .overrides)
        try c.encodeIfPresent(stress, forKey: .stress)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode((elapsedSeconds * 1000).rounded() / 1000, forKey: .elapsedSeconds)
        try c.encode(stopReason, forKey: .stopReason)
        // The rest only where they apply.
        if let method { try c.encode(method, forKey: .method) }
        if let blockSize { try c.encode(blockSize, forKey: .blockSize) }
        if let mpiRanks { try c.encode(mpiRanks, forKey: .mpiRanks) }
        if let importance { try c.encode(importance, forKey: .importance) }
        if let defaultsFile { try c.encode(defaultsFile, forKey: .defaultsFile) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        toolVersion = try c.decode(String.self, forKey: .toolVersion)
        gslVersion = try c.decode(String.self, forKey: .gslVersion)
        rng = try c.decode(String.self, forKey: .rng)
        seed = try c.decode(UInt64.self, forKey: .seed)
        trials = try c.decode(Int.self, forKey: .trials)
        trialsRequested = try c.decodeIfPresent(Int.self, forKey: .trialsRequested) ?? trials
        jobs = try c.decode(Int.self, forKey: .jobs)
        scenarioName = try c.decode(String.self, forKey: .scenarioName)
        scenarioSHA256 = try c.decode(String.self, forKey: .scenarioSHA256)
        overrides = try c.decode([String].self, forKey: .overrides)
        stress = try c.decodeIfPresent(String.self, forKey: .stress)
        createdAt = try c.decode(String.self, forKey: .createdAt)
        elapsedSeconds = try c.decode(Double.self, forKey: .elapsedSeconds)
        stopReason = try c.decode(StopReason.self, forKey: .stopReason)
        method = try c.decodeIfPresent(SamplingMethod.self, forKey: .method)
        blockSize = try c.decodeIfPresent(Int.self, forKey: .blockSize)
        mpiRanks = try c.decodeIfPresent(Int.self, forKey: .mpiRanks)
        importance = try c.decodeIfPresent(ImportanceReport.self, forKey: .importance)
        defaultsFile = try c.decodeIfPresent(String.self, forKey: .defaultsFile)
    }
}

/// `metadata.importance`: how an importance-sampled run was tuned and how well its weights did.
public struct ImportanceReport: Sendable, Codable {
    public static let methodName = "cross-entropy shift of the systematic factors (Glasserman and Li 2005)"

    public var method = methodName
    public var pilotTrialsPerIteration: Int
    public var iterations: Int
    public var levels: [Double]
    public var largestMeanShift: Double
    public var normalShift: [Double]
    public var gammaScale: [Double]
    public var effectiveSampleSize: Double
    public var eventEffectiveSampleSize: Double
    public var meanWeight: Double
    public var varianceReduction: Double?
    public var largestEventWeightShare: Double
    public var degenerate: Bool
    public var degenerateReason: String?

    public init(_ tuning: ImportanceTuning, _ diagnostics: ImportanceDiagnostics) {
        let shifts = tuning.tilt.normalShift
        pilotTrialsPerIteration = tuning.pilotTrials
        iterations = tuning.iterations
        levels = tuning.levels
        largestMeanShift = shifts.map(abs).max() ?? 0
        normalShift = shifts
        gammaScale = tuning.tilt.gammaScale
        effectiveSampleSize = diagnostics.effectiveSampleSize
        eventEffectiveSampleSize = diagnostics.eventEffectiveSampleSize
        meanWeight = diagnostics.meanWeight
        varianceReduction = diagnostics.varianceReduction
        largestEventWeightShare = diagnostics.largestEventWeightShare
        degenerate = diagnostics.degenerateReason != nil
        degenerateReason = diagnostics.degenerateReason?.description
    }

    enum CodingKeys: String, CodingKey {
        case method, pilotTrialsPerIteration = "pilot_trials_per_iteration", iterations, levels
        case largestMeanShift = "largest_mean_shift", normalShift = "normal_shift", gammaScale = "gamma_scale"
        case effectiveSampleSize = "effective_sample_size", eventEffectiveSampleSize = "event_effective_sample_size"
        case meanWeight = "mean_weight", varianceReduction = "variance_reduction"
        case largestEventWeightShare = "largest_event_weight_share", degenerate
        case degenerateReason = "degenerate_reason"
    }
}


// MARK: - Statistics

extension Stat: Codable {
    enum CodingKeys: String, CodingKey { case mean, sd, mcse, min, max, percentiles }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mean, forKey: .mean)
        try c.encode(sd, forKey: .sd)
        try c.encode(mcse, forKey: .mcse)
        try c.encode(min, forKey: .min)
        try c.encode(max, forKey: .max)
        var levels = c.nestedContainer(keyedBy: JSONKey.self, forKey: .percentiles)
        for level in Percentile.allCases { try levels.encode(percentile(level), forKey: JSONKey(level.name)) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let levels = try c.nestedContainer(keyedBy: JSONKey.self, forKey: .percentiles)
        self.init(mean: try c.decode(Double.self, forKey: .mean), sd: try c.decode(Double.self, forKey: .sd),
                  mcse: try c.decode(Double.self, forKey: .mcse), min: try c.decode(Double.self, forKey: .min),
                  max: try c.decode(Double.self, forKey: .max),
                  percentiles: try Percentile.allCases.map { try levels.decode(Double.self, forKey: JSONKey($0.name)) })
    }
}

/// P(exhaustion within t years), as results list it by year.
struct YearProbability: Codable {
    var year: Int
    var estimate: Double
    var low: Double
    var high: Double

    enum CodingKeys: String, CodingKey { case year, estimate, low = "ci_low", high = "ci_high" }
}

extension RunSummary: Codable {
    enum Keys: String, CodingKey {
        case pExhaustion = "p_exhaustion", pExhaustionByYear = "p_exhaustion_by_year"
        case claimsVaR = "claims_var", claimsES = "claims_es"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(pExhaustion, forKey: .pExhaustion)
        try c.encode(pExhaustionByYear.enumerated().map {
            YearProbability(year: $0.offset + 1, estimate: $0.element.estimate, low: $0.element.low, high: $0.element.high)
        }, forKey: .pExhaustionByYear)
        var named = encoder.container(keyedBy: JSONKey.self)
        for q in TotalQuantity.allCases { try named.encode(total(q), forKey: JSONKey(q.name)) }
        try Self.encodeLevels(claimsVaR, into: &c, forKey: .claimsVaR)
        try Self.encodeLevels(claimsES, into: &c, forKey: .claimsES)
    }

    static func encodeLevels(_ values: [Double], into c: inout KeyedEncodingContainer<Keys>, forKey key: Keys) throws {
        var levels = c.nestedContainer(keyedBy: JSONKey.self, forKey: key)
        for level in TailLevel.allCases { try levels.encode(values[level.rawValue], forKey: JSONKey(level.name)) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let named = try decoder.container(keyedBy: JSONKey.self)
        func levels(_ key: Keys) throws -> [Double] {
            let nested = try c.nestedContainer(keyedBy: JSONKey.self, forKey: key)
            return try TailLevel.allCases.map { try nested.decode(Double.self, forKey: JSONKey($0.name)) }
        }
        self.init(pExhaustion: try c.decode(ProbabilityEstimate.self, forKey: .pExhaustion),
                  pExhaustionByYear: try c.decode([YearProbability].self, forKey: .pExhaustionByYear).map {
                      ProbabilityEstimate(estimate: $0.estimate, low: $0.low, high: $0.high)
                  },
                  totals: try TotalQuantity.allCases.map { try named.decode(Stat.self, forKey: JSONKey($0.name)) },
                  claimsVaR: try levels(.claimsVaR), claimsES: try levels(.claimsES))
    }
}

extension RunStatistics.YearStats: Codable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(year, forKey: JSONKey("year"))
        for q in YearQuantity.allCases { try c.encode(stat(q), forKey: JSONKey(q.name)) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        self.init(year: try c.decode(Int.self, forKey: JSONKey("year")),
                  stats: try YearQuantity.allCases.map { try c.decode(Stat.self, forKey: JSONKey($0.name)) })
    }
}

extension RunStatistics.BankStats: Codable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(id, forKey: JSONKey("id"))
        try c.encode(name, forKey: JSONKey("name"))
        for q in BankQuantity.allCases { try c.encode(stat(q), forKey: JSONKey(q.name)) }
        try c.encode(tailContribution99, forKey: JSONKey("tail_contribution_99"))
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        self.init(id: try c.decode(String.self, forKey: JSONKey("id")), name: try c.decode(String.self, forKey: JSONKey("name")),
                  stats: try BankQuantity.allCases.map { try c.decode(Stat.self, forKey: JSONKey($0.name)) },
                  tailContribution99: try c.decode(Double.self, forKey: JSONKey("tail_contribution_99")))
    }
}
