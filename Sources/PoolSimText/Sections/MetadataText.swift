/// The fields of a run's metadata as people read them, keyed by their name in
/// results.json. English shows the name itself (the report with spaces for
/// underscores); Chinese a label.
public enum MetadataText: String, TextSection {
    case schemaVersion = "schema_version"
    case toolVersion = "tool_version"
    case gslVersion = "gsl_version"
    case rng
    case seed
    case trials
    case trialsRequested = "trials_requested"
    case jobs
    case scenarioName = "scenario_name"
    case scenarioSHA256 = "scenario_sha256"
    case overrides
    case stress
    case createdAt = "created_at"
    case elapsedSeconds = "elapsed_seconds"
    case stopReason = "stop_reason"
    case method
    case blockSize = "block_size"
    case mpiRanks = "mpi_ranks"
    case importance
    case defaultsFile = "defaults_file"

    public static func table(_ language: Language) -> [Self: String] {
        switch language {
        case .en: Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.rawValue) })
        case .zh: zh
        }
    }

    /// The label of a metadata field named `key`; a field without one (a newer key) as written.
    public static func label(_ key: String, _ language: Language) -> String {
        Self(rawValue: key)?.text(language) ?? key
    }
}
