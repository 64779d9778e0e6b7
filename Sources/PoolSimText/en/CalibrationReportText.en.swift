extension CalibrationReportText {
    static let en: [CalibrationReportText: String] = [
        .reportTitle: "Calibration of {history}",
    ]
}
