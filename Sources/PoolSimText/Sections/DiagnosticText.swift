/// Diagnostics of input files (scenarios, loan tapes, defaults files, `--set`
/// and `--stress`) and other errors. Keys whose English is a parser's own text
/// (YAML, TOML) translate that text when the parser's message matches it.
public enum DiagnosticText: String, TextSection {
    /// "error: MESSAGE" for errors that have no location.
    case errorPrefix

    // MARK: How a diagnostic is shown
    /// "file:line:col: error: message"
    case located
    case severityError
    case severityWarning
    /// " (key.path)" after the message.
    case keyPathSuffix
    /// "  hint: …" on the next line.
    case hintLine

    // MARK: Values of the wrong type or out of range
    /// "pd must be a number, got "x"": `expected` is a type*, `got` a got*.
    case mustBeType
    case typeNumber
    case typeFiniteNumber
    case typeInteger
    case typeString
    case typeTable
    case typeList
    case typeNumberOrList
    /// "a number or a table {mean, sd}"
    case typeNumberOrTable
    /// "got 1.8", "got "x"" (a value as the file writes it)
    case gotValue
    /// "got "abc"" (a cell of a CSV file)
    case gotText
    case gotList
    case gotTable
    /// "pd must be in [0, 1], got 1.8": `range` is a range*.
    case mustBeInRange
    case rangeExactly
    case rangeInterval
    case rangeAtLeast
    case rangeAbove
    case rangeAtMost
    case rangeBelow
    case rangeAny
    case mustBeOneOf
    case mustNotBeEmpty
    case mustNotContainSpace
    case mustNotContainCharacter
    case mustHaveAtLeastOneEntry
    case mustHaveAtLeastEntries

    // MARK: Keys
    case unknownKey
    case missingRequiredKey
    case scenarioNotTable

    // MARK: Hints
    case didYouMean
    case validKeys
    case validBanks
    case validColumns
    case validEntries
    case knownStresses
    case identifierCharacters
    case firstUsedAt
    case firstUsedOnLine

    // MARK: Scenario rules
    case scheduleTooLong
    case amountScheduleUnused
    case targetBudgetUnused
    case amountIgnoredWithSchedule
    case restoreBudgetZero
    case bandFromNotBelowTo
    case bandsOverlap
    case rhoSumTooLarge
    case idiosyncraticWeight
    case pdMultiplierCount
    case singleMultiplier
    case duplicateBankID
    case duplicateSegmentName
    case tooManyLoans
    case lowerLoans
    case lgdSDTooLarge
    case betaLimit
    case duplicateStressName
    case segmentNameClash
    case renameSegment
    case loanIDClash
    case segmentLoanNames

    // MARK: --set and --stress
    case invalidKeyPath
    case keyPathSyntax
    case noKeyInScenario
    case noKeyIn
    case noEntry
    case listIndexed
    case valueHasNoKey
    case setSyntax
    case setExample
    case stressHasNoSet
    case unknownStress
    case noStresses

    // MARK: Files
    case noSuchFile
    case unknownFormat
    case formatExtensions
    case isDirectory
    case cannotReadFile
    case notUTF8
    case standardInputNotUTF8
    case fileEmpty
    case loanTapeNotFound
    case loanTapeNeedsUpload
    case pathRelative
    case modelInvalid

    // MARK: Loan tapes and defaults files (CSV)
    case unexpectedAfterQuote
    case quotedFieldNotClosed
    case tapeEmpty
    case unknownColumn
    case duplicateColumn
    case missingColumn
    case missingColumns
    case headerIs
    case rowFieldCount
    case duplicateLoanID
    case unknownBank
    case defaultsEmpty
    case columnIgnored
    case historyEmpty
    case historyNotWhole
    case historyLoansTooFew
    case historyDefaultsNegative
    case historyDefaultsAboveLoans
    case historyBankEmpty
    case historyDuplicate
    case historyFirstRow
    /// `calibrate --apply`: a bank of the scenario with no rows in the history keeps its PDs.
    case applyBankNotInHistory
    /// `calibrate --apply`: a bank of the history that the scenario does not have is ignored.
    case applyBankNotInScenario
    /// `calibrate --apply`: a bank whose loans come from the loan tape has no segment PDs to scale.
    case applyBankFromTape
    /// The likelihood could not be maximised (a numerical failure).
    case calibrationFailed
    /// No loan of the history defaulted, or every one did: nothing to fit.
    case calibrationNoDefaults
    case calibrationAllDefaults
    /// A bank whose PD's maximum lies on the edge of the model (0 or 1).
    case calibrationBankNoDefaults
    case calibrationBankAllDefaults
    case yearNotWhole
    case yearOutsideHorizon
    case unknownLoan
    case portfolioLists
    case loanDefaultsTwice
    case firstDefaultOnLine
    case loanNotAtRiskInYear
    case loanNotAtRiskInYears
    case defaultLGDInvalid
    case timeEmptyHere
    case timeGivenHere
    case timeInvalid

