import Foundation
import PoolSimCore
import PoolSimScenario
import Testing

@Suite struct BundledScenarioTests {
    @Test(arguments: ["hebei-2022.yaml", "example-tape.yaml"])
    func bundledScenariosAreValid(_ name: String) throws {
        let loaded = try ScenarioLoader.load(path: Fixtures.scenarios + "/" + name)
        #expect(loaded.warnings.isEmpty)
        for stress in loaded.scenario.stresses {
            _ = try ScenarioLoader.load(path: Fixtures.scenarios + "/" + name, stress: stress.name)
        }
    }

    @Test func hebeiFacts() throws {
        let scenario = try ScenarioLoader.load(path: Fixtures.scenarios + "/hebei-2022.yaml").scenario
        #expect(scenario.banks.map(\.id) == ["ccb-hebei", "boc-hebei", "icbc-hebei", "psbc-hebei", "bank-of-hebei", "huaxia-sjz"])
        #expect(scenario.pool.initialBalance == 110_000_000)
        #expect(scenario.horizonYears == 5)
        #expect(scenario.compensation.ratio == 0.7)
        #expect(scenario.compensation.perLoanCap == 5_000_000)
        #expect(scenario.stresses.contains { $0.name == "severe-downturn" })
        let perYear = scenario.banks.flatMap(\.segments).map { $0.loanCount(year: 1) }.reduce(0, +)
        #expect((1_000...1_500).contains(perYear))
    }

    @Test func templatesValidateAndHebeiIsTheBundledFile() throws {
        for name in ScenarioTemplate.names {
            let text = try #require(ScenarioTemplate.text(named: name))
            _ = try ScenarioLoader.load(contents: text, format: .yaml, file: Fixtures.scenarios + "/\(name).yaml")
        }
        let bundled = try String(contentsOfFile: Fixtures.scenarios + "/hebei-2022.yaml", encoding: .utf8)
        #expect(ScenarioTemplate.text(named: "hebei") == bundled)
        #expect(ScenarioTemplate.text(named: "nope") == nil)
    }
}
