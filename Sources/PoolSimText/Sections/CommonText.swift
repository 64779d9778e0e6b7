/// Words shared by every output: units, counts of years, "none".
public enum CommonText: String, TextSection {
    case yuan
    case tenThousandYuan
    case hundredMillionYuan
    case millionYuanSuffix
    case millionYuan
    case yearsOne
    case yearsMany
    case none
    case notAvailable

    public static func table(_ language: Language) -> [Self: String] {
        switch language {
        case .en: en
        case .zh: zh
        }
    }

    /// "1 year", "5 years"; "1 年", "5 年".
    public static func years(_ count: Int, _ language: Language) -> String {
        (count == 1 ? yearsOne : yearsMany).text(language, ["count": String(count)])
    }
}
