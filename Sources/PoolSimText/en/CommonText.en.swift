extension CommonText {
    static let en: [CommonText: String] = [
        .yuan: "yuan",
        .tenThousandYuan: "10,000 yuan",
        .hundredMillionYuan: "100 million yuan",
        .millionYuanSuffix: "M yuan",
        .millionYuan: "million yuan",
        .yearsOne: "{count} year",
        .yearsMany: "{count} years",
        .none: "none",
        .notAvailable: "not available",
    ]
}
