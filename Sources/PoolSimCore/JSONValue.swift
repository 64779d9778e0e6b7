/// A JSON document with ordered keys, so that the same results always render
/// to the same bytes.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    /// A number, or null where JSON has no number (NaN, ±∞).
    public static func finite(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// The value at `key` of an object.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// JSON text, indented by two spaces per level, with a final newline at the top level.
    public func rendered(indent: Bool = true) -> String {
        var out = ""
        write(to: &out, level: 0, indent: indent)
        return indent ? out + "\n" : out
    }

    private func write(to out: inout String, level: Int, indent: Bool) {
        let pad = indent ? "\n" + String(repeating: "  ", count: level + 1) : ""
        let close = indent ? "\n" + String(repeating: "  ", count: level) : ""
        switch self {
        case .null: out += "null"
        case let .bool(value): out += value ? "true" : "false"
        case let .int(value): out += String(value)
        case let .number(value): out += Self.format(value)
        case let .string(value): Self.quote(value, into: &out)
        case let .array(items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (n, item) in items.enumerated() {
                out += (n == 0 ? "" : ",") + pad
                item.write(to: &out, level: level + 1, indent: indent)
            }
            out += close + "]"
        case let .object(members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (n, (key, value)) in members.enumerated() {
                out += (n == 0 ? "" : ",") + pad
                Self.quote(key, into: &out)
                out += indent ? ": " : ":"
                value.write(to: &out, level: level + 1, indent: indent)
            }
            out += close + "}"
        }
    }

    /// The shortest text that reads back as the same double; integers without a fraction.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var out = ""
        quote(text, into: &out)
        return out
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
