extension CalibrateText {
    static let zh: [CalibrateText: String] = [
        .fitting: "正在拟合 {banks} 家银行 {years}的数据（共 {observations} 条银行年度记录）……",
        .fittingOneBank: "正在拟合一家银行 {years}的数据……",
        .scenarioWritten: "采用估计值的情景已写入 {path}",
        .applyNeedsOut: "--apply 需要 --out NEW.yaml，用于指定写入采用估计值的情景的位置",
        .outNeedsApply: "--out 指定 --apply 写入情景的位置；请同时给出 --apply SCENARIO",
        .appliedFrom: "由 `poolsim calibrate` 根据 {history} 于 {date} 校准：",
        .appliedWhat: "default_model.rho_global 和 rho_bank 为估计值；各银行的分组违约概率按比例缩放，使其以 loans_per_year 加权的平均值等于该银行的违约概率估计值（{banks}）。",
        .appliedRest: "其余内容与 {scenario} 相同。",
        .appliedCommentsDropped: "{scenario} 不是写明全部校准键的 YAML 文件，因此本文件为其内容的重写，原有注释未保留。",
    ]
}
