/// What `poolsim calibrate` shows people: the terminal summary, the HTML
/// report (estimates, observed rates against the fitted band, profile
/// likelihood curves) and the workbook's sheet names and column titles.
public enum CalibrationReportText: String, TextSection {
    case reportTitle

    // The estimates, on the terminal and on the page
    case historyFacts
    case banksOne
    case banksMany
    case bankYearsOne
    case bankYearsMany
    case correlationsTitle
    case pdTitle
    case pdTitleCommon
    case columnParameter
    case columnBank
    case columnEstimate
    case columnSE
    case columnInterval
    case columnWaldInterval
    case columnObservedRate
    case columnNote
    case rhoGlobal
    case rhoBank
    case pdOfBank
    case noteBoundary
    case noteNotIdentified
    case moments
    case likelihood
    case warningsHeading
    case warningFewYears
    case warningOneBank
    case warningGlobalAtBoundary
    case warningBankAtBoundary

    // The page
    case estimatesHeading
    case methodHeading
    case methodNote
    case ratesHeading
    case rateChartTitle
    case rateCaption
    case axisYear
    case axisDefaultRate
    case legendBand
    case legendFittedPD
    case legendObserved
    case legendOutside
    case rateTooltip
    case rateTooltipOutside
    case profileHeading
    case profileChartTitle
    case profileCaption
    case profileCaptionBoundary
    case axisDeviance
    case legendProfile
    case legendThreshold
    case legendThresholdOneSided
    case legendEstimate
    case legendInterval
    case profileTooltip

    public static func table(_ language: Language) -> [Self: String] {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}
