import Foundation
import PoolSimText

/// The messages of the YAML and TOML parsers, which are English, in every
/// language: a catalogue key whose English template matches the parser's text
/// stands for it, the parts of the text in the template's placeholders being
/// its arguments. A text that no key matches is shown as the parser gives it,
/// inside a sentence of the reader's language (`yamlSyntaxError`, `tomlSyntaxError`).
enum ParserMessages {
    /// The parts of `text` in the placeholders of `key`'s English template, if the template matches all of `text`.
    static func parts(of text: String, as key: DiagnosticText) -> [String: String]? {
        let template = key.text(.en)
        let names = Catalogue.placeholders(template)
        if names.isEmpty { return template == text ? [:] : nil }
        var pattern = "^"
        var rest = Substring(template)
        for name in names {
            guard let range = rest.range(of: "{\(name)}") else { return nil }
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<range.lowerBound])) + "(.+?)"
            rest = rest[range.upperBound...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        var parts: [String: String] = [:]
        for (index, name) in names.enumerated() {
            guard let range = Range(found.range(at: index + 1), in: text) else { return nil }
            parts[name] = String(text[range])
        }
        return parts
    }

    /// The first of `keys` whose English template matches `text`; the parts named
    /// in `words` must be the English of one of the keys given there, and are
    /// shown translated.
    static func match(_ text: String, among keys: [DiagnosticText], words: [String: [DiagnosticText]] = [:]) -> Message? {
        keyLoop: for key in keys {
            guard let parts = parts(of: text, as: key) else { continue }
            var arguments: [String: String] = [:]
            var nested: [String: Message] = [:]
            for (name, part) in parts {
                if let group = words[name] {
                    guard let word = match(part, among: group) else { continue keyLoop }
                    nested[name] = word
                } else {
                    arguments[name] = part
                }
            }
            return .diagnostic(key, arguments, nested: nested)
        }
        return nil
    }

    // MARK: YAML

    /// libyaml's problems (and the reader's) that have a translation.
    static let yamlProblems: [DiagnosticText] = [
        .yamlProblemMappingValues, .yamlProblemMappingKeys, .yamlProblemSequenceEntries, .yamlProblemExpectedColon,
        .yamlProblemExpectedKey, .yamlProblemExpectedDash, .yamlProblemExpectedCommaOrBracket,
        .yamlProblemExpectedCommaOrBrace, .yamlProblemExpectedNode, .yamlProblemExpectedCommentOrLineBreak,
        .yamlProblemExpectedAlphanumeric, .yamlProblemExpectedDocumentStart, .yamlProblemCannotStartToken,
        .yamlProblemUnexpectedEnd, .yamlProblemUnknownEscape, .yamlProblemUnexpectedColon, .yamlProblemTabIndentation,
        .yamlProblemTabForSpace, .yamlProblemDocumentIndicator, .yamlProblemUndefinedTagHandle,
        .yamlProblemUndefinedAlias, .yamlProblemUnknownDirective, .yamlProblemIndentationZero,
        .yamlProblemControlCharacters, .yamlProblemExpectedDirectiveName,
    ]

    /// The constructs libyaml names in "(while parsing a block mapping at line 3)".
    static let yamlContexts: [DiagnosticText] = [
        .yamlContextSimpleKey, .yamlContextBlockMapping, .yamlContextBlockCollection, .yamlContextFlowSequence,
        .yamlContextFlowMapping, .yamlContextScanningQuotedScalar, .yamlContextParsingQuotedScalar,
        .yamlContextPlainScalar, .yamlContextNextToken, .yamlContextBlockNode, .yamlContextFlowNode, .yamlContextNode,
        .yamlContextBlockScalar, .yamlContextAnchor, .yamlContextAlias, .yamlContextScanningTag,
        .yamlContextParsingTag, .yamlContextDirective,
    ]

    /// A YAML syntax error: `problem`, and the construct it was found in
    /// (`context`, begun at `line`). English: "problem (context at line N)".
    static func yaml(problem: String, context: (text: String, line: Int)?) -> Message {
        var english = problem
        if let context { english += " (\(context.text) at line \(context.line))" }
        if let whole = match(english, among: [.yamlSecondDocument]) { return whole }
        let untranslated = Message.diagnostic(.yamlSyntaxError, ["detail": english])
        guard let known = match(problem, among: yamlProblems) else { return untranslated }
        guard let context else { return known }
        guard let construct = match(context.text, among: yamlContexts) else { return untranslated }
        return .diagnostic(.yamlInContext, ["line": String(context.line)], nested: ["problem": known, "context": construct])
    }

    // MARK: TOML

    /// What toml++ says it was parsing: "Error while parsing key-value pair: …".
    static let tomlScopes: [DiagnosticText] = [
        .tomlWordValue, .tomlWordKey, .tomlWordKeyValuePair, .tomlWordTableHeader, .tomlWordRootTable, .tomlWordArray,
        .tomlWordInlineTable, .tomlWordString, .tomlWordLiteralString, .tomlWordBoolean, .tomlWordFloatingPoint,
        .tomlWordHexFloatingPoint, .tomlWordDecimalInteger, .tomlWordBinaryInteger, .tomlWordOctalInteger,
        .tomlWordHexInteger, .tomlWordDate, .tomlWordTime, .tomlWordDateTime, .tomlWordDateTimeOffset, .tomlWordComment,
    ]

    /// The kinds of value toml++ names in "cannot redefine existing integer 'x'".
    static let tomlTypes: [DiagnosticText] = [
        .tomlWordTable, .tomlWordArray, .tomlWordString, .tomlWordInteger, .tomlWordFloatingPoint, .tomlWordBoolean,
        .tomlWordDate, .tomlWordTime, .tomlWordDateTime,
    ]

    /// What toml++ expected in "expected '=', saw 'x'".
    static let tomlExpectations: [DiagnosticText] = [
        .tomlWordEquals, .tomlWordValue, .tomlWordCommentOrWhitespace, .tomlWordKeysTablesOrComments,
        .tomlWordCommaOrBracket, .tomlWordCommaOrBrace, .tomlWordKeyOrBrace, .tomlWordBracket, .tomlWordBareKeyStart,
        .tomlWordDigit, .tomlWordDecimalDigit, .tomlWordHexDigit, .tomlWordValueTerminator,
        .tomlWordDecimalDigitOrExponent,
    ]

    /// toml++'s reasons that have a translation, most specific first.
    static let tomlReasons: [DiagnosticText] = [
        .tomlReasonValueType, .tomlReasonEndOfFile, .tomlReasonValueOrBracketSawComma, .tomlReasonPairOrBraceSawComma,
        .tomlReasonDanglingComma, .tomlReasonExpectedSaw, .tomlReasonExpectedLiteralSaw, .tomlReasonRedefineTable, .tomlReasonRedefineAs,
        .tomlReasonRedefine, .tomlReasonRedefineDotted, .tomlReasonLeadingZeros, .tomlReasonUnderscoreBeforeDigits,
        .tomlReasonUnderscoreAfterDigits, .tomlReasonUnderscoreStart, .tomlReasonUnknownEscape, .tomlReasonControlCharacter,
        .tomlReasonControlCharacters, .tomlReasonUnescapedControlCharacters,
    ]

    /// A TOML syntax error as toml++ describes it: "Error while parsing SCOPE: REASON".
    static func toml(_ text: String) -> Message {
        guard let parts = parts(of: text, as: .tomlError), let scopeText = parts["scope"], let reasonText = parts["reason"],
              let scope = match(scopeText, among: tomlScopes)
        else { return .diagnostic(.tomlSyntaxError, ["detail": text]) }
        let words = ["expected": tomlExpectations, "type": tomlTypes, "kind": [.tomlWordTable, .tomlWordArrayOfTables]]
        guard let reason = match(reasonText, among: tomlReasons, words: words) else {
            return .diagnostic(.tomlErrorUntranslated, ["reason": reasonText], nested: ["scope": scope])
        }
        return .diagnostic(.tomlError, nested: ["scope": scope, "reason": reason])
    }
}
