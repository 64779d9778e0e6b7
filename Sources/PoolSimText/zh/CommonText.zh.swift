extension CommonText {
    static let zh: [CommonText: String] = [
        .yuan: "元",
        .tenThousandYuan: "万元",
        .hundredMillionYuan: "亿元",
        .millionYuanSuffix: "百万元",
        .millionYuan: "百万元",
        .yearsOne: "{count} 年",
        .yearsMany: "{count} 年",
        .none: "无",
        .notAvailable: "不适用",
    ]
}
