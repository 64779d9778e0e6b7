import Foundation
import PoolSimCore

/// What a web run does: one of the command line's jobs.
public enum JobKind: String, Codable, CaseIterable, Sendable {
    case run, size, compare, sweep, sensitivity, replay
}

/// Where a web run is in its life.
public enum RunStatus: String, Codable, CaseIterable, Sendable {
    case queued, running, done, failed, cancelled, interrupted

    /// Whether the run will change no more.
    public var isFinal: Bool { self != .queued && self != .running }
}

/// A run as the runs list shows it (`GET /api/runs`).
public struct RunListing: Codable, Sendable, Equatable {
    public var id: String
    public var kind: JobKind
    /// The scenario's name (the first scenario's, for compare).
    public var scenario: String
    public var status: RunStatus
    /// ISO 8601, UTC.
    public var createdAt: String
    /// Trials asked for.
    public var trials: Int

    enum CodingKeys: String, CodingKey { case id, kind, scenario, status, createdAt = "created_at", trials }
}

/// How far a run has got: the latest progress event.
public struct RunProgress: Codable, Sendable, Equatable {
    /// The simulation being run ("hebei-2022", "2/3 hebei-2022 + severe-downturn").
    public var label: String
    public var trialsDone: Int
    public var trials: Int
    /// Trials per second so far.
    public var rate: Double
    /// P(exhaustion) over the trials done, with its 95% interval; nil before any.
    public var pExhaustion: Double?
    public var ciLow: Double?
    public var ciHigh: Double?

    enum CodingKeys: String, CodingKey {
        case label, trialsDone = "trials_done", trials, rate, pExhaustion = "p_exhaustion", ciLow = "ci_low", ciHigh = "ci_high"
    }
}

/// The typed results of a finished web run, by kind.
public enum JobResults: Sendable {
    case run(RunResults)
    case size(SizeResults)
    case compare(CompareResults)
    case sweep(SweepResults)
    case sensitivity(SensitivityResults)
    /// A replay: the one-trial results document.
    case replay(RunResults)

    /// The JSON document the matching command prints with `--format json`.
    public var document: JSONValue {
        let encoder = JSONValueEncoder()
        let value: JSONValue? = switch self {
        case let .run(results), let .replay(results): try? encoder.encode(results)
        case let .size(results): try? encoder.encode(results.estimatesDocument)
        case let .compare(results): try? encoder.encode(results)
        case let .sweep(results): try? encoder.encode(results)
        case let .sensitivity(results): try? encoder.encode(results)
        }
        return value ?? .null
    }
}

/// A scenario offered by name (`GET /api/scenarios`).
public struct ScenarioEntry: Codable, Sendable, Equatable {
    public var name: String
    public var description: String
    /// The file name in the scenarios folder.
    public var file: String
}
