extension RunText {
    static let en: [RunText: String] = [
        .simulationStarted: "{label}: {trials} trials, seed {seed}, {generator}, {jobs} jobs",
        .tuningImportanceSampling: "{label}: tuning importance sampling on pilot trials",
        .progressFigures: "{done}/{total} trials  {rate} trials/s  {left} left",
        .progressExhaustion: "  P(exhaustion) {estimate} [{low}–{high}]",
        .interruptedSummarising: "interrupted: summarising the {trials} trials finished",
        .interruptedNothingWritten: "interrupted before any trial finished; nothing written",
        .analysisInterrupted: "interrupted: the analysis is incomplete; nothing written",
        .importanceDegenerate: "warning: importance sampling is degenerate: {reason}; its estimates are not reliable. Run without --importance, or with more trials.",
        .weightsNotFinite: "some likelihood ratios are not finite",
        .weightsFewExhaustedTrials: "the estimate rests on the weight of {trials} exhausted trials (fewer than 10)",
        .weightsOneTrialDominates: "one trial carries {share} of the weight of all exhausted trials",
        .weightsMeanFarFromOne: "the mean likelihood ratio is {mean}, far from its expectation 1",
        .resultsWritten: "results written to {path}",
        .reportRebuilt: "rebuilt {files} in {path}",
        .reportInputNotRewritten: "note: results.json is the input of report and is not rewritten",
        .uncoveredDefault: "loan '{loan}' was not covered in year {year}; its default makes no claim",
        .trialsTooMany: "{trials} trials would keep about {gigabytes} GB of per-trial values in memory, more than this machine can spare; run at most {most} trials here, or on a machine with more memory (poolsim-mpi spreads the time of a run over ranks, not its memory)",
        .validateOK: "{file}: ok",
    ]
}
