/// The workbooks: results.xlsx (a run's tables, inputs and metadata) and
/// analysis.xlsx (the analyses' tables). Sheet names stay within Excel's
/// limits: at most 31 characters, none of []:*?/\.
public enum WorkbookText: String, TextSection {
    case documentTitle

    // Sheet names
    case sheetSummary
    case sheetByYear
    case sheetByBank
    case sheetPoolSize
    case sheetInputs
    case sheetMetadata
    case sheetTrials
    case sheetSize
    case sheetCompare
    case sheetSweep
    case sheetSensitivity
    case sheetCalibrationEstimates
    case sheetCalibrationObserved
    case sheetCalibrationProfile

    // Column titles
    case columnQuantity
    case columnUnit
    case columnYear
    case columnBank
    case columnBankName
    case columnKeyPath
    case columnKey
    case columnValue

    // Statistics
    case statMean
    case statSD
    case statMCSE
    case statMin
    case statMax
    case statPercentile
    case statMedian
    case statEstimate
    case statCILow
    case statCIHigh

    // Units
    case unitYuan
    case unitCount
    case unitProbability

    // Quantities
    case quantityClaimsTotal
    case quantityPaidTotal
    case quantityUnpaidTotal
    case quantityLossTotal
    case quantityDefaultsTotal
    case quantityEndBalance
    case quantityOpeningBalance
    case quantityClaims
    case quantityPaid
    case quantityUnpaid
    case quantityTopUp
    case quantityClosingBalance
    case quantityDefaults
    case quantityLoss
    case quantityTailContribution
    case quantityRequiredPool
    case quantityBankClaims

    // Summary sheet
    case headerProbabilityOfExhaustion
    case rowPExhaustion
    case rowPExhaustionByYear
    case headerClaimsTail
    case rowClaimsVaR
    case rowClaimsES
    case footnoteTailContribution

    // PoolSize sheet
    case columnCurveInitialBalance
    case columnCurvePExhaustion
    case columnRuinProbability
    case columnInitialBalanceNeeded
    case poolSizeNotAvailable

    // Inputs sheet
    case rowRunOverrides
    case rowRunStress
    case rowScenario
    case scenarioNotRecorded

    // Metadata sheet: the keys of results.json's metadata
    case metaTrialsSheet
    case stopCompleted
    case stopInterrupted

    // Trials sheet
    case columnTrial
    case columnExhaustionYear
    case columnDefaultsTotal
    case columnWeight
    case columnAmount
    case trialsNote
    case trialsNoteColumn

    // Analysis workbook: column titles and words
    case analysisRuinProbability
    case analysisInitialBalance
    case analysisCILow
    case analysisCIHigh
    case analysisMethod
    case analysisTrials
    case analysisStatistic
    case analysisRun
    case analysisValue
    case analysisDifference
    case analysisDifferenceCILow
    case analysisDifferenceCIHigh
    case analysisParameter
    case analysisSetting
    case analysisBase
    case analysisClaimsVaR
    case analysisClaimsES

    // Calibration workbook: column titles and words
    case calibrationSE
    case calibrationAtBoundary
    case calibrationObservedRate
    case calibrationLoans
    case calibrationRate
    case calibrationBandLow
    case calibrationBandHigh
    case calibrationRho
    case calibrationDeviance
    case calibrationThreshold
    case calibrationRhoGlobal
    case calibrationRhoBank
    case calibrationPD
    case calibrationYes
    case calibrationNo

    public static func table(_ language: Language) -> [Self: String] {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}
