extension RequestText {
    static let en: [RequestText: String] = [
        .ruinMissing: "give at least one --ruin P",
        .ruinRange: "--ruin must be a probability strictly between 0 and 1, got {value}",
        .trialsTooFew: "--trials must be at least 1, got {value}",
        .jobsTooFew: "--jobs must be at least 1, got {value}",
        .compareNoScenario: "give at least one scenario",
        .compareColumns: "compare needs two columns at least: several scenarios, or a scenario and --stress NAME",
        .gridSyntax: "--grid needs PATH=V1,V2,…, got '{text}'",
        .gridValues: "--grid {path} needs a comma-separated list of values",
        .gridCount: "give one or two --grid options",
        .gridSameKey: "the two grids name the same key",
        .varySyntax: "--vary needs NAME=LOW,HIGH, got '{text}'",
        .varyNumbers: "--vary {name} takes two numbers, got '{text}'",
        .noResultsDirectory: "{path}: no such results directory",
        .noResultsFile: "{path} does not exist; `poolsim run --export json` writes it",
        .invalidResultsJSON: "{path}: {detail}",
        .notResultsDocument: "{path} is not a PoolSim results document (no schema_version or summary)",
        .unreadableResults: "{path}: {detail}",
    ]
}
