import PoolSimText
import TOMLKit

/// Reads TOML into a `DocumentNode` through TOMLKit, which keeps no positions
/// for values; `TOMLLocator` recovers the line and column of keys from the text.
enum TOMLReader {
    static func read(_ text: String, file: String) -> Result<DocumentNode, InputError> {
        if let (line, column) = TOMLHeaderCheck.invalidHeader(in: text) {
            return .failure(InputError(.invalid, [.error(.tomlInvalidTableName, at: SourceLocation(file: file, line: line,
                                                                                                  column: column))]))
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let location = SourceLocation(file: file, line: error.source.begin.line, column: error.source.begin.column)
            return .failure(InputError(.invalid, [.error(ParserMessages.toml(error.description), at: location)]))
        } catch {
            return .failure(InputError(.invalid, [.error(.tomlUnreadable, ["detail": "\(error)"], at: SourceLocation(file: file))]))
        }
        let locator = TOMLLocator(text: text, file: file)
        return .success(convert(table, path: "", locator: locator))
    }

    private static func convert(_ value: TOMLValueConvertible, path: String, locator: TOMLLocator) -> DocumentNode {
        let here = locator.location(of: path)
        switch value.type {
        case .table:
            guard let table = value.table else { return DocumentNode(.null, at: here) }
            var entries: [DocumentEntry] = []
            for key in table.keys {
                guard let child = table[key] else { continue }
                let childPath = KeyPath.child(path, key)
                entries.append(DocumentEntry(key: key, keyLocation: locator.location(of: childPath),
                                             node: convert(child, path: childPath, locator: locator)))
            }
            // toml++ keeps keys sorted; put them back in the order they are written.
            let order = entries.enumerated().sorted {
                let a = ($0.element.keyLocation.line ?? .max, $0.element.keyLocation.column ?? .max, $0.offset)
                let b = ($1.element.keyLocation.line ?? .max, $1.element.keyLocation.column ?? .max, $1.offset)
                return a < b
            }
            return DocumentNode(.table(order.map(\.element)), at: here)
        case .array:
            guard let array = value.array else { return DocumentNode(.null, at: here) }
            let items = (0..<array.count).map { convert(array[$0], path: KeyPath.element(path, $0), locator: locator) }
            return DocumentNode(.list(items), at: here)
        case .string: return DocumentNode(.string(value.string ?? ""), at: here)
        case .int: return DocumentNode(.integer(value.int ?? 0), at: here)
        case .double: return DocumentNode(.number(value.double ?? 0), at: here)
        case .bool: return DocumentNode(.bool(value.bool ?? false), at: here)
        case .date, .time, .dateTime: return DocumentNode(.string(value.debugDescription), at: here)
        }
    }
}

/// toml++ stops the process (a failed assertion) on a table header whose first
/// key starts with a character no key may start with (`[&a]`, `[.a]`), instead
/// of reporting it. Such headers are found here first and reported as errors.
enum TOMLHeaderCheck {
    /// Line and column (1-based) of the first character of a table header's
    /// name that cannot start a key, if any.
    static func invalidHeader(in text: String) -> (line: Int, column: Int)? {
        var depth = 0  // open [ and { of values
        var multiline: String?  // the delimiter of the multi-line string we are in
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line)
            var i = 0
            if multiline == nil, depth == 0 {
                while i < characters.count, characters[i] == " " || characters[i] == "\t" { i += 1 }
                if i < characters.count, characters[i] == "[" {
                    var j = i + 1
                    if j < characters.count, characters[j] == "[" { j += 1 }
                    while j < characters.count, characters[j] == " " || characters[j] == "\t" { j += 1 }
                    guard j < characters.count, startsKey(characters[j]) else { return (index + 1, j + 1) }
                    continue
                }
            }
            // Follow strings, comments and brackets of values to the end of the line.
            while i < characters.count {
                let c = characters[i]
                if let delimiter = multiline {
                    if String(characters[i..<min(i + 3, characters.count)]) == delimiter {
                        multiline = nil
                        i += 3
                    } else {
                        i += c == "\\" && delimiter == "\"\"\"" ? 2 : 1
                    }
                    continue
                }
                switch c {
                case "#": i = characters.count
                case "\"", "'":
                    let triple = String(repeating: String(c), count: 3)
                    if String(characters[i..<min(i + 3, characters.count)]) == triple {
                        multiline = triple
                        i += 3
                    } else {
                        i += 1
                        while i < characters.count, characters[i] != c { i += characters[i] == "\\" && c == "\"" ? 2 : 1 }
                        i += 1
                    }
                case "[", "{": depth += 1; i += 1
                case "]", "}": depth = max(0, depth - 1); i += 1
                default: i += 1
                }
            }
        }
        return nil
    }

    /// A bare key character, or a quote opening a quoted key.
    static func startsKey(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-" || c == "\"" || c == "'")
    }
}

