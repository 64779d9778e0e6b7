import Foundation
import PoolSimScenario
import PoolSimText
import Testing

/// Every `X.expected` fixture holds exactly what loading `X` prints.
@Suite struct DiagnosticsTests {
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.directory)) ?? []
        return names.filter { $0.hasSuffix(".expected") && !$0.hasSuffix(".zh.expected") }
            .map { String($0.dropLast(".expected".count)) }.sorted()
    }()

    @Test func fixturesArePresent() {
        #expect(Self.cases.count >= 10)
    }

    @Test(arguments: cases)
    func expectedDiagnostics(_ name: String) throws {
        let expected = try Fixtures.text(name + ".expected").trimmingCharacters(in: .newlines)
        let (kind, actual) = Fixtures.diagnostics(name)
        #expect(kind == (name.hasPrefix("missing") ? .missingFile : .invalid))
        #expect(actual == expected)
    }

    @Test func missingScenarioIsMissingFile() {
        #expect(throws: InputError.self) { try ScenarioLoader.load(path: Fixtures.path("no-such-file.yaml")) }
        let (kind, text) = Fixtures.diagnostics("no-such-file.yaml")
        #expect(kind == .missingFile)
        #expect(text == "no-such-file.yaml: error: no such file")
    }

    @Test func unknownExtensionIsInvalid() {
        let (kind, text) = Fixtures.diagnostics("tape-ok.csv")
        #expect(kind == .invalid)
        #expect(text == "tape-ok.csv: error: unknown scenario format\n  hint: name the file .yaml, .yml, .toml or .json")
    }

    @Test func diagnosticRendering() {
        let message = Message(DiagnosticText.mustBeInRange, ["name": "pd", "value": "1.8"],
                              nested: ["range": Message(DiagnosticText.rangeInterval, ["interval": "[0, 1]"])])
        let diagnostic = Diagnostic(.error, message, at: SourceLocation(file: "x.yaml", line: 23, column: 9),
                                    keyPath: "banks[2].segments[0].pd", hint: Message(DiagnosticText.didYouMean, ["word": "lgd"]))
        #expect(diagnostic.description
            == "x.yaml:23:9: error: pd must be in [0, 1], got 1.8 (banks[2].segments[0].pd)\n  hint: did you mean 'lgd'?")
        #expect(diagnostic.rendered(.en) == diagnostic.description)
        #expect(diagnostic.rendered(.zh)
            == "x.yaml:23:9: 错误：pd 须在 [0, 1] 之间，实际为 1.8（banks[2].segments[0].pd）\n  提示：是否想写“lgd”？")
    }

    @Test func warningsDoNotFailLoading() throws {
        let text = """
            name: w
            horizon_years: 2
            pool: { initial_balance: 100, replenishment: { mode: restore } }
            banks: [ { id: a } ]
            """
        let loaded = try ScenarioLoader.load(contents: text, format: .yaml, file: "w.yaml")
        #expect(loaded.warnings.map(\.description) == [
            "w.yaml:3:31: warning: restore mode with annual_budget 0 never tops the pool up (pool.replenishment)",
        ])
    }

    @Test func ignoredReplenishmentKeysWarnOnlyWhenSet() throws {
        func warnings(_ replenishment: String) throws -> [String] {
            let text = """
                name: w
                horizon_years: 2
                pool: { initial_balance: 100, replenishment: \(replenishment) }
                banks: [ { id: a } ]
                """
            return try ScenarioLoader.load(contents: text, format: .yaml, file: "w.yaml").warnings.map(\.message.description)
        }
        // At their defaults, as `validate --print` writes them: nothing to say.
        #expect(try warnings("{ mode: none, amount: 0, schedule: null, target: null, annual_budget: 0 }") == [])
        #expect(try warnings("{ mode: none, amount: 5 }") == ["amount and schedule are used only when mode is fixed"])
        #expect(try warnings("{ mode: fixed, amount: 5, target: 7 }")
            == ["target and annual_budget are used only when mode is restore"])
        #expect(try warnings("{ mode: fixed, amount: 5, schedule: [1, 2] }") == ["amount is ignored when a schedule is given"])
    }
}
