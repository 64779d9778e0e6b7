extension RunText {
    static let zh: [RunText: String] = [
        .simulationStarted: "{label}：模拟次数 {trials}，随机种子 {seed}，生成器 {generator}，{jobs} 个线程",
        .tuningImportanceSampling: "{label}：正在用试算模拟调整重要性抽样",
        .progressFigures: "已完成 {done}/{total} 次模拟  每秒 {rate} 次  约剩 {left}",
        .progressExhaustion: "  耗尽概率 {estimate} [{low}–{high}]",
        .interruptedSummarising: "已中断：按已完成的 {trials} 次模拟汇总结果",
        .interruptedNothingWritten: "已中断：尚无完成的模拟，未写出任何文件",
        .analysisInterrupted: "已中断：分析未完成，未写出任何文件",
        .importanceDegenerate: "警告：重要性抽样的权重退化（{reason}），其估计值不可靠。请去掉 --importance，或增加模拟次数。",
        .weightsNotFinite: "部分似然比不是有限数",
        .weightsFewExhaustedTrials: "估计值仅依托相当于 {trials} 次耗尽模拟的权重（少于 10 次）",
        .weightsOneTrialDominates: "单次模拟占全部耗尽模拟权重的 {share}",
        .weightsMeanFarFromOne: "似然比均值为 {mean}，远离其期望值 1",
        .resultsWritten: "结果已写入 {path}",
        .reportRebuilt: "已在 {path} 重新生成 {files}",
        .reportInputNotRewritten: "提示：results.json 是 report 的输入，不会被改写",
        .uncoveredDefault: "贷款“{loan}”在第 {year} 年不在补偿范围内，其违约不产生补偿申请",
        .trialsTooMany: "{trials} 次模拟需在内存中保留约 {gigabytes} GB 的逐次结果，超出本机可用内存；本机最多可运行 {most} 次，或换用内存更大的机器（poolsim-mpi 将运行时间分摊到各进程，但不分摊内存）",
        .validateOK: "{file}：通过",
    ]
}
