/// The terminal tables: the summary after a run, the analyses' tables and
/// the replay. Money columns state `{unit}` (MoneyFormat's table unit).
public enum TableText: String, TextSection {
    // Run summary
    case runHeadline
    case runInterrupted
    case pExhaustionLine
    case probabilityWithInterval
    case totalsTitle
    case tailLine
    case byYearTitle
    case byBankTitle
    case requiredPoolLine
    case requiredPoolTarget
    case listSeparator

    // Column titles
    case columnQuantity
    case columnMean
    case columnMCSE
    case columnP50
    case columnP95
    case columnP99
    case columnYear
    case columnBank
    case columnOpening
    case columnInterest
    case columnRecoveries
    case columnTopUp
    case columnClaims
    case columnClaimsDue
    case columnPaid
    case columnUnpaid
    case columnDeferred
    case columnClosing
    case columnState
    case columnDefaults
    case columnLoss
    case columnCoverage
    case columnNPLRatio
    case columnExhaustedBy
    case columnTailClaims

    // Totals' names
    case totalClaims
    case totalPaid
    case totalUnpaid
    case totalLoss
    case totalDefaults
    case totalEndBalance

    // Size
    case sizeTitle
    case columnRuinProbability
    case columnInitialBalance
    case columnInterval95
    case columnMethod
    case sizeFooter
    case methodRequiredPoolQuantile
    case methodCommonRandomNumberSearch

    // Compare
    case compareTitle
    case columnStatistic
    case columnDelta
    case compareFooter
    case headlinePExhaustion
    case headlineClaimsMean
    case headlineClaimsVaR99
    case headlineClaimsES99
    case headlinePaidMean
    case headlineUnpaidMean
    case headlineEndBalanceMean
    case headlineLossMean

    // Sweep
    case sweepTitle
    case columnPExhaustion
    case columnCI95
    case columnClaimsMean
    case columnUnpaidMean
    case columnClaimsVaR99

    // Sensitivity
    case sensitivityTitle
    case columnParameter
    case columnLow
    case columnHigh
    case columnPExhaustionLow
    case columnPExhaustionHigh
    case columnVaR99Low
    case columnVaR99High
    case sensitivityCaveat

    // Replay
    case replayYearsTitle
    case replayBanksTitle
    case stateExhausted
    case stateOK
    case replayTotals
    case replayExhaustionYear
    case replayNeverExhausted
    case replayRequiredPool
    case replayRequiredPoolNotAvailable

    public static func table(_ language: Language) -> [Self: String] {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}
