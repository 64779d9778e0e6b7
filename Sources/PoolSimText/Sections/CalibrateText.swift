/// `poolsim calibrate` on the terminal and in the scenario it writes: progress,
/// where things went, and the comment that records where the parameters came from.
public enum CalibrateText: String, TextSection {
    case fitting
    case fittingOneBank
    case scenarioWritten
    case applyNeedsOut
    case outNeedsApply
    /// The comment at the top of a scenario written by `--apply`, one line each.
    case appliedFrom
    case appliedWhat
    case appliedRest
    case appliedCommentsDropped

    public static func table(_ language: Language) -> [Self: String] {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}
