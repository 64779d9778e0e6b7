extension CalibrateText {
    static let en: [CalibrateText: String] = [
        .fitting: "Fitting {banks} banks over {years} ({observations} bank-years)…",
        .fittingOneBank: "Fitting one bank over {years}…",
        .scenarioWritten: "Scenario with the estimates written to {path}",
        .applyNeedsOut: "--apply needs --out NEW.yaml: where to write the scenario with the estimates",
        .outNeedsApply: "--out names where --apply writes its scenario; give --apply SCENARIO as well",
        .appliedFrom: "Calibrated with `poolsim calibrate` from {history} on {date}:",
        .appliedWhat: "default_model.rho_global and rho_bank are the estimates, and each bank's segment PDs are scaled so that their loans_per_year-weighted mean is its estimated PD ({banks}).",
        .appliedRest: "Everything else is as in {scenario}.",
        .appliedCommentsDropped: "{scenario} is not YAML with every calibrated key written out, so this file is its content rewritten and its comments are not carried over.",
    ]
}
