/// What the command line says while a job runs: progress, notices, where the files went.
public enum RunText: String, TextSection {
    /// "hebei-2022: 20000 trials, seed 7, mt19937, 2 jobs"
    case simulationStarted
    case tuningImportanceSampling
    /// "1000/5000 trials  52700 trials/s  3s left"
    case progressFigures
    /// "  P(exhaustion) 12.34% [11.00%–13.70%]"
    case progressExhaustion
    case interruptedSummarising
    case interruptedNothingWritten
    case analysisInterrupted
    case importanceDegenerate
    case weightsNotFinite
    case weightsFewExhaustedTrials
    case weightsOneTrialDominates
    case weightsMeanFarFromOne
    case resultsWritten
    case reportRebuilt
    case reportInputNotRewritten
    case uncoveredDefault
    case trialsTooMany
    case validateOK

    public static func table(_ language: Language) -> [Self: String] {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}
