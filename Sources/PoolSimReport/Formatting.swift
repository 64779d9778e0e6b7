import PoolSimCore
import PoolSimText

/// Number formats for files and tables.
public enum NumberFormat {
    /// Plain decimal notation with every significant digit of the shortest
    /// round-trip form: no exponent, so spreadsheets read the full value.
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = "\(value)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            // Whole numbers from 1e15 to 2^53 print as "1000000000000000.0".
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        let exponent = Int(text[text.index(after: e)...])!
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = integer + fraction
        var point = integer.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: -point + 1) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var result = String(digits.prefix(point))
        var tail = String(digits.dropFirst(point))
        while tail.hasSuffix("0") { tail.removeLast() }
        if !tail.isEmpty { result += "." + tail }
        return (negative ? "-" : "") + result
    }

    /// Yuan for people: rounded, thousands separated ("110,000,000").
    public static func money(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        return grouped(value.rounded())
    }

    /// Yuan in millions for charts and headlines ("110.0 M").
    public static func millions(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return "–" }
        return fixed(value / 1e6, digits: digits) + " M"
    }

    /// A probability as a percentage ("1.23%").
    public static func percent(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        return fixed(value * 100, digits: digits) + "%"
    }

    /// A count or average count with one decimal where it is not whole.
    public static func count(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        return value == value.rounded() ? grouped(value) : fixed(value, digits: 1)
    }

    /// `value` rounded to `digits` decimals, without exponent ("–" when not finite).
    public static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "–" }
        let scale = pow10(digits)
        let scaled = (abs(value) * scale).rounded()
        // Beyond 2⁵³ a double has no fraction left to show: its whole digits, then zeros.
        guard scaled <= 9_007_199_254_740_992 else {
            let whole = grouped(abs(value).rounded())
            return (value < 0 ? "-" : "") + whole + (digits > 0 ? "." + String(repeating: "0", count: digits) : "")
        }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        var text = grouped(Double(units / divisor))
        if digits > 0 {
            let fractionText = String(units % divisor)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return (value < 0 && units != 0 ? "-" : "") + text
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }

    /// A whole number with thousands separated: every digit of any finite double.
    static func grouped(_ value: Double) -> String {
        let digits = plain(value.magnitude)
        var out = ""
        for (i, character) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }
}

/// Money for people in one language (docs/i18n.md): English in yuan and
/// millions of yuan; Chinese tables in 万元 (10⁴ yuan), Chinese text and charts
/// in 亿元 (10⁸ yuan) from 1亿 up and 万元 below.
public struct MoneyFormat: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The unit a table's header states: "yuan", "万元".
    public var tableUnit: String {
        language == .zh ? CommonText.tenThousandYuan.text(.zh) : CommonText.yuan.text(.en)
    }

    /// A table cell in `tableUnit`: "110,000,000"; "11,000.00".
    public func cell(_ yuan: Double) -> String {
        language == .zh ? NumberFormat.fixed(yuan / 1e4, digits: 2) : NumberFormat.money(yuan)
    }

    /// An amount in running text or on a chart: "110.0 M yuan"; "1.10 亿元", "2,863.4 万元".
    public func text(_ yuan: Double) -> String {
        guard yuan.isFinite else { return "–" }
        switch language {
        case .en:
            return NumberFormat.millions(yuan) + " yuan"
        case .zh:
            if abs(yuan) >= 1e8 { return NumberFormat.fixed(yuan / 1e8, digits: 2) + " " + CommonText.hundredMillionYuan.text(.zh) }
            return NumberFormat.fixed(yuan / 1e4, digits: 1) + " " + CommonText.tenThousandYuan.text(.zh)
        }
    }

    /// The scale of a chart axis whose values reach `largest` yuan: its divisor
    /// and unit ("million yuan"; "亿元" from 1亿 up, else "万元").
    public func axis(largest: Double) -> (divisor: Double, unit: String) {
        switch language {
        case .en: (1e6, CommonText.millionYuan.text(.en))
        case .zh: abs(largest) >= 1e8 ? (1e8, CommonText.hundredMillionYuan.text(.zh))
            : (1e4, CommonText.tenThousandYuan.text(.zh))
        }
    }
}
