extension MetadataText {
    static let zh: [MetadataText: String] = [
        .schemaVersion: "结果格式版本",
        .toolVersion: "PoolSim 版本",
        .gslVersion: "GSL 版本",
        .rng: "随机数生成器",
        .seed: "随机种子",
        .trials: "模拟次数",
        .trialsRequested: "计划模拟次数",
        .jobs: "并行线程数",
        .scenarioName: "情景名称",
        .scenarioSHA256: "情景文件 SHA-256 摘要",
        .overrides: "参数覆盖",
        .stress: "压力情景",
        .createdAt: "生成时间",
        .elapsedSeconds: "运行耗时（秒）",
        .stopReason: "结束状态",
        .method: "违约抽样方法",
        .blockSize: "分块大小（次）",
        .mpiRanks: "MPI 进程数",
        .importance: "重要性抽样",
        .defaultsFile: "违约明细文件",
    ]
}
