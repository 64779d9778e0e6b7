/// The languages PoolSim speaks to people in. What programs read — JSON
/// keys, CSV headers, scenario keys, exit codes — stays English whatever the
/// language (docs/i18n.md).
public enum Language: String, CaseIterable, Sendable, Codable {
    /// English.
    case en
    /// Simplified Chinese (简体中文).
    case zh

    /// The language's tag in HTML's `lang` attribute (BCP 47).
    public var tag: String {
        switch self {
        case .en: "en"
        case .zh: "zh-CN"
        }
    }

    /// The language of a process: `--lang` if given, else `POOLSIM_LANG`,
    /// else the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX
    /// orders them: the first that is set decides, `zh…` giving Chinese),
    /// else English.
    public static func resolve(_ flag: Language?, environment: [String: String]) -> Language {
        if let flag { return flag }
        if let chosen = environment["POOLSIM_LANG"].flatMap(Self.init(localeName:)) { return chosen }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], !value.isEmpty {
                return Self(localeName: value) ?? .en
            }
        }
        return .en
    }

    /// `zh`, `zh_CN.UTF-8`, `zh-Hans` → zh; `en…`, `C`, `POSIX` → en; nil for others.
    public init?(localeName: String) {
        let name = localeName.lowercased()
        if name.hasPrefix("zh") {
            self = .zh
        } else if name.hasPrefix("en") || name == "c" || name.hasPrefix("c.") || name == "posix" {
            self = .en
        } else {
            return nil
        }
    }
}
