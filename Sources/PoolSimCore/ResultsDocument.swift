/// Why a run stopped.
public enum StopReason: String, Sendable {
    case completed, interrupted
}

/// What describes a run: who, what, with which randomness (results.json `metadata`).
public struct RunMetadata: Sendable {
    public var toolVersion = PoolSimVersion.string
    public var gslVersion: String
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
    /// Further facts, in order (e.g. MPI ranks, the sampling method).
    public var extra: [(String, JSONValue)]

    public init(gslVersion: String, rng: String, seed: UInt64, trials: Int, trialsRequested: Int, jobs: Int,
                scenarioName: String, scenarioSHA256: String, overrides: [String], stress: String?,
                createdAt: String, elapsedSeconds: Double, stopReason: StopReason, extra: [(String, JSONValue)] = []) {
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
        self.extra = extra
    }

    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("tool_version", .string(toolVersion)),
            ("gsl_version", .string(gslVersion)),
            ("rng", .string(rng)),
            ("seed", .int(Int(clamping: seed))),
            ("trials", .int(trials)),
        ]
        if trialsRequested != trials { members.append(("trials_requested", .int(trialsRequested))) }
        members += [
            ("jobs", .int(jobs)),
            ("scenario_name", .string(scenarioName)),
            ("scenario_sha256", .string(scenarioSHA256)),
            ("overrides", .array(overrides.map(JSONValue.string))),
            ("stress", stress.map(JSONValue.string) ?? .null),
            ("created_at", .string(createdAt)),
            ("elapsed_seconds", .number((elapsedSeconds * 1000).rounded() / 1000)),
            ("stop_reason", .string(stopReason.rawValue)),
        ]
        return .object(members + extra)
    }
}

/// The results document (`results.json`, `--format json`; README, "Results"), schema version 1.
public enum ResultsDocument {
    public static let schemaVersion = 1

    public static func json(metadata: RunMetadata, statistics s: RunStatistics,
                            scenario: JSONValue? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("schema_version", .int(schemaVersion)),
            ("metadata", metadata.json),
            ("summary", summary(s)),
            ("by_year", .array(s.byYear.map { year in
                .object([("year", .int(year.year))] + YearQuantity.allCases.map { ($0.name, stat(year.stat($0))) })
            })),
            ("by_bank", .array(s.byBank.map { bank in
                .object([("id", .string(bank.id)), ("name", .string(bank.name))]
                    + BankQuantity.allCases.map { ($0.name, stat(bank.stat($0))) }
                    + [("tail_contribution_99", .finite(bank.tailContribution99))])
            })),
            ("pool_size", .object([
                ("available", .bool(s.poolSize.available)),
                ("required", .array(s.poolSize.required.map {
                    .object([("ruin_probability", .number($0.ruinProbability)),
                             ("initial_balance", .finite($0.initialBalance))])
                })),
                ("curve", .array(s.poolSize.curve.map {
                    .object([("initial_balance", .finite($0.initialBalance)),
                             ("p_exhaustion", .finite($0.pExhaustion))])
                })),
            ])),
        ]
        if let scenario { members.append(("scenario", scenario)) }
        return .object(members)
    }

    static func summary(_ s: RunStatistics) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("p_exhaustion", probability(s.pExhaustion)),
            ("p_exhaustion_by_year", .array(s.pExhaustionByYear.enumerated().map { t, p in
                .object([("year", .int(t + 1))] + probabilityMembers(p))
            })),
        ]
        members += TotalQuantity.allCases.map { ($0.name, stat(s.total($0))) }
        members.append(("claims_var", .object(zip(tailLevels, s.claimsVaR).map { ($0.name, .finite($1)) })))
        members.append(("claims_es", .object(zip(tailLevels, s.claimsES).map { ($0.name, .finite($1)) })))
        return .object(members)
    }

    static func probability(_ p: ProbabilityEstimate) -> JSONValue { .object(probabilityMembers(p)) }

    static func probabilityMembers(_ p: ProbabilityEstimate) -> [(String, JSONValue)] {
        [("estimate", .finite(p.estimate)), ("ci_low", .finite(p.low)), ("ci_high", .finite(p.high))]
    }

    public static func stat(_ s: Stat) -> JSONValue {
        .object([
            ("mean", .finite(s.mean)), ("sd", .finite(s.sd)), ("mcse", .finite(s.mcse)),
            ("min", .finite(s.min)), ("max", .finite(s.max)),
            ("percentiles", .object(zip(percentileLevels, s.percentiles).map { ($0.name, .finite($1)) })),
        ])
    }
}
