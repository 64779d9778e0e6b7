extension CalibrationReportText {
    static let zh: [CalibrationReportText: String] = [
        .reportTitle: "参数校准：{history}",
    ]
}
