/// What `poolsim calibrate` shows people: the terminal summary, the HTML
/// report (estimates, observed rates against the fitted band, profile
/// likelihood curves) and the workbook's sheet names and column titles.
public enum CalibrationReportText: String, TextSection {
    case reportTitle

    public static func table(_ language: Language) -> [Self: String] {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}
