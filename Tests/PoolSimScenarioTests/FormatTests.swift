import Foundation
import PoolSimCore
@testable import PoolSimScenario
import Testing

@Suite struct FormatTests {
    @Test func yamlTomlAndJSONGiveEqualScenarios() throws {
        let yaml = try ScenarioLoader.load(path: Fixtures.path("small.yaml")).scenario
        let toml = try ScenarioLoader.load(path: Fixtures.path("small.toml")).scenario
        let json = try ScenarioLoader.load(path: Fixtures.path("small.json")).scenario
        #expect(yaml == toml)
        #expect(yaml == json)
    }

    @Test func smallScenarioValues() throws {
        let scenario = try ScenarioLoader.load(path: Fixtures.path("small.yaml")).scenario
        #expect(scenario.name == "small")
        #expect(scenario.trials == 100_000)
        #expect(scenario.seed == 42)
        #expect(scenario.currency == "CNY")
        #expect(scenario.pool.shortfall == .defer)
        #expect(scenario.pool.replenishment == Replenishment(mode: .restore, annualBudget: 5_000_000))
        #expect(scenario.compensation.ratioByType == ["ip_pledge": 0.7, "credit": 0.65])
        #expect(scenario.compensation.nplBands == [NPLBand(from: 0.01, to: 0.03, ratio: 0.3), NPLBand(from: 0.03, to: 0.05, ratio: 0.5)])
        #expect(scenario.defaultModel.copula == .t)
        #expect(scenario.defaultModel.pdMultiplier == [1, 1.5, 2])
        #expect(scenario.defaultModel.rhoSector == 0.04)
        #expect(scenario.banks.map(\.id) == ["alpha", "beta"])
        #expect(scenario.banks[1].name == "beta")
        #expect(scenario.banks[0].segments[0].amount == .lognormal(median: 1_000_000, sigma: 0.5, max: 3_000_000))
        #expect(scenario.banks[0].segments[1].lgd == LGDSpec(mean: 0.6, sd: 0))
        #expect(scenario.banks[0].segments[1].termYears == 2)
        #expect(scenario.banks[1].segments[0].type == "credit")
        #expect(scenario.banks[1].segments[0].sector == "general")
        #expect(scenario.stresses == [Stress(name: "downturn", settings: [
            .init(path: "default_model.pd_multiplier", value: "2"),
            .init(path: "banks.beta.segments.credit.pd", value: "0.1"),
        ])])
    }

    @Test(arguments: ["small.yaml", "small.toml", "small.json"])
    func printedScenarioReadsBackEqual(_ name: String) throws {
        let scenario = try ScenarioLoader.load(path: Fixtures.path(name)).scenario
        let yaml = ScenarioWriter.yaml(scenario)
        #expect(try ScenarioLoader.load(contents: yaml, format: .yaml, file: "printed.yaml").scenario == scenario)
        let json = ScenarioWriter.json(scenario)
        #expect(try ScenarioLoader.load(contents: json, format: .json, file: "printed.json").scenario == scenario)
    }

    @Test func jsonReaderLocationsAndEscapes() throws {
        let text = "{\n  \"a\": [1, 2.5, -3e2],\n  \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"\n}"
        let node = try JSONReader.read(text, file: "t.json").get()
        #expect(node["b"]?.keyLocation == SourceLocation(file: "t.json", line: 3, column: 3))
        #expect(node["b"]?.node.value == .string("xé😀\n"))
        guard case let .list(items)? = node["a"]?.node.value else {
            Issue.record("a is not a list")
            return
        }
        #expect(items.map(\.value) == [.integer(1), .number(2.5), .number(-300)])
        #expect(items[1].location == SourceLocation(file: "t.json", line: 2, column: 12))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "\"abc", "nul", "{\"a\":1}}", "\"\\q\"", "[\"\\ud800\"]"])
    func malformedJSONIsADiagnostic(_ text: String) {
        guard case let .failure(error) = JSONReader.read(text, file: "m.json") else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].location.line != nil)
    }

    @Test func sha256KnownVectors() {
        #expect(SHA256.hexDigest(of: Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hexDigest(of: long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hexDigest(of: [UInt8](repeating: 0x61, count: 1_000)) ==
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func loadedScenarioRecordsItsInputs() throws {
        let path = Fixtures.path("small.yaml")
        let loaded = try ScenarioLoader.load(path: path, overrides: ["seed=7"], stress: "downturn")
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(loaded.sha256 == SHA256.hexDigest(of: bytes))
        #expect(loaded.path == path)
        #expect(loaded.overrides == ["seed=7"])
        #expect(loaded.stress == "downturn")
        #expect(loaded.scenario.seed == 7)
    }

    @Test func jsonSchemaIsJSONAndListsEveryKey() throws {
        let schema = try JSONReader.read(ScenarioJSONSchema.text, file: "schema.json").get()
        #expect(schema["$schema"]?.node.value == .string("https://json-schema.org/draft/2020-12/schema"))
        guard case let .table(properties)? = schema["properties"]?.node.value else {
            Issue.record("no properties")
            return
        }
        #expect(properties.map(\.key) == ScenarioSchema.root.keys)
        #expect(ScenarioJSONSchema.text.contains("\"rho_global\""))
        #expect(ScenarioJSONSchema.text.contains("\"loans_per_year\""))
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "rho_globl", in: ScenarioSchema.defaultModel.keys) == "rho_global")
        #expect(Suggestion.closest(to: "zzz", in: ["rho_global"]) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }
}

@Suite struct DocumentationTests {
    /// docs/scenario-format.md and the README list every key as the format describes it.
    @Test(arguments: ["docs/scenario-format.md", "README.md"])
    func referenceTablesAreInTheDocs(file: String) throws {
        let path = URL(fileURLWithPath: Fixtures.scenarios).deletingLastPathComponent()
            .appendingPathComponent(file).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(ScenarioSchema.referenceTables()))
    }
}

/// toml++ aborts the process on some table headers; the reader reports them instead.
@Suite struct TOMLHeaderTests {
    @Test(arguments: ["[&ompensation]", "[.pool]", "[ &a]", "[[&banks]]", "[[ .banks]]", "[%]"])
    func invalidHeaderIsAnError(header: String) throws {
        let text = "schema_version = 1\nname = \"x\"\n\(header)\nratio = 1\n"
        guard case let .failure(error) = ScenarioLoader.document(contents: text, format: .toml, file: "x.toml") else {
            Issue.record("accepted \(header)")
            return
        }
        #expect(error.diagnostics.first?.location.line == 3)
        #expect(error.description.hasPrefix("x.toml:3:"))
    }

    @Test("brackets inside values, strings and comments are not table headers")
    func valuesAreNotHeaders() {
        let text = """
            a = [
              [1, 2],
              [+3, 4],
            ]
            s = \"\"\"
            [&not a header]
            \"\"\"
            t = '[&neither]' # [&nor this]
            [ok]
            [[list]]
            ["quoted"]
            """
        #expect(TOMLHeaderCheck.invalidHeader(in: text) == nil)
    }
}
