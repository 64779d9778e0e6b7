import PoolSimCore
import PoolSimText
public enum CalibrationExport {
    public static func table(_ calibration: Calibration, history: String, language: Language) -> String { "stub\n" }
    public static func tables(_ calibration: Calibration) -> [AnalysisTable] { [] }
    public static func warning(_ warning: Calibration.Warning, language: Language) -> String { "" }
}
public enum CalibrationReport {
    public static func page(_ calibration: Calibration, history: String, language: Language) -> String { "" }
}
