extension HTMLReportText {
    static let zh: [HTMLReportText: String] = [
        // 页面与页眉
        .pageTitle: "资金池风险报告：{scenario}",
        .heading: "贷款风险补偿资金池：{scenario}",
        .subtitleRun: "共模拟 {trials} 次，每次模拟期限 {years}；随机种子 {seed}；运行时间 {createdAt}",
        .interruptedWarning: "<b>本次运行已中断。</b>以下结果仅基于已完成的 {finished} 次模拟。",
        .interruptedOfRequestedWarning: "<b>本次运行已中断。</b>以下结果仅基于已完成的 {finished} 次模拟（原计划 {requested} 次）。",
        .stressWarning: "已施加压力情景：<b>{stress}</b>。",

        // 结果概览
        .headlineHeading: "结果概览",
        .cardExhaustionLabel: "{years}内资金池耗尽概率",
        .cardExhaustionNote: "95% 置信区间：{low} 至 {high}",
        .cardClaimsLabel: "{years}内补偿申请额期望值",
        .cardClaimsNote: "{mean} {unit}（蒙特卡洛标准误 ± {error}）",
        .cardTailLabel: "百年一遇不利情形下的补偿申请额（VaR 99%）",
        .cardTailNote: "最不利 1% 情形的均值（ES 99%）：{amount}",
        .cardRequiredLabel: "耗尽概率降至 5% / 1% 所需资金池规模",
        .cardRequiredNote: "单位：{unit}；本情景资金池初始规模为 {amount}",
        .notAvailable: "无法给出",
        .notAvailableBecause: "无法给出：{reason}。",
        .requiredNotRecorded: "本次运行未记录耗尽概率为 5% 和 1% 时所需的资金池规模",
        .requiredDependsOnBalance: "本情景的补偿范围取决于资金池余额（设有放大倍数上限或余额下限），"
            + "单次模拟所需的资金池规模无法脱离初始规模单独确定",
        .headlineSummary: "资金池初始规模为 <b>{balance}</b>。在 {trials} 次模拟（每次 {years}）中，有 <b>{probability}</b> "
            + "的模拟出现某一年应付补偿申请额超过资金池可用资金的情况，银行须自行承担部分损失。{years}内补偿申请总额"
            + "平均为 {mean}；每一百次模拟中有一次达到 {var99} 或更高。",
        .headlineRequiredSummary: "若资金池初始规模为 {five}，耗尽概率为 5%；若为 {one}，耗尽概率为 1%。",

        // 图表：补偿申请总额分布
        .chartsHeading: "图表",
        .claimsTitle: "{years}内补偿申请总额的累积分布（含 VaR 95%、99% 和 99.5%）",
        .claimsCaption: "<b>{years}内补偿申请总额的分布。</b>纵轴为补偿申请总额不超过横轴金额的模拟所占的累积比例。"
            + "results.json 只保存分位数，不保存每次模拟的结果，因此曲线以直线依次连接最小值，1%、5%、25%、50%、75%、"
            + "95%、99%、99.5%、99.9% 分位数和最大值：这是分位数图，而非直方图。虚线标出置信水平 95%、99% 和 99.5% "
            + "下的风险价值（VaR）；绿线为资金池初始规模。",
        .claimsNoData: "本结果文件中没有补偿申请额的统计数据。",
        .claimsAxisX: "模拟期内补偿申请总额（{unit}）",
        .claimsAxisY: "累积概率（%）",
        .claimsPointTooltip: "{share} 的模拟中补偿申请总额不超过 {amount}",
        .legendVaR: "风险价值 {level}：{amount}",
        .legendMean: "均值：{amount}",
        .legendStartingBalance: "资金池初始规模：{amount}",

        // 图表：年末余额
        .balanceTitle: "资金池各年末余额：中位数、25%–75% 与 5%–95% 分位数区间",
        .balanceCaption: "<b>资金池各年末余额。</b>深色带覆盖居中一半的模拟结果（25% 至 75% 分位数），浅色带覆盖 90% "
            + "的模拟结果（5% 至 95% 分位数）；实线为中位数。第 0 年即资金池初始规模。",
        .balanceNoData: "本结果文件中没有分年度统计数据。",
        .balanceAxisX: "年份（年末）",
        .balanceAxisY: "资金池余额（{unit}）",
        .balancePointTooltip: "第 {year} 年末：中位数 {amount}",
        .legendOuterBand: "5%–95% 分位数",
        .legendInnerBand: "25%–75% 分位数",
        .legendMedian: "中位数",
        .legendMeanLine: "均值",

        // 图表：分年度耗尽概率
        .exhaustionTitle: "截至各年末资金池耗尽概率（含 95% 置信区间）",
        .exhaustionCaption: "<b>截至各年末资金池已耗尽的概率</b>（累计），误差线为 95% 威尔逊置信区间。"
            + "资金池耗尽指某一年应付的补偿申请额超过可用资金。",
        .exhaustionNoData: "本结果文件中没有分年度耗尽概率。",
        .exhaustionAxisX: "年份",
        .exhaustionAxisY: "截至该年末耗尽概率（%）",
        .exhaustionBarTooltip: "第 {year} 年：{estimate}（95% 置信区间 {low} 至 {high}）",

        // 图表：分银行补偿申请额
        .bankTitle: "{years}内各合作银行补偿申请额均值：资金池实际补偿与未获补偿",
        .bankCaption: "<b>{years}内各合作银行的补偿申请额（所有模拟的均值）。</b>蓝色：资金池实际补偿；"
            + "橙色：因资金池资金不足而未获补偿、由银行承担的部分。",
        .bankNoData: "本结果文件中没有分银行统计数据。",
        .bankAxisX: "模拟期内补偿申请额均值（{unit}）",
        .bankPaidTooltip: "{bank}：资金池实际补偿 {amount}",
        .bankUnpaidTooltip: "{bank}：未获补偿 {amount}",
        .bankBarLabel: "{total}（未获补偿 {share}）",
        .legendPaid: "资金池实际补偿",
        .legendUnpaid: "未获补偿（由银行承担）",

        // 图表：所需资金池规模
        .poolSizeTitle: "{years}内耗尽概率与资金池初始规模的关系",
        .poolSizeTitleNotAvailable: "{years}内耗尽概率与资金池初始规模的关系：无法给出",
        .poolSizeCaption: "<b>不同资金池初始规模下的耗尽概率</b>，基于同一组模拟违约。标记点为使耗尽概率降至 5% 和 1% "
            + "所需的资金池规模；绿线为本情景的资金池初始规模。",
        .poolSizeNotAvailableCaption: "<b>不同资金池初始规模下的耗尽概率：</b>本情景无法给出。",
        .poolSizeAxisX: "资金池初始规模（{unit}）",
        .poolSizeAxisY: "耗尽概率（%）",
        .ruinTooltip: "耗尽概率 {level}：{amount}",
        .legendCurve: "不同初始规模下的耗尽概率",
        .legendRuin: "耗尽概率 {level}：{amount}",
        .legendScenarioBalance: "本情景初始规模：{amount}",

        // 数据表
        .tablesHeading: "数据表",
        .totalsHeading: "{years}内合计（{unit}）",
        .columnQuantity: "指标",
        .columnMean: "均值",
        .columnMCError: "± 蒙特卡洛标准误",
        .columnSD: "标准差",
        .columnP5: "5% 分位数",
        .columnP50: "中位数",
        .columnP95: "95% 分位数",
        .columnP99: "99% 分位数",
        .columnMax: "最大值",
        .quantityClaims: "补偿申请额",
        .quantityPaid: "资金池实际补偿",
        .quantityUnpaid: "未获补偿（由银行承担）",
        .quantityLoss: "违约贷款损失",
        .quantityDefaults: "违约笔数（笔）",
        .quantityEndBalance: "期末余额",

        .tailHeading: "补偿申请总额的尾部风险（{unit}）",
        .columnLevel: "置信水平",
        .columnVaR: "风险价值（VaR）",
        .columnES: "预期短缺（ES）",

        .byYearHeading: "分年度（均值，{unit}）",
        .columnYear: "年份",
        .columnOpeningBalance: "期初余额",
        .columnClaims: "补偿申请额",
        .columnPaid: "资金池实际补偿",
        .columnUnpaid: "未获补偿",
        .columnTopUp: "资金补充",
        .columnClosingBalance: "期末余额",
        .columnDefaults: "违约笔数",
        .columnExhaustedByYearEnd: "截至年末耗尽概率",

        .byBankHeading: "分合作银行（{years}内均值，{unit}）",
        .columnBank: "合作银行",
        .columnLoss: "违约损失",
        .columnUnpaidShare: "未获补偿占比",
        .columnTailClaims: "尾部补偿申请额（最不利 1%）",
        .tailClaimsNote: "“尾部补偿申请额（最不利 1%）”：在补偿申请总额达到 99% 风险价值（VaR）的模拟中，"
            + "该银行补偿申请额的均值，即该行对不利情形的尾部贡献。",

        .requiredHeading: "给定耗尽概率下所需资金池规模",
        .columnChanceOfRunningDry: "耗尽概率",
        .columnStartingBalance: "所需资金池规模（{unit}）",

        // 本次运行的情景：results.json 中 metadata 各字段的标签
        .scenarioHeading: "本次运行的情景",
        .metaScenario: "情景",
        .metaOverrides: "参数覆盖（--set）",
        .scenarioNotRecorded: "本结果文件未记录解析后的情景。",
        .resolvedHeading: "解析后的情景参数",
        .resolvedNote: "下表列出应用默认值、参数覆盖和压力情景之后的全部设置，键路径与情景文件一致。金额单位为元，"
            + "概率和比例以小数表示。表中的 <code>trials</code> 和 <code>seed</code> 为情景文件中的默认值，"
            + "本次运行实际采用的值见上表。",

        // 计算方法
        .methodsHeading: "计算方法",
        .methodsTrial: "<b>单次模拟</b>是对资金池 {years}运行情况的一次模拟。每一年，组合中每笔纳入补偿范围的贷款都可能违约；"
            + "违约贷款的损失为其本金乘以从贝塔分布中抽取的违约损失率（LGD）。银行就损失中应由资金池承担的部分提出"
            + "补偿申请（例如损失的 70%，并受单户补偿上限约束），资金池以其余额支付当年的补偿申请额。当应付补偿申请额"
            + "超过可用资金时，资金池当年即<b>耗尽</b>，由情景设定的资金不足处理规则决定各方所得，未获补偿部分由银行"
            + "承担。本报告基于 {trials} 次模拟。",
        .methodsCorrelation: "<b>违约相关性。</b>各笔贷款的违约通过多因子连接函数模型相互关联：每笔贷款的信用质量由"
            + "全省层面的宏观因子、行业因子、银行因子和自身的特异性扰动共同决定，当信用质量低于其违约概率（PD）所对应的"
            + "阈值时即发生违约（即瓦西塞克 2002 年单因子模型的多因子扩展）。因此，不利年份会同时冲击大量贷款，这正是资金池"
            + "可能被耗尽的原因。{copula}",
        .copulaGaussian: "本次运行采用高斯连接函数。",
        .copulaT: "本次运行采用 t 连接函数，共同冲击使多笔贷款同时违约的可能性进一步增大。",
        .copulaCreditRiskPlus: "本次运行改用 CreditRisk+ 模型：服从伽马分布的行业因子按比例调整每笔贷款的违约概率。",
        .methodsStatistics: "<b>统计方法。</b>均值附有蒙特卡洛标准误（标准差除以模拟次数的平方根）。概率附有 95% "
            + "威尔逊得分置信区间。分位数在排序后的各次模拟值之间线性插值（与 numpy 的默认做法相同）。置信水平 α 下的"
            + "风险价值（VaR）为补偿申请总额的 α 分位数；预期短缺（ES）为不低于该值的补偿申请总额的均值。给定耗尽概率下"
            + "的所需资金池规模，取各次模拟所需资金池规模的相应分位数；单次模拟的所需资金池规模，是使该次模拟始终不出现"
            + "资金不足的最低初始规模。",
        .methodsReproducibility: "<b>可复现性。</b>只要情景、随机种子、随机数生成器和模拟次数相同，无论使用多少工作"
            + "线程，结果都完全相同：每批模拟从由随机种子派生的独立随机数流中抽样。随机数生成器来自 GSL；随机种子、"
            + "生成器及各软件版本见上文。",
        .methodsSources: "<b>资料来源。</b>资金池及补偿规则：《河北日报》2022 年 5 月 25 日（1.1 亿元资金池、六家合作"
            + "银行）；《河北经济日报》2021 年 12 月 9 日（六家合作银行）；《河北日报》2022 年 4 月（2022 年一季度贷款"
            + "投放情况）；河北省 2016 年科技型中小企业贷款风险补偿实施细则（按损失的 70% 补偿，单户补偿上限 500 万元，"
            + "按银行逐年清算）。模型：<span lang=\"en\">O. Vasicek (2002), “Loan portfolio value”, <i>Risk</i> 15(12)"
            + "</span>。上述资料未公布的参数（贷款在各合作银行间的分配、违约概率、相关系数、资金池资金不足时的处理方式）"
            + "均为情景假设，见上文。",
    ]
}
