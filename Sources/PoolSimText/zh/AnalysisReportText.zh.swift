extension AnalysisReportText {
    static let zh: [AnalysisReportText: String] = [
        // Shared by the three pages
        .chartsHeading: "图表",
        .labelled: "{label}：{text}",
        .estimateWithInterval: "{estimate}（95% 置信区间 {low} 至 {high}）",
        .percentagePoints: "{value} 个百分点",
        .numberInTenThousands: "{number} 万",
        .numberInHundredMillions: "{number} 亿",
        .axisExhaustionWithinHorizon: "模拟期限内资金池耗尽概率（%）",
        .columnPExhaustion: "耗尽概率",

        // Headline statistics

        // Compare
        .compareTitle: "情景对比：{runs}",
        .compareHeading: "情景对比：{runs}",
        .runsSeparator: "、",
        .compareFactsRuns: "共 {count} 个方案",
        .compareFactsTrials: "，每个方案模拟 {trials} 次",
        .compareFactsHorizon: "，模拟期限 {years}",
        .compareFactsSeed: "，随机种子 {seed}",
        .compareNote: "<b>共同随机数。</b>各方案使用相同的随机种子和相同的模拟次数：某一方案的第 <i>i</i> 次模拟与"
            + "第一个方案的第 <i>i</i> 次模拟面对相同的经济环境（宏观因子、行业因子和银行因子），违约模型未改变时违约情况也相同；"
            + "因此方案之间的差异来自假设的改变，而非抽样误差。差值的置信区间为配对区间：由逐次模拟差值的离散程度得出的 "
            + "95% 置信区间，远窄于两个独立置信区间之间的比较。VaR 和 ES 为分位数统计量，不给出置信区间。",
        .compareClaimsCaption: "<b>模拟期限内补偿申请总额的分布（每个方案一条曲线）。</b>纵轴为补偿申请总额不超过横轴金额的"
            + "模拟占比（累积概率），曲线经过各方案记录的分位数（最小值、第 1 至第 99.9 百分位数、最大值）。"
            + "曲线越靠右，补偿申请额越大。",
        .compareBalanceCaption: "<b>各年末资金池余额。</b>每个方案的阴影带覆盖 90% 的模拟结果（第 5 至第 95 百分位数），"
            + "实线为中位数。第 0 年为资金池初始规模。",
        .compareExhaustionCaption: "<b>模拟期限内资金池耗尽概率</b>，各方案附 95% 威尔逊置信区间；"
            + "第一个方案之后的各方案旁注明其与第一个方案之差及配对 95% 置信区间。",
        .compareNoRuns: "本次对比没有任何方案。",
        .headlineHeading: "主要统计量",
        .versusFirstWithInterval: "与 {run} 之差（95% 置信区间）",
        .columnStatistic: "统计量",
        .columnRun: "方案",
        .columnValue: "数值",
        .compareClaimsTitle: "补偿申请总额的累积分布（每个方案一条曲线）",
        .compareClaimsEmpty: "这些方案没有补偿申请额统计。",
        .axisTotalClaims: "模拟期限内补偿申请总额（{unit}）",
        .axisCumulativeProbability: "累积概率（%）",
        .compareClaimsTooltip: "{run}：{share} 的模拟中补偿申请总额不超过 {amount}",
        .legendMean: "{run}：均值 {amount}",
        .legendStartingBalance: "资金池初始规模：{amount}",
        .compareBalanceTitle: "各方案逐年资金池余额：中位数及第 5 至第 95 百分位数区间",
        .compareBalanceEmpty: "这些方案没有逐年统计。",
        .axisEndOfYear: "年末",
        .axisPoolBalance: "资金池余额（{unit}）",
        .compareBalanceTooltip: "{run}，第 {year} 年末：中位数 {amount}",
        .legendMedian: "{run}：中位数",
        .legendP5ToP95: "{run}：第 5 至第 95 百分位数",
        .compareExhaustionTitle: "各方案模拟期限内资金池耗尽概率及 95% 置信区间",
        .compareExhaustionEmpty: "没有可对比的方案。",
        .compareExhaustionVersusFirst: "{run} — 较第一个方案 {difference}",
        .runsHeading: "各方案明细",
        .columnScenario: "情景",
        .columnStress: "压力情景",
        .columnOverrides: "参数覆盖（--set）",
        .columnStartingBalance: "资金池初始规模（万元）",
        .columnTrials: "模拟次数",
        .columnSeed: "随机种子",
        .runsNote: "各方案的结果目录（按上表顺序编号）中有其完整报告、数据表和工作簿。",

        // Sweep
        .sweepTitle: "{scenario}：参数扫描（{keys}）",
        .sweepHeading: "参数扫描：{keys}",
        .sweepNoKeys: "无扫描参数",
        .sweepFacts: "共 {points} 个取值组合，每个组合模拟 {trials} 次，随机种子 {seed}",
        .sweepNote: "各取值组合使用相同的模拟次数和相同的随机种子（共同随机数），因此组合之间的差异来自扫描参数的取值，"
            + "而非抽样误差；各组合自身的 95% 置信区间宽于相邻组合之差的不确定性。",
        .sweepExhaustionLineCaption: "<b>模拟期限内资金池耗尽概率随 {key} 的变化</b>，误差线为 95% 威尔逊置信区间。",
        .sweepUnpaidLineCaption: "<b>模拟期限内未获补偿均值随 {key} 的变化</b>：资金池无力支付、由银行承担的补偿申请额；"
            + "误差线为按蒙特卡洛标准误计算的 95% 置信区间。",
        .sweepExhaustionHeatMapCaption: "<b>模拟期限内资金池耗尽概率</b>，按 {across}（横向）与 {down}（纵向）的各取值组合列示；"
            + "颜色越深，概率越高。",
        .sweepUnpaidHeatMapCaption: "<b>模拟期限内未获补偿均值</b>（{unit}），按各取值组合列示；颜色越深，金额越大。",
        .sweepTooManyKeys: "仅在扫描一个或两个参数时绘制图表；本次扫描了 {count} 个参数。",
        .sweepExhaustionLineTitle: "模拟期限内资金池耗尽概率随 {key} 的变化（含 95% 置信区间）",
        .sweepUnpaidLineTitle: "模拟期限内未获补偿均值随 {key} 的变化（含 95% 置信区间）",
        .sweepNoPoints: "本次扫描没有任何取值组合。",
        .sweptKeyCompact: "{key}",
        .axisExhaustion: "资金池耗尽概率（%）",
        .axisMeanUnpaid: "未获补偿均值（{unit}）",
        .sweepPointTooltip: "{key} = {value}：{detail}",
        .sweepExhaustionHeatMapTitle: "模拟期限内资金池耗尽概率（按 {across} 和 {down}）",
        .sweepUnpaidHeatMapTitle: "模拟期限内未获补偿均值（按 {across} 和 {down}）",
        .heatMapCellTooltip: "{across} = {acrossValue}，{down} = {downValue}：{detail}",
        .pointsHeading: "各取值组合",
        .columnInterval: "95% 置信区间",
        .columnClaimsMean: "补偿申请额均值（万元）",
        .columnUnpaidMean: "未获补偿均值（万元）",
        .columnClaimsVaR99: "补偿申请额 VaR 99%（万元）",
        .columnClaimsES99: "补偿申请额 ES 99%（万元）",
        .pointsNote: "金额为模拟期限内合计。sweep.csv 包含每个取值组合的全部统计量。",

        // Sensitivity
        .sensitivityTitle: "{scenario}：敏感性分析（单因素变动）",
        .sensitivityHeading: "敏感性分析：哪项假设影响最大",
        .sensitivityFacts: "共 {count} 个参数，各取低值和高值；每个设定模拟 {trials} 次，随机种子 {seed}",
        .sensitivityCaveat: "<b>注意：</b>{caveat}两项假设同时偏向悲观时，对结果的影响可能超过二者条形长度之和。",
        .oneAtATimeCaveat: "本分析为单因素变动：每次只变动一个参数，其余参数保持情景设定值，因此未考虑各项假设之间的相互作用。",
        .sensitivityBase: "所有假设均取情景设定值时，资金池在 <b>{p}</b> 的模拟中耗尽；补偿申请总额在百分之一的模拟中"
            + "达到或超过 <b>{var}</b>（VaR 99%）。每个设定与基准使用相同的随机数。",
        .sensitivityExhaustionCaption: "<b>模拟期限内资金池耗尽概率的变动幅度。</b>每根条形从参数取低值时的结果（青色）"
            + "延伸到取高值时的结果（橙色），以基准值（黑线）为界；变动幅度最大的参数排在最上方。",
        .sensitivityVaRCaption: "<b>补偿申请额 VaR 99% 的变动幅度</b>（模拟期限内补偿申请总额在百分之一的模拟中被超过的水平），"
            + "画法同上。资金池规模影响资金池实际补偿，而不影响补偿申请额，因此不改变这一指标。",
        .tornadoExhaustionTitle: "模拟期限内资金池耗尽概率的变动幅度：各参数从低值到高值",
        .tornadoVaRTitle: "补偿申请额 VaR 99% 的变动幅度：各参数从低值到高值",
        .sensitivityNoParameters: "本次敏感性分析没有任何参数。",
        .axisClaimsVaR99: "补偿申请额 VaR 99%（{unit}）",
        .settingsLowHigh: "低值 {low}，高值 {high}",
        .tornadoLowTooltip: "{parameter}取低值（{setting}）：{value}（基准 {base}）",
        .tornadoHighTooltip: "{parameter}取高值（{setting}）：{value}（基准 {base}）",
        .noChange: "无变化（{value}）",
        .legendLowSetting: "取低值",
        .legendHighSetting: "取高值",
        .legendBase: "基准：{value}",
        .settingsHeading: "各参数设定",
        .columnParameter: "参数",
        .columnLow: "低值",
        .columnHigh: "高值",
        .columnPExhaustionLow: "耗尽概率（低值）",
        .columnPExhaustionHigh: "耗尽概率（高值）",
        .columnSwingExhaustion: "变动幅度",
        .columnVaR99Low: "VaR 99%（低值，万元）",
        .columnVaR99High: "VaR 99%（高值，万元）",
        .columnSwingVaR99: "变动幅度（万元）",
        .rowBase: "基准",
        .settingsNote: "设定说明：违约概率（PD）、资产相关系数、补偿比例和资金池初始规模为乘以情景设定值的系数（×），"
            + "违约损失率（LGD）为加到每笔贷款违约损失率上的增减量；其他名称为情景参数键，取表中所示的值。"
            + "VaR 单位为万元。sensitivity.csv 包含每个设定的全部主要统计量。",
        .parameterPD: "违约概率（PD）",
        .parameterCorrelation: "资产相关系数",
        .parameterLGD: "违约损失率（LGD）",
        .parameterCompensationRatio: "补偿比例",
        .parameterPoolSize: "资金池初始规模",
    ]
}