    // MARK: JSON
    case jsonTrailingText
    case jsonUnexpectedEnd
    case jsonExpected
    case jsonAfterKeyColon
    case jsonCommaOrBrace
    case jsonCommaOrBracket
    case jsonAValue
    case jsonKeyNotQuoted
    case jsonUnexpectedCharacter
    case jsonInvalidLiteral
    case jsonTooDeep
    case jsonDuplicateKey
    case firstGivenAt
    case jsonUnterminatedString
    case jsonInvalidEscape
    case jsonControlCharacter
    case jsonInvalidUnicodeEscape
    case jsonUnpairedSurrogate
    case jsonExpectedDigit
    case jsonLeadingZero
    case jsonInvalidNumber
    case jsonUnreadable

    // MARK: YAML (the English of yamlProblem* and yamlContext* is libyaml's own)
    case yamlSyntaxError
    case yamlUnreadable
    case yamlKeyNotText
    case yamlDuplicateKey
    case yamlDuplicateKeys
    case yamlReaderProblem
    case yamlInContext
    case yamlSecondDocument
    case yamlProblemMappingValues
    case yamlProblemMappingKeys
    case yamlProblemSequenceEntries
    case yamlProblemExpectedColon
    case yamlProblemExpectedKey
    case yamlProblemExpectedDash
    case yamlProblemExpectedCommaOrBracket
    case yamlProblemExpectedCommaOrBrace
    case yamlProblemExpectedNode
    case yamlProblemExpectedCommentOrLineBreak
    case yamlProblemExpectedAlphanumeric
    case yamlProblemExpectedDocumentStart
    case yamlProblemCannotStartToken
    case yamlProblemUnexpectedEnd
    case yamlProblemUnknownEscape
    case yamlProblemUnexpectedColon
    case yamlProblemTabIndentation
    case yamlProblemTabForSpace
    case yamlProblemDocumentIndicator
    case yamlProblemUndefinedTagHandle
    case yamlProblemUndefinedAlias
    case yamlProblemUnknownDirective
    case yamlProblemIndentationZero
    case yamlProblemControlCharacters
    case yamlProblemExpectedDirectiveName
    case yamlContextSimpleKey
    case yamlContextBlockMapping
    case yamlContextBlockCollection
    case yamlContextFlowSequence
    case yamlContextFlowMapping
    case yamlContextScanningQuotedScalar
    case yamlContextParsingQuotedScalar
    case yamlContextPlainScalar
    case yamlContextNextToken
    case yamlContextBlockNode
    case yamlContextFlowNode
    case yamlContextNode
    case yamlContextBlockScalar
    case yamlContextAnchor
    case yamlContextAlias
    case yamlContextScanningTag
    case yamlContextParsingTag
    case yamlContextDirective

    // MARK: TOML (the English of tomlWord* and tomlReason* is toml++'s own)
    case tomlSyntaxError
    case tomlUnreadable
    case tomlInvalidTableName
    /// "Error while parsing {scope}: {reason}", both translated.
    case tomlError
    /// The same with a reason that has no translation, shown as toml++ gives it.
    case tomlErrorUntranslated
    case tomlWordValue
    case tomlWordKey
    case tomlWordKeyValuePair
    case tomlWordTableHeader
    case tomlWordRootTable
    case tomlWordArray
    case tomlWordInlineTable
    case tomlWordString
    case tomlWordLiteralString
    case tomlWordBoolean
    case tomlWordFloatingPoint
    case tomlWordHexFloatingPoint
    case tomlWordDecimalInteger
    case tomlWordBinaryInteger
    case tomlWordOctalInteger
    case tomlWordHexInteger
    case tomlWordInteger
    case tomlWordDate
    case tomlWordTime
    case tomlWordDateTime
    case tomlWordDateTimeOffset
    case tomlWordComment
    case tomlWordTable
    case tomlWordArrayOfTables
    case tomlWordEquals
    case tomlWordCommentOrWhitespace
    case tomlWordKeysTablesOrComments
    case tomlWordCommaOrBracket
    case tomlWordCommaOrBrace
    case tomlWordKeyOrBrace
    case tomlWordBracket
    case tomlWordBareKeyStart
    case tomlWordDigit
    case tomlWordDecimalDigit
    case tomlWordHexDigit
    case tomlWordValueTerminator
    case tomlWordDecimalDigitOrExponent
    case tomlReasonValueType
    case tomlReasonEndOfFile
    case tomlReasonExpectedSaw
    /// "expected 'true', saw 'tr'"
    case tomlReasonExpectedLiteralSaw
    case tomlReasonValueOrBracketSawComma
    case tomlReasonPairOrBraceSawComma
    case tomlReasonDanglingComma
    case tomlReasonRedefineTable
    case tomlReasonRedefine
    case tomlReasonRedefineAs
    case tomlReasonRedefineDotted
    case tomlReasonLeadingZeros
    case tomlReasonUnderscoreBeforeDigits
    case tomlReasonUnderscoreAfterDigits
    case tomlReasonUnderscoreStart
    case tomlReasonUnknownEscape
    case tomlReasonControlCharacter
    case tomlReasonControlCharacters
    case tomlReasonUnescapedControlCharacters

    public static func table(_ language: Language) -> [Self: String] {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}
