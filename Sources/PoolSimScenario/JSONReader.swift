import PoolSimCore
import PoolSimText

/// A small JSON parser (RFC 8259) that records the line and column of every
/// value and key. Columns count Unicode scalars, as Yams' do.
struct JSONReader {
    private let scalars: [Unicode.Scalar]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    private static let maximumDepth = 256

    private struct Failure: Error {
        var diagnostic: Diagnostic
    }

    static func read(_ text: String, file: String) -> Result<DocumentNode, InputError> {
        var reader = JSONReader(scalars: Array(text.unicodeScalars), file: file)
        do {
            reader.skipWhitespace()
            let node = try reader.parseValue()
            reader.skipWhitespace()
            if reader.index < reader.scalars.count {
                throw reader.failure(.jsonTrailingText)
            }
            return .success(node)
        } catch let error as Failure {
            return .failure(InputError(.invalid, [error.diagnostic]))
        } catch {
            return .failure(InputError(.invalid, [.error(.jsonUnreadable, ["detail": "\(error)"], at: SourceLocation(file: file))]))
        }
    }

    private init(scalars: [Unicode.Scalar], file: String) {
        self.scalars = scalars
        self.file = file
    }

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private func failure(_ key: DiagnosticText, _ arguments: [String: String] = [:]) -> Failure {
        Failure(diagnostic: .error(key, arguments, at: here))
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            advance()
        }
    }

    /// Takes `scalar`, or fails with "expected WHAT", `what` being one of the json* words.
    private mutating func expect(_ scalar: Unicode.Scalar, _ what: DiagnosticText) throws(Failure) {
        guard current == scalar else {
            let message = Message.diagnostic(current == nil ? .jsonUnexpectedEnd : .jsonExpected, nested: ["what": .diagnostic(what)])
            throw Failure(diagnostic: .error(message, at: here))
        }
        advance()
    }

    private mutating func parseValue() throws(Failure) -> DocumentNode {
        let start = here
        guard let scalar = current else {
            throw Failure(diagnostic: .error(.diagnostic(.jsonUnexpectedEnd, nested: ["what": .diagnostic(.jsonAValue)]), at: here))
        }
        switch scalar {
        case "{": return try parseObject(start)
        case "[": return try parseArray(start)
        case "\"": return DocumentNode(.string(try parseString()), at: start)
        case "t": try parseWord("true"); return DocumentNode(.bool(true), at: start)
        case "f": try parseWord("false"); return DocumentNode(.bool(false), at: start)
        case "n": try parseWord("null"); return DocumentNode(.null, at: start)
        case "-", "0"..."9": return try parseNumber(start)
        default: throw failure(.jsonUnexpectedCharacter, ["character": String(scalar)])
        }
    }

    private mutating func parseWord(_ word: String) throws(Failure) {
        for expected in word.unicodeScalars {
            guard current == expected else { throw failure(.jsonInvalidLiteral, ["word": word]) }
            advance()
        }
    }

    private mutating func nest() throws(Failure) {
        depth += 1
        if depth > Self.maximumDepth { throw failure(.jsonTooDeep) }
    }

    private mutating func parseObject(_ start: SourceLocation) throws(Failure) -> DocumentNode {
        try nest()
        defer { depth -= 1 }
        advance()
        var entries: [DocumentEntry] = []
        skipWhitespace()
        if current == "}" {
            advance()
            return DocumentNode(.table([]), at: start)
        }
        while true {
            skipWhitespace()
            let keyLocation = here
            guard current == "\"" else { throw failure(.jsonKeyNotQuoted) }
            let key = try parseString()
            if let first = entries.first(where: { $0.key == key }) {
                throw Failure(diagnostic: .error(.jsonDuplicateKey, ["key": key], at: keyLocation,
                                                 hint: .diagnostic(.firstGivenAt, ["location": first.keyLocation.rendered])))
            }
            skipWhitespace()
            try expect(":", .jsonAfterKeyColon)
            skipWhitespace()
            let value = try parseValue()
            entries.append(DocumentEntry(key: key, keyLocation: keyLocation, node: value))
            skipWhitespace()
            if current == "," {
                advance()
                continue
            }
            try expect("}", .jsonCommaOrBrace)
            return DocumentNode(.table(entries), at: start)
        }
    }

    private mutating func parseArray(_ start: SourceLocation) throws(Failure) -> DocumentNode {
        try nest()
        defer { depth -= 1 }
        advance()
        var items: [DocumentNode] = []
        skipWhitespace()
        if current == "]" {
            advance()
            return DocumentNode(.list([]), at: start)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            if current == "," {
                advance()
                continue
            }
            try expect("]", .jsonCommaOrBracket)
            return DocumentNode(.list(items), at: start)
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw failure(.jsonUnterminatedString) }
            switch scalar {
            case "\"":
                advance()
                return String(text)
            case "\\":
                advance()
                guard let escape = current else { throw failure(.jsonUnterminatedString) }
                advance()
                switch escape {
                case "\"": text.append("\"")
                case "\\": text.append("\\")
                case "/": text.append("/")
                case "b": text.append("\u{08}")
                case "f": text.append("\u{0C}")
                case "n": text.append("\n")
                case "r": text.append("\r")
                case "t": text.append("\t")
                case "u": text.append(try parseUnicodeEscape())
                default: throw failure(.jsonInvalidEscape, ["character": String(escape)])
                }
            default:
                if scalar.value < 0x20 { throw failure(.jsonControlCharacter) }
                text.append(scalar)
                advance()
            }
        }
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = current, let digit = Int(String(scalar), radix: 16) else {
                throw failure(.jsonInvalidUnicodeEscape)
            }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }

    private mutating func parseUnicodeEscape() throws(Failure) -> Unicode.Scalar {
        let high = try parseHex4()
        if (0xD800...0xDBFF).contains(high) {
            guard current == "\\" else { throw failure(.jsonUnpairedSurrogate) }
            advance()
            guard current == "u" else { throw failure(.jsonUnpairedSurrogate) }
            advance()
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw failure(.jsonUnpairedSurrogate) }
            let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            if let scalar = Unicode.Scalar(combined) { return scalar }
        } else if let scalar = Unicode.Scalar(high) {
            return scalar
        }
        throw failure(.jsonInvalidUnicodeEscape)
    }

    private mutating func parseNumber(_ start: SourceLocation) throws(Failure) -> DocumentNode {
        var text = ""
        var isInteger = true
        func take(_ reader: inout JSONReader) {
            text.unicodeScalars.append(reader.scalars[reader.index])
            reader.advance()
        }
        func digits(_ reader: inout JSONReader) throws(Failure) {
            guard let scalar = reader.current, ("0"..."9").contains(scalar) else {
                throw reader.failure(.jsonExpectedDigit)
            }
            while let scalar = reader.current, ("0"..."9").contains(scalar) { take(&reader) }
        }
        if current == "-" { take(&self) }
        if current == "0" {
            take(&self)
            if let scalar = current, ("0"..."9").contains(scalar) { throw failure(.jsonLeadingZero) }
        } else {
            try digits(&self)
        }
        if current == "." {
            isInteger = false
            take(&self)
            try digits(&self)
        }
        if current == "e" || current == "E" {
            isInteger = false
            take(&self)
            if current == "+" || current == "-" { take(&self) }
            try digits(&self)
        }
        if isInteger, let integer = Int(text) {
            return DocumentNode(.integer(integer), at: start, sourceText: text)
        }
        guard let number = Double(text) else { throw failure(.jsonInvalidNumber, ["text": text]) }
        return DocumentNode(.number(number), at: start, sourceText: text)
    }
}

/// Writing JSON text, pretty-printed with two-space indentation.
enum JSONText {
    static func render(_ node: DocumentNode, indent: String = "") -> String {
        let inner = indent + "  "
        switch node.value {
        case .null: return "null"
        case let .bool(flag): return flag ? "true" : "false"
        case let .integer(integer): return String(integer)
        case let .number(number): return number.isFinite ? NumberText.format(number) : "null"
        case let .string(text): return string(text)
        case let .list(items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(\.isScalar) {
                return "[" + items.map { render($0) }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + render($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case let .table(entries):
            if entries.isEmpty { return "{}" }
            return "{\n" + entries.map { inner + string($0.key) + ": " + render($0.node, indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    static func string(_ text: String) -> String { JSONValue.quoted(text) }
}

extension DocumentNode {
    var isScalar: Bool {
        switch value {
        case .list, .table: return false
        default: return true
        }
    }
}