/// Finds where keys are written in a TOML text: table headers (`[a.b]`,
/// `[[banks]]`, `[[banks.segments]]`) and `key = value` lines. Keys inside
/// inline tables and values inside arrays take the location of the nearest
/// enclosing key.
struct TOMLLocator {
    private var positions: [String: (line: Int, column: Int)] = [:]
    private let file: String

    init(text: String, file: String) {
        self.file = file
        var arrayCounts: [String: Int] = [:]
        var current = ""
        var lineNumber = 0
        var inMultilineString = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.components(separatedBy: "\"\"\"").count % 2 == 0 || line.components(separatedBy: "'''").count % 2 == 0 {
                let wasInside = inMultilineString
                inMultilineString.toggle()
                if wasInside { continue }
            } else if inMultilineString {
                continue
            }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let body = line.dropFirst(indent)
            if body.hasPrefix("[") {
                let isArray = body.hasPrefix("[[")
                let inner = body.dropFirst(isArray ? 2 : 1)
                guard let keys = Self.parseKeys(inner), !keys.parts.isEmpty else { continue }
                var resolved = ""
                for (offset, part) in keys.parts.enumerated() {
                    resolved = KeyPath.child(resolved, part)
                    let isLast = offset == keys.parts.count - 1
                    if isLast && isArray {
                        let count = (arrayCounts[resolved] ?? 0) + 1
                        arrayCounts[resolved] = count
                        if positions[resolved] == nil { positions[resolved] = (lineNumber, indent + 1) }
                        resolved = KeyPath.element(resolved, count - 1)
                    } else if let count = arrayCounts[resolved] {
                        resolved = KeyPath.element(resolved, count - 1)
                    }
                    if positions[resolved] == nil { positions[resolved] = (lineNumber, indent + 1) }
                }
                current = resolved
            } else if let keys = Self.parseKeys(body), keys.rest.first == "=" {
                var resolved = current
                for part in keys.parts {
                    resolved = KeyPath.child(resolved, part)
                    if positions[resolved] == nil { positions[resolved] = (lineNumber, indent + 1) }
                }
                let value = keys.rest.dropFirst().drop { $0 == " " || $0 == "\t" }
                if value.first == "{" {
                    let column = indent + 1 + body.distance(from: body.startIndex, to: value.startIndex)
                    locateInlineTable(value, path: resolved, line: lineNumber, column: column)
                }
            }
        }
    }

    /// Records the keys of a one-line inline table `{ a = 1, b = { c = 2 } }`
    /// that starts at `column`.
    private mutating func locateInlineTable(_ text: Substring, path: String, line: Int, column: Int) {
        var stack = [path]
        var lastKey = path
        var index = text.startIndex
        var offset = 0
        var expectKey = false
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" || character == "'" {
                if expectKey, let keys = Self.parseKeys(text[index...]), keys.rest.first == "=" {
                    lastKey = keys.parts.reduce(stack[stack.count - 1]) { KeyPath.child($0, $1) }
                    if positions[lastKey] == nil { positions[lastKey] = (line, column + offset) }
                    expectKey = false
                }
                // Skip the quoted text.
                var next = text.index(after: index)
                offset += 1
                while next < text.endIndex, text[next] != character {
                    next = text.index(after: next)
                    offset += 1
                }
                index = next < text.endIndex ? text.index(after: next) : next
                offset += 1
                continue
            }
            switch character {
            case "{":
                stack.append(lastKey)
                expectKey = true
            case "}":
                if stack.count > 1 { stack.removeLast() }
                if stack.count == 1 { return }
            case ",":
                expectKey = true
            case " ", "\t":
                break
            default:
                if expectKey, let keys = Self.parseKeys(text[index...]), keys.rest.first == "=" {
                    lastKey = keys.parts.reduce(stack[stack.count - 1]) { KeyPath.child($0, $1) }
                    if positions[lastKey] == nil { positions[lastKey] = (line, column + offset) }
                }
                expectKey = false
            }
            index = text.index(after: index)
            offset += 1
        }
    }

    /// The location of `path`, or of its nearest ancestor that has one.
    func location(of path: String) -> SourceLocation {
        var path = Substring(path)
        while !path.isEmpty {
            if let position = positions[String(path)] {
                return SourceLocation(file: file, line: position.line, column: position.column)
            }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = path[..<cut]
        }
        return SourceLocation(file: file)
    }

    /// Parses a dotted key (bare or quoted parts) at the start of `text`;
    /// returns the parts and what follows, trimmed (`]`, `]]` or `= …`).
    private static func parseKeys(_ text: Substring) -> (parts: [String], rest: Substring)? {
        var parts: [String] = []
        var rest = text
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { return nil }
            if first == "\"" || first == "'" {
                let body = rest.dropFirst()
                guard let end = body.firstIndex(of: first) else { return nil }
                parts.append(String(body[..<end]))
                rest = body[body.index(after: end)...]
            } else {
                let bare = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                guard !bare.isEmpty else { return nil }
                parts.append(String(bare))
                rest = rest.dropFirst(bare.count)
            }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.first == "." {
                rest = rest.dropFirst()
                continue
            }
            return (parts, rest)
        }
    }
}
