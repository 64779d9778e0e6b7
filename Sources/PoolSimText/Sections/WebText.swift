/// The web app's pages (`poolsim serve`): the layout, the runs list, the
/// forms of each kind of job, a run's progress and results, the login form,
/// and the texts the page script shows. Texts with `{placeholders}` are filled
/// with HTML already escaped by the pages (names in `<code>`, links).
public enum WebText: String, TextSection {
    // MARK: Layout
    /// Beside the product's name in the header.
    case tagline
    case navRuns
    case navNewRun
    case navSize
    case navCompare
    case navSweep
    case navSensitivity
    case navReplay
    /// The accessible name of the 中文 / English switch.
    case languageSwitch
    case navigation
    case footer
    case noScript

    // MARK: Kinds of job
    case kindRun
    case kindSize
    case kindCompare
    case kindSweep
    case kindSensitivity
    case kindReplay

    // MARK: Statuses
    case statusQueued
    case statusRunning
    case statusDone
    case statusFailed
    case statusCancelled
    case statusInterrupted

    // MARK: Runs
    case runsTitle
    case runsNew
    case runsEmpty
    case runsEmptyAction
    case columnRun
    case columnKind
    case columnScenario
    case columnStatus
    case columnCreated
    case columnTrials

    // MARK: New run: what each kind does
    case introRun
    case introSize
    case introCompare
    case introSweep
    case introSensitivity
    case introReplay

    // MARK: New run: the scenario
    case sectionScenario
    case scenarioBundled
    case scenarioNoneBundled
    /// {extensions}: the accepted file extensions, as code.
    case scenarioUpload
    case scenarioUploaded
    /// {extension}: `.csv`.
    case tapeUpload
    case tapeHint
    case chooseFile
    case noFileChosen

    // MARK: New run: the settings
    case sectionSettings
    case settingsHint
    case asInScenario
    case fieldInitialBalance
    case fieldRatio
    case fieldPerLoanCap
    case fieldPerBankCap
    case fieldShortfall
    case shortfallProRata
    case shortfallDefer
    case shortfallFifo
    case fieldPDMultiplier
    case fieldRhoGlobal
    case fieldRhoSector
    case fieldRhoBank
    case fieldTrials
    case fieldSeed
    case fieldStress
    case fieldStressNone
    case fieldImportance
    case importanceOff
    case importanceAuto
    case hintYuan
    case hintUnitInterval
    case hintMultiplier
    case hintCorrelation

    // MARK: New run: each kind's own fields
    case sectionAnalysis
    case fieldRuin
    case hintRuin
    case fieldSecondScenario
    case fieldStresses
    case hintStresses
    case stressesNone
    case fieldGrid
    /// {example}: a grid line, as code.
    case hintGrid
    case fieldVary
    /// {names}: the built-in names, as code; {example}: a line, as code.
    case hintVary
    /// {columns}: the CSV header, as code.
    case fieldDefaults
    case defaultsUpload

    // MARK: New run: the editor
    case sectionEditor
    case editorHint
    case editorFormat
    case editorReload
    case editorEdited
    case validationChecking
    case validationOK
    case validationProblems
    case validationUnavailable
    case diagnosticLocation
    case diagnosticLine
    case severityError
    case severityWarning
    case severityHint

    // MARK: New run: submitting
    case submit
    case submitting
    case submitRefused
    case serverUnreachable
    case scenarioLoadFailed
    /// {field}: a field's label.
    case notANumber
    case defaultsMissing
    case gridMissing
    case fileReadFailed

    // MARK: A run
    case factKind
    case factScenario
    case factStatus
    case factCreated
    case factTrials
    case factID
    case progressHeading
    case progressQueued
    case progressLabel
    case progressTrials
    case progressRate
    case progressEstimate
    case progressNoEstimate
    case cancel
    case cancelConfirm
    case cancelling
    case cancelFailed
    case connectionLost

    // MARK: A run: results
    case resultsHeading
    /// {years}: the horizon ("5 years").
    case headlinePExhaustion
    case headlineInterval
    case headlineTrials
    case headlineClaimsMean
    case headlineClaimsVaR99
    case headlineUnpaidMean
    case partialTrials
    case reportHeading
    case reportFrame
    case reportOpen
    case reportMissing
    case sizeHeading
    case sizeBaseRun
    case columnRuinProbability
    case columnInitialBalance
    case columnInterval
    case columnMethod
    case methodRequiredPoolQuantile
    case methodCommonRandomNumberSearch
    /// {low}, {high}: amounts.
    case intervalRange
    case replayYearsHeading
    case replayBanksHeading
    case replayExhausted
    case replayNotExhausted
    case columnYear
    case columnBank
    case columnOpening
    case columnClaims
    case columnPaid
    case columnUnpaid
    case columnTopUp
    case columnClosing
    case columnDefaults
    case columnLoss
    case failedHeading
    case failedNoDetail
    case cancelledNotice
    case interruptedNotice
    case nothingKept

    // MARK: A run: downloads
    case downloadsHeading
    case downloadsNone
    case fileResultsJSON
    case fileResultsWorkbook
    case fileReport
    case fileSummaryCSV
    case fileByYearCSV
    case fileByBankCSV
    case filePoolSizeCSV
    case fileTrialsCSV
    case fileAnalysisJSON
    case fileAnalysisWorkbook
    case fileSizeCSV
    case fileCompareCSV
    case fileSweepCSV
    case fileSensitivityCSV
    case fileRequest
    case fileOther

    // MARK: Login
    case loginTitle
    case loginPrompt
    case loginToken
    case loginSubmit
    case loginFailed

    public static func table(_ language: Language) -> [Self: String] {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}
