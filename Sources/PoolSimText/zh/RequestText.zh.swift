extension RequestText {
    static let zh: [RequestText: String] = [
        .ruinMissing: "请至少给出一个 --ruin P（目标耗尽概率）",
        .ruinRange: "--ruin 须为严格介于 0 与 1 之间的概率，实际为 {value}",
        .trialsTooFew: "--trials（模拟次数）至少为 1，实际为 {value}",
        .jobsTooFew: "--jobs（线程数）至少为 1，实际为 {value}",
        .compareNoScenario: "请至少给出一个情景文件",
        .compareColumns: "情景对比至少需要两列：多个情景，或一个情景加 --stress 压力情景名",
        .gridSyntax: "--grid 的写法应为 键路径=值1,值2,…，实际为“{text}”",
        .gridValues: "--grid {path} 需要以逗号分隔的取值列表",
        .gridCount: "请给出一个或两个 --grid 选项",
        .gridSameKey: "两个 --grid 指定了同一个键",
        .varySyntax: "--vary 的写法应为 参数名=低值,高值，实际为“{text}”",
        .varyNumbers: "--vary {name} 需要两个数值，实际为“{text}”",
        .noResultsDirectory: "{path}：结果目录不存在",
        .noResultsFile: "{path} 不存在；`poolsim run --export json` 会写出该文件",
        .invalidResultsJSON: "{path}：不是有效的 JSON（{detail}）",
        .notResultsDocument: "{path} 不是 PoolSim 结果文件（缺少 schema_version 或 summary）",
        .unreadableResults: "{path}：无法读取结果（{detail}）",
    ]
}
