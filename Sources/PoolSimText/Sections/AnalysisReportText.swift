/// The HTML pages of the analyses (compare, sweep, sensitivity): titles,
/// headings, notes, chart titles, axes, legends, tooltips and table headers.
public enum AnalysisReportText: String, TextSection {
    // MARK: Shared by the three pages
    case chartsHeading
    /// "{label}: {text}": a tooltip's subject and what it says.
    case labelled
    /// A probability with its 95% interval.
    case estimateWithInterval
    /// A difference in percentage points.
    case percentagePoints
    /// Numbers written in ten thousands and hundred millions (compact axis ticks).
    case numberInTenThousands
    case numberInHundredMillions
    case axisExhaustionWithinHorizon
    case columnPExhaustion

    // MARK: Compare
    case compareTitle
    case compareHeading
    /// Between run labels in titles.
    case runsSeparator
    case compareFactsRuns
    case compareFactsTrials
    case compareFactsHorizon
    case compareFactsSeed
    case compareNote
    case compareClaimsCaption
    case compareBalanceCaption
    case compareExhaustionCaption
    case compareNoRuns
    case headlineHeading
    case versusFirstWithInterval
    case columnStatistic
    case columnRun
    case columnValue
    case compareClaimsTitle
    case compareClaimsEmpty
    case axisTotalClaims
    case axisCumulativeProbability
    case compareClaimsTooltip
    case legendMean
    case legendStartingBalance
    case compareBalanceTitle
    case compareBalanceEmpty
    case axisEndOfYear
    case axisPoolBalance
    case compareBalanceTooltip
    case legendMedian
    case legendP5ToP95
    case compareExhaustionTitle
    case compareExhaustionEmpty
    case compareExhaustionVersusFirst
    case runsHeading
    case columnScenario
    case columnStress
    case columnOverrides
    case columnStartingBalance
    case columnTrials
    case columnSeed
    case runsNote

    // MARK: Sweep
    case sweepTitle
    case sweepHeading
    case sweepNoKeys
    case sweepFacts
    case sweepNote
    case sweepExhaustionLineCaption
    case sweepUnpaidLineCaption
    case sweepExhaustionHeatMapCaption
    case sweepUnpaidHeatMapCaption
    case sweepTooManyKeys
    case sweepExhaustionLineTitle
    case sweepUnpaidLineTitle
    case sweepNoPoints
    /// A swept key on an axis whose ticks are compact numbers ("80 M").
    case sweptKeyCompact
    case axisExhaustion
    case axisMeanUnpaid
    case sweepPointTooltip
    case sweepExhaustionHeatMapTitle
    case sweepUnpaidHeatMapTitle
    case heatMapCellTooltip
    case pointsHeading
    case columnInterval
    case columnClaimsMean
    case columnUnpaidMean
    case columnClaimsVaR99
    case columnClaimsES99
    case pointsNote

    // MARK: Sensitivity
    case sensitivityTitle
    case sensitivityHeading
    case sensitivityFacts
    case sensitivityCaveat
    /// The one-at-a-time caveat; analysis.json keeps the English one.
    case oneAtATimeCaveat
    case sensitivityBase
    case sensitivityExhaustionCaption
    case sensitivityVaRCaption
    case tornadoExhaustionTitle
    case tornadoVaRTitle
    case sensitivityNoParameters
    case axisClaimsVaR99
    case settingsLowHigh
    case tornadoLowTooltip
    case tornadoHighTooltip
    case noChange
    case legendLowSetting
    case legendHighSetting
    case legendBase
    case settingsHeading
    case columnParameter
    case columnLow
    case columnHigh
    case columnPExhaustionLow
    case columnPExhaustionHigh
    case columnSwingExhaustion
    case columnVaR99Low
    case columnVaR99High
    case columnSwingVaR99
    case rowBase
    case settingsNote
    /// The built-in parameters' names (scenario keys stay as written).
    case parameterPD
    case parameterCorrelation
    case parameterLGD
    case parameterCompensationRatio
    case parameterPoolSize

    public static func table(_ language: Language) -> [Self: String] {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}
