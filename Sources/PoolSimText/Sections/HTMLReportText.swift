/// The single-run HTML report (`report.html`): headings, headline cards,
/// chart titles, axes, legends, tooltips and captions, table headers, the
/// scenario-as-run labels and the methods section.
///
/// Texts whose key ends in `Caption`, `Warning`, `Summary` or starts with
/// `methods` (except `methodsHeading`) are HTML: they may contain `<b>`,
/// `<i>`, `<code>`; the values put in their placeholders are escaped first.
public enum HTMLReportText: String, TextSection {
    // MARK: Page and header
    case pageTitle
    case heading
    case subtitleRun
    case interruptedWarning
    case interruptedOfRequestedWarning
    case stressWarning

    // MARK: Headline
    case headlineHeading
    case cardExhaustionLabel
    case cardExhaustionNote
    case cardClaimsLabel
    case cardClaimsNote
    case cardTailLabel
    case cardTailNote
    case cardRequiredLabel
    case cardRequiredNote
    case notAvailable
    case notAvailableBecause
    case requiredNotRecorded
    case requiredDependsOnBalance
    case headlineSummary
    case headlineRequiredSummary

    // MARK: Charts
    case chartsHeading
    case claimsTitle
    case claimsCaption
    case claimsNoData
    case claimsAxisX
    case claimsAxisY
    case claimsPointTooltip
    case legendVaR
    case legendMean
    case legendStartingBalance

    case balanceTitle
    case balanceCaption
    case balanceNoData
    case balanceAxisX
    case balanceAxisY
    case balancePointTooltip
    case legendOuterBand
    case legendInnerBand
    case legendMedian
    case legendMeanLine

    case exhaustionTitle
    case exhaustionCaption
    case exhaustionNoData
    case exhaustionAxisX
    case exhaustionAxisY
    case exhaustionBarTooltip

    case bankTitle
    case bankCaption
    case bankNoData
    case bankAxisX
    case bankPaidTooltip
    case bankUnpaidTooltip
    case bankBarLabel
    case legendPaid
    case legendUnpaid

    case poolSizeTitle
    case poolSizeTitleNotAvailable
    case poolSizeCaption
    case poolSizeNotAvailableCaption
    case poolSizeAxisX
    case poolSizeAxisY
    case ruinTooltip
    case legendCurve
    case legendRuin
    case legendScenarioBalance

    // MARK: Tables
    case tablesHeading
    case totalsHeading
    case columnQuantity
    case columnMean
    case columnMCError
    case columnSD
    case columnP5
    case columnP50
    case columnP95
    case columnP99
    case columnMax
    case quantityClaims
    case quantityPaid
    case quantityUnpaid
    case quantityLoss
    case quantityDefaults
    case quantityEndBalance

    case tailHeading
    case columnLevel
    case columnVaR
    case columnES

    case byYearHeading
    case columnYear
    case columnOpeningBalance
    case columnClaims
    case columnPaid
    case columnUnpaid
    case columnTopUp
    case columnClosingBalance
    case columnDefaults
    case columnExhaustedByYearEnd

    case byBankHeading
    case columnBank
    case columnLoss
    case columnUnpaidShare
    case columnTailClaims
    case tailClaimsNote

    case requiredHeading
    case columnChanceOfRunningDry
    case columnStartingBalance

    // MARK: Scenario as run
    case scenarioHeading
    case metaScenario
    case metaOverrides
    case scenarioNotRecorded
    case resolvedHeading
    case resolvedNote

    // MARK: Methods
    case methodsHeading
    case methodsTrial
    case methodsCorrelation
    case copulaGaussian
    case copulaT
    case copulaCreditRiskPlus
    case methodsStatistics
    case methodsReproducibility
    case methodsSources

    public static func table(_ language: Language) -> [Self: String] {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}
