extension CalibrationReportText {
    static let zh: [CalibrationReportText: String] = [
        .reportTitle: "参数校准：{history}",

        .historyFacts: "历史数据 {history}：{years}，{banks}，{observations}",
        .banksOne: "{count} 家合作银行",
        .banksMany: "{count} 家合作银行",
        .bankYearsOne: "{count} 条银行年度记录",
        .bankYearsMany: "{count} 条银行年度记录",
        .correlationsTitle: "资产相关系数（最大似然估计，95% 剖面似然置信区间）",
        .pdTitle: "违约概率（PD；95% 正态近似置信区间）",
        .pdTitleCommon: "违约概率（PD），各合作银行共用同一数值（95% 正态近似置信区间）",
        .columnParameter: "参数",
        .columnBank: "合作银行",
        .columnEstimate: "估计值",
        .columnSE: "标准误",
        .columnInterval: "95% 置信区间",
        .columnWaldInterval: "95% 置信区间（正态近似）",
        .columnObservedRate: "观测违约率 Σd/Σn",
        .columnNote: "说明",
        .rhoGlobal: "ρ_G（宏观因子）",
        .rhoBank: "ρ_B（银行因子）",
        .pdOfBank: "{bank} 的违约概率（PD）",
        .noteBoundary: "位于边界 0，单侧区间",
        .noteNotIdentified: "仅一家合作银行，无法识别",
        .moments: "矩估计（Vasicek 单因子模型，各合作银行合并）：违约概率（PD）{pd}，相关系数 ρ {rho}；最大似然估计：ρ_G + ρ_B = {total}。",
        .likelihood: "最大化对数似然值 {value}（含二项式系数），高斯–埃尔米特求积节点 {nodes} 个。",
        .warningsHeading: "警告：",
        .warningFewYears: "历史数据仅 {years} 年（少于 {limit} 年）：相关系数难以准确估计，其较宽的置信区间反映了这一点。",
        .warningOneBank: "仅有一家合作银行：只能识别总相关系数，报告为 ρ_G，ρ_B 取 0。",
        .warningGlobalAtBoundary: "ρ_G 的估计值位于边界 0：其置信区间为单侧区间，从 0 到偏差达到 {threshold} 处。",
        .warningBankAtBoundary: "ρ_B 的估计值位于边界 0：其置信区间为单侧区间，从 0 到偏差达到 {threshold} 处。",

        .estimatesHeading: "参数估计",
        .methodHeading: "方法说明",
        .methodNote: """
            <p><b>模型。</b>与模拟引擎相同的高斯联结函数模型：合作银行 <i>b</i> 的一笔贷款在第 <i>t</i> 年违约，当且仅当 \
            √ρ<sub>G</sub>·G<sub>t</sub> + √ρ<sub>B</sub>·B<sub>b,t</sub> + √(1 − ρ<sub>G</sub> − ρ<sub>B</sub>)·ε &lt; Φ⁻¹(p<sub>b</sub>)；\
            其中 G<sub>t</sub> 为当年各合作银行共同的宏观因子，B<sub>b,t</sub> 为银行因子，ε 为该笔贷款自身的因子，\
            三者均为相互独立的标准正态变量。给定因子后，每家合作银行每年的违约笔数服从二项分布。</p>
            <p><b>估计方法。</b>最大似然估计，两个因子上的积分采用高斯–埃尔米特求积（{nodes} 个节点）。\
            ρ<sub>G</sub> 和 ρ<sub>B</sub> 的置信区间由剖面似然给出：偏差不超过 {twoSided} 的 ρ 取值范围；估计值位于边界 0 时为单侧区间，\
            阈值为 {oneSided}。各违约概率（PD）的置信区间为正态近似区间 p̂ ± {z} × 标准误，标准误由观测信息矩阵求得。\
            作为交叉验证，另给出矩估计（Vasicek 单因子模型）：各合作银行合并的违约率，以及扣除二项抽样波动后\
            能够解释各年度合并违约率离散程度的相关系数。</p>
            """,
        .ratesHeading: "观测违约率与拟合模型对比",
        .rateChartTitle: "{bank}：各年度观测违约率",
        .rateCaption: """
            <b>{bank}。</b>圆点：各年度观测违约率（违约笔数 / 贷款笔数）。阴影：按当年贷款笔数，拟合模型给出的当年违约率 \
            90% 范围（第 5 至第 95 百分位数）。横线：拟合的违约概率（PD）。带圆圈的点位于阴影范围之外：{years} 年中有 {outside} 年，\
            按模型预计约每十年出现一年。
            """,
        .axisYear: "年度",
        .axisDefaultRate: "违约率",
        .legendBand: "拟合模型 5%–95% 范围",
        .legendFittedPD: "拟合违约概率（PD）{pd}",
        .legendObserved: "观测违约率",
        .legendOutside: "超出 5%–95% 范围",
        .rateTooltip: "{year} 年：{loans} 笔贷款中违约 {defaults} 笔，违约率 {rate}；模型 5%–95% 范围 {low}–{high}",
        .rateTooltipOutside: "{year} 年：{loans} 笔贷款中违约 {defaults} 笔，违约率 {rate}，超出模型 5%–95% 范围 {low}–{high}",
        .profileHeading: "相关系数的剖面似然",
        .profileChartTitle: "{parameter} 的剖面偏差",
        .profileCaption: """
            <b>{parameter}。</b>将该相关系数固定为 ρ、重新估计其余全部参数后，对数似然值下降量的两倍。\
            95% 置信区间 {low}–{high} 即曲线不超过 {threshold} 的范围。
            """,
        .profileCaptionBoundary: """
            <b>{parameter}。</b>将该相关系数固定为 ρ、重新估计其余全部参数后，对数似然值下降量的两倍。\
            估计值位于边界 0，因此置信区间为单侧区间：从 0 到曲线达到 {threshold} 处的 {high}。
            """,
        .axisDeviance: "剖面偏差 2(ℓ̂ − ℓₚ)",
        .legendProfile: "剖面偏差",
        .legendThreshold: "95% 阈值 {value}",
        .legendThresholdOneSided: "单侧 95% 阈值 {value}",
        .legendEstimate: "估计值 {value}",
        .legendInterval: "95% 置信区间 {low}–{high}",
        .profileTooltip: "ρ = {rho}：偏差 {deviance}",
    ]
}
