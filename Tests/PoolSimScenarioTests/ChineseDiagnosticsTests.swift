import Foundation
import PoolSimCore
@testable import PoolSimScenario
import PoolSimText
import Testing

/// Diagnostics in Chinese: still located (`file:line:col: 错误：…（key.path）`),
/// with the key path and hints, and no English words left but identifiers,
/// values and data from the input.
@Suite struct ChineseDiagnosticsTests {
    /// Every `X.zh.expected` fixture holds exactly what loading `X` prints in Chinese.
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.directory)) ?? []
        return names.filter { $0.hasSuffix(".zh.expected") }.map { String($0.dropLast(".zh.expected".count)) }.sorted()
    }()

    @Test func everyEnglishFixtureHasAChineseOne() {
        #expect(Self.cases == DiagnosticsTests.cases)
    }

    @Test(arguments: cases)
    func expectedChineseDiagnostics(_ name: String) throws {
        let expected = try Fixtures.text(name + ".zh.expected").trimmingCharacters(in: .newlines)
        let (_, actual) = Fixtures.diagnostics(name, language: .zh)
        #expect(actual == expected)
    }

    /// Each Chinese diagnostic says what its English one says, in the same place.
    @Test(arguments: DiagnosticsTests.cases)
    func chineseIsLocatedWithKeyPathAndHint(_ name: String) throws {
        let diagnostics = Self.diagnostics(name)
        #expect(!diagnostics.isEmpty)
        let allowed = try Self.vocabulary(of: name)
        for diagnostic in diagnostics {
            Self.checkChinese(diagnostic, allowed: allowed)
        }
    }

    @Test func wordsOfTheDiagnostics() {
        func zh(_ diagnostic: Diagnostic) -> String { diagnostic.rendered(.zh) }
        let at = SourceLocation(file: "x.yaml", line: 3, column: 5)
        let ranges: [(NumberRange, String)] = [
            (.money, "在 [0, 10¹⁵] 之间"), (.nonNegative, "不小于 0"), (.positive, "大于 0"), (.closed(1, 1), "为 1"),
            (.halfOpen(0, 1), "在 [0, 1) 之间"), (NumberRange(upper: 5), "不大于 5"), (.any, "为有限数值"),
        ]
        for (range, words) in ranges {
            let log = DiagnosticLog()
            Located(node: DocumentNode(.number(-2), at: at), at: at, path: "pool.x", log: log).outOfRange(range, got: "-2")
            #expect(log.items.first.map(zh) == "x.yaml:3:5: 错误：x 须\(words)，实际为 -2（pool.x）")
        }
        let log = DiagnosticLog()
        let table = DocumentNode(.table([]), at: at)
        Located(node: table, at: at, path: "pool.initial_balance", log: log).fail(expected: .typeNumber)
        Located(node: DocumentNode(.list([]), at: at), at: at, path: "seed", log: log).fail(expected: .typeInteger)
        Located(node: DocumentNode(.string("x"), at: at), at: at, path: "pool", log: log).fail(expected: .typeTable)
        log.warning(.restoreBudgetZero, at: at, path: "pool.replenishment")
        #expect(log.items.map(zh) == [
            "x.yaml:3:5: 错误：initial_balance 须为数值，实际为键值表（pool.initial_balance）",
            "x.yaml:3:5: 错误：seed 须为整数，实际为列表（seed）",
            "x.yaml:3:5: 错误：pool 须为键值表，实际为 \"x\"（pool）",
            "x.yaml:3:5: 警告：restore 模式下 annual_budget 为 0，资金池不会得到任何资金补充（pool.replenishment）",
        ])
        #expect(log.items.map(\.description)[3]
            == "x.yaml:3:5: warning: restore mode with annual_budget 0 never tops the pool up (pool.replenishment)")
        #expect(Suggestion.hint(for: "rho_globl", in: ["rho_global", "rho_sector"]).text(.zh) == "是否想写“rho_global”？")
        #expect(Suggestion.hint(for: "zzz", in: ["alpha", "beta"], listing: .validBanks).text(.zh) == "可用的合作银行：alpha, beta")
    }

    @Test func overridesAndStressesInChinese() {
        let (_, text) = Fixtures.diagnostics("small.yaml", overrides: [
            "pool.initial_balanse=1", "banks.ccb-hebei.pd=0.1", "pool.initial_balance", "seed.x=1", "pool..x=1",
        ], language: .zh)
        #expect(text == """
            --set pool.initial_balanse=1: 错误：pool 中没有键“initial_balanse”（pool.initial_balanse）
              提示：是否想写“initial_balance”？
            --set banks.ccb-hebei.pd=0.1: 错误：“banks”中没有条目“ccb-hebei”（banks.ccb-hebei.pd）
              提示：可用的条目：alpha, beta
            --set pool.initial_balance: 错误：--set 的写法为 键路径=值
              提示：例如 --set pool.initial_balance=150000000
            --set seed.x=1: 错误：“seed”的值为 42，其下没有键“x”（seed.x）
            --set pool..x=1: 错误：键路径“pool..x”无效（pool..x）
              提示：各级键之间用点号分隔，例如 pool.initial_balance
            """)
        let (_, stress) = Fixtures.diagnostics("small.yaml", stress: "downtrun", language: .zh)
        #expect(stress == "small.yaml:51:1: 错误：未知的压力情景“downtrun”（stresses）\n  提示：是否想写“downturn”？")
        let (_, none) = Fixtures.diagnostics("tape-errors.yaml", stress: "x", language: .zh)
        #expect(none == "tape-errors.yaml: 错误：未知的压力情景“x”（stresses）\n  提示：该情景未定义任何压力情景")
    }

    @Test func defaultsFileInChinese() throws {
        let scenario = try ScenarioLoader.load(path: Fixtures.path("small.yaml")).scenario
        let loans = Portfolio(scenario: scenario, generatorType: .mt19937, seed: 1).loans
        let first = try #require(loans.first { $0.termYears == 1 && $0.originationYear < scenario.horizonYears })
        let text = """
            year,loan_id,lgd,time
            x,\(first.id),,0.5
            9,\(first.id),,0.5
            1,nope,,0.5
            \(first.originationYear),\(first.id),2,
            \(first.originationYear + 1),\(first.id),,1.5
            """
        #expect(throws: InputError.self) { try DefaultsFile.read(text, file: "d.csv", loans: loans, scenario: scenario) }
        do {
            _ = try DefaultsFile.read(text, file: "d.csv", loans: loans, scenario: scenario)
        } catch {
            let zh = error.diagnostics.map { $0.rendered(.zh) }
            #expect(zh == [
                "d.csv:2:1: 错误：year 须为整数，实际为“x”（year）",
                "d.csv:3:1: 错误：year 须在 [1, 3] 之间（模拟期限），实际为 9（year）",
                "d.csv:4:3: 错误：未知的贷款“nope”（loan_id）\n  提示：`poolsim portfolio` 可列出该情景的全部贷款",
                "d.csv:5:\(first.id.count + 4): 错误：lgd 须为 [0, 1] 之间的数值或留空，实际为“2”（lgd）",
                "d.csv:5:\(first.id.count + 6): 错误：此行 time 为空，但前面的行已给出；请每行都给出，或都不给出（time）",
                "d.csv:6:1: 错误：贷款“\(first.id)”仅在第 \(first.originationYear) 年存续，"
                    + "第 \(first.originationYear + 1) 年不在存续期内（year）",
                "d.csv:6:\(first.id.count + 5): 错误：time 须为年内时点，即 [0, 1) 之间的年份比例，实际为“1.5”（time）",
            ])
            for diagnostic in error.diagnostics { Self.checkChinese(diagnostic, allowed: ["year", "loan_id", "lgd", "time", "nope"]) }
        }
        let empty = #expect(throws: InputError.self) { try DefaultsFile.read("", file: "d.csv", loans: loans, scenario: scenario) }
        #expect(empty?.rendered(.zh) == "d.csv: 错误：违约清单为空；须有表头 year,loan_id,lgd[,time]")
    }

    /// The parsers' common messages are translated; others keep the parser's
    /// English in parentheses after a Chinese sentence that names the place.
    @Test(arguments: [
        (ScenarioFormat.yaml, "a: b: c", "t:1:5: 错误：此处不允许出现“键: 值”形式的映射"),
        (.yaml, "a:\n  b: 1\n c: 2", "t:3:2: 错误：找不到应有的键（所在的块映射始于第 1 行）"),
        (.yaml, "a: [1, 2", "t:2:1: 错误：找不到应有的“,”或“]”（所在的流式列表始于第 1 行）"),
        (.yaml, "a: \"x", "t:1:6: 错误：文件意外结束（所在的带引号的字符串始于第 1 行）"),
        (.yaml, "a: @x", "t:1:4: 错误：发现不能作为任何记号开头的字符（所在的记号始于第 1 行）"),
        (.yaml, "a: *nope", "t:1:4: 错误：发现未定义的别名"),
        (.yaml, "a: 1\n---\nb: 2", "t:2:1: 错误：文件中只能有一个文档（始于第 1 行），此处却开始了另一个文档"),
        (.yaml, "a: 1\nb: 2\na: 3\nb: 4\n", "t:1:1: 错误：同一键值表中的键 'a', 'b' 重复"),
        (.yaml, "", "t: 错误：文件为空"),
        (.toml, "a = = 1", "t:1:5: 错误：解析值时出错：无法确定值的类型"),
        (.toml, "a = 1 b", "t:1:7: 错误：解析键值对时出错：此处应为注释或空白，实际为“b”"),
        (.toml, "a = 1\na = 2", "t:2:5: 错误：解析键值对时出错：不能重复定义已有的整数“a”"),
        (.toml, "[a]\n[a]", "t:2:1: 错误：解析表头时出错：不能重复定义已有的表“a”"),
        (.toml, "a = [1 2]", "t:1:8: 错误：解析数组时出错：此处应为逗号或“]”，实际为“2”"),
        (.toml, "a = trux\n", "t:1:8: 错误：解析布尔值时出错：此处应为“true”，实际为“trux”"),
        (.toml, "a = 01", "t:1:7: 错误：解析十进制整数时出错：不允许有前导零"),
        (.toml, "a = 1979-13-01",
         "t:1:12: 错误：解析日期时出错（expected month between 1 and 12 (inclusive), saw 13）"),
        (.json, "{\"a\":1,\"a\":2}", "t:1:8: 错误：同一对象中的键“a”重复\n  提示：首次出现于 t:1:2"),
        (.json, "[1 2]", "t:1:4: 错误：此处应为“,”或“]”"),
        (.json, "{\"a\" 1}", "t:1:6: 错误：此处应为键后的“:”"),
        (.json, "[1,", "t:1:4: 错误：文件意外结束，此处应为值"),
        (.json, "01", "t:1:2: 错误：无效的数字：不能有前导零"),
    ])
    func parserMessagesInChinese(_ format: ScenarioFormat, _ text: String, _ expected: String) throws {
        guard case let .failure(error) = ScenarioLoader.document(contents: text, format: format, file: "t") else {
            Issue.record("'\(text)' was accepted")
            return
        }
        let zh = error.rendered(.zh)
        #expect(zh == expected)
        for diagnostic in error.diagnostics where !zh.contains("（expected") {
            Self.checkChinese(diagnostic, allowed: Self.words(of: text))
        }
    }

    /// The English of a parser's message is its own text, untouched by the translation.
    @Test func parserMessagesStayEnglish() throws {
        let cases: [(ScenarioFormat, String, String)] = [
            (.yaml, "a:\n  b: 1\n c: 2", "t:3:2: error: did not find expected key (while parsing a block mapping at line 1)"),
            (.yaml, "a: 1\n---\nb: 2",
             "t:2:1: error: but found another document (expected a single document in the stream at line 1)"),
            (.toml, "a = 1 b", "t:1:7: error: Error while parsing key-value pair: expected a comment or whitespace, saw 'b'"),
            (.toml, "a = 1979-13-01", "t:1:12: error: Error while parsing date: expected month between 1 and 12 (inclusive), saw 13"),
        ]
        for (format, text, expected) in cases {
            guard case let .failure(error) = ScenarioLoader.document(contents: text, format: format, file: "t") else {
                Issue.record("'\(text)' was accepted")
                continue
            }
            #expect(error.description == expected)
        }
    }

    // MARK: - Helpers

    static func diagnostics(_ name: String) -> [Diagnostic] {
        do {
            return try ScenarioLoader.load(path: Fixtures.path(name)).warnings
        } catch {
            return error.diagnostics
        }
    }

    /// Checks one diagnostic's Chinese against its English: the same location,
    /// key path and hint, and no English words but the `allowed` ones.
    static func checkChinese(_ diagnostic: Diagnostic, allowed: Set<String>,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let zh = diagnostic.rendered(.zh)
        let lines = zh.components(separatedBy: "\n")
        let severity = diagnostic.severity == .error ? "错误" : "警告"
        #expect(lines[0].hasPrefix("\(diagnostic.location.rendered): \(severity)："), "\(zh)", sourceLocation: sourceLocation)
        if !diagnostic.keyPath.isEmpty {
            #expect(lines[0].hasSuffix("（\(diagnostic.keyPath)）"), "\(zh)", sourceLocation: sourceLocation)
        }
        #expect(lines.count == (diagnostic.hint == nil ? 1 : 2), "\(zh)", sourceLocation: sourceLocation)
        if diagnostic.hint != nil {
            #expect(lines.last?.hasPrefix("  提示：") == true, "\(zh)", sourceLocation: sourceLocation)
        }
        let english = englishWords(in: zh, location: diagnostic.location, keyPath: diagnostic.keyPath)
            .filter { !allowed.contains($0) && !vocabulary.contains($0) }
        #expect(english.isEmpty, "\(zh): \(english)", sourceLocation: sourceLocation)
    }

    /// The Latin words of a Chinese diagnostic, leaving out its location, its
    /// key path and what it quotes from the input.
    static func englishWords(in text: String, location: PoolSimScenario.SourceLocation, keyPath: String) -> [String] {
        var rest = text.replacingOccurrences(of: location.rendered, with: "")
        if let slash = location.file.lastIndex(of: "/") {
            rest = rest.replacingOccurrences(of: location.file[...slash], with: "")
        }
        if !keyPath.isEmpty { rest = rest.replacingOccurrences(of: "（\(keyPath)）", with: "") }
        for quoted in [#"“[^”]*”"#, #""[^"\n]*""#, #"'[^'\n]*'"#] {
            rest = rest.replacingOccurrences(of: quoted, with: " ", options: .regularExpression)
        }
        return words(of: rest).sorted()
    }

    /// The identifiers and Latin words of a text: `pool.initial_balance` gives pool, initial_balance.
    static func words(of text: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: "[A-Za-z][A-Za-z0-9_-]*")
        let range = NSRange(text.startIndex..., in: text)
        return Set(regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
            .filter { $0.count > 1 })
    }

    /// Words a Chinese message may show: the scenario format's keys and choices,
    /// the loan tape's columns, the names of file formats and the command that lists loans.
    static let vocabulary: Set<String> = {
        var words: Set<String> = ["YAML", "TOML", "JSON", "UTF-8", "UTF", "yaml", "yml", "toml", "json", "null", "true",
                                  "false", "inf", "nan", "poolsim", "portfolio", "mean", "sd"]
        func collect(_ shape: Shape) {
            switch shape {
            case let .choice(options): words.formUnion(options)
            case let .table(schema): collect(schema)
            case let .map(inner), let .nullable(inner), let .list(inner, _): collect(inner)
            case let .either(shapes): shapes.forEach(collect)
            default: break
            }
        }
        func collect(_ schema: SchemaTable) {
            for field in schema.fields {
                words.insert(field.key)
                collect(field.shape)
            }
        }
        collect(ScenarioSchema.root)
        words.formUnion(LoanTape.columns)
        words.formUnion(DefaultsFile.columns)
        return words
    }()

    /// The words of a fixture and of the files it names: its data and identifiers.
    static func vocabulary(of name: String) throws -> Set<String> {
        var words = Self.words(of: try Fixtures.text(name)).union(Self.words(of: name))
        for file in try FileManager.default.contentsOfDirectory(atPath: Fixtures.directory)
        where file.hasSuffix(".csv") && words.contains(String(file.dropLast(4))) {
            words.formUnion(Self.words(of: try Fixtures.text(file)))
        }
        return words
    }
}
