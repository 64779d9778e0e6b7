import Foundation
import PoolSimCore
import PoolSimScenario
import PoolSimText
import Testing

/// `calibrate --apply`: the scenario with the estimates, everything else as it was.
@Suite struct CalibratedScenarioTests {
    /// Two banks of the bundled scenario and one it does not have, eight years.
    static let calibration: Calibration = {
        var records: [HistoryRecord] = []
        for year in 2016...2023 {
            let swing = year % 3
            records.append(HistoryRecord(year: year, bank: "ccb-hebei", loans: 300, defaults: 4 + 3 * swing))
            records.append(HistoryRecord(year: year, bank: "boc-hebei", loans: 200, defaults: 2 + 2 * swing))
            records.append(HistoryRecord(year: year, bank: "nowhere-bank", loans: 100, defaults: 1 + swing))
        }
        return try! Calibration.fit(DefaultHistory(records: records))
    }()

    static func temporary(_ name: String, _ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("poolsim-apply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func relativelyEqual(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 5e-6 * abs(b) }

    @Test("YAML keeps its text and comments; the correlations and each bank's weighted mean PD are the estimates")
    func inPlace() throws {
        let bundled = try String(contentsOfFile: Fixtures.scenarios + "/hebei-2022.yaml", encoding: .utf8)
        // CCB's two segments at different PDs, to see them scaled in proportion.
        let source = bundled.replacingOccurrences(of: "        pd: 0.02\n", with: "        pd: 0.01\n", options: [],
                                                  range: bundled.range(of: "        pd: 0.02\n"))
        let path = try Self.temporary("scenario.yaml", source)
        let fit = Self.calibration
        let written = try CalibratedScenario.apply(fit, to: ScenarioLoader.load(path: path), history: "history.csv",
                                                   date: "2026-11-29", language: .en)
        #expect(written.text.hasPrefix("# Calibrated with `poolsim calibrate` from history.csv on 2026-11-29:\n"))
        #expect(written.text.contains("# Source: Hebei Daily, 2022-05-25"))
        #expect(!written.text.contains("comments are not carried over"))
        #expect(written.text.split(separator: "\n").allSatisfy { $0.count <= 120 })

        let out = try Self.temporary("calibrated.yaml", written.text)
        let scenario = try ScenarioLoader.load(path: out).scenario
        let original = try ScenarioLoader.load(path: path).scenario
        #expect(Self.relativelyEqual(scenario.defaultModel.rhoGlobal, fit.rhoGlobal.estimate))
        #expect(Self.relativelyEqual(scenario.defaultModel.rhoBank, fit.rhoBank.estimate))
        #expect(scenario.defaultModel.rhoSector == original.defaultModel.rhoSector)
        for (bank, before) in zip(scenario.banks, original.banks) {
            let mean = bank.segments.reduce(0) { $0 + $1.loansPerYear * $1.pd } / bank.segments.reduce(0) { $0 + $1.loansPerYear }
            if let estimate = fit.pd.first(where: { $0.bank == bank.id })?.estimate {
                #expect(Self.relativelyEqual(mean, estimate), "\(bank.id)")
                // In proportion: the segments' ratio is unchanged.
                #expect(Self.relativelyEqual(bank.segments[0].pd / bank.segments[1].pd, before.segments[0].pd / before.segments[1].pd))
            } else {
                #expect(bank.segments.map(\.pd) == before.segments.map(\.pd), "\(bank.id) keeps its PDs")
            }
        }
        // Nothing else moved.
        var unchanged = scenario
        unchanged.defaultModel.rhoGlobal = original.defaultModel.rhoGlobal
        unchanged.defaultModel.rhoBank = original.defaultModel.rhoBank
        for b in unchanged.banks.indices { unchanged.banks[b].segments = original.banks[b].segments }
        #expect(unchanged == original)

        let warnings = written.warnings.map { $0.rendered(.en) }
        #expect(warnings.count == 5, "\(warnings)")
        #expect(warnings.contains { $0.contains("bank 'icbc-hebei' has no rows in the history; its PDs are left as they are") })
        #expect(warnings.contains { $0.hasPrefix("history.csv: warning: bank 'nowhere-bank' is not in the scenario") })
    }

    @Test("JSON, or a key left to its default, is rewritten as YAML, and the header says the comments are gone")
    func rewritten() throws {
        let original = try ScenarioLoader.load(path: Fixtures.scenarios + "/hebei-2022.yaml").scenario
        let path = try Self.temporary("scenario.json", ScenarioWriter.json(original))
        let written = try CalibratedScenario.apply(Self.calibration, to: ScenarioLoader.load(path: path), history: "h.csv",
                                                   date: "2026-11-29", language: .zh)
        #expect(written.text.hasPrefix("# 由 `poolsim calibrate` 根据 h.csv 于 2026-11-29 校准："))
        #expect(written.text.contains("原有注释未保留"))
        let scenario = try ScenarioLoader.load(contents: written.text, format: .yaml, file: "new.yaml").scenario
        #expect(Self.relativelyEqual(scenario.defaultModel.rhoGlobal, Self.calibration.rhoGlobal.estimate))
        #expect(Self.relativelyEqual(scenario.banks[0].segments[0].pd, Self.calibration.pd[0].estimate))

        // rho_bank left out of a YAML scenario: it is added, and the file is rewritten.
        let yaml = try String(contentsOfFile: Fixtures.scenarios + "/hebei-2022.yaml", encoding: .utf8)
            .replacingOccurrences(of: "  rho_bank: 0.02\n", with: "")
        let short = try Self.temporary("short.yaml", yaml)
        let added = try CalibratedScenario.apply(Self.calibration, to: ScenarioLoader.load(path: short), history: "h.csv",
                                                 date: "2026-11-29", language: .en)
        #expect(added.text.contains("comments are not carried over"))
        let reloaded = try ScenarioLoader.load(contents: added.text, format: .yaml, file: "new.yaml").scenario
        #expect(Self.relativelyEqual(reloaded.defaultModel.rhoBank, Self.calibration.rhoBank.estimate))
    }

    @Test("an invalid scenario is an error with its located diagnostics, and nothing is returned")
    func invalidScenario() throws {
        let path = try Self.temporary("bad.yaml", "schema_version: 1\nname: x\n")
        #expect(throws: InputError.self) {
            _ = try CalibratedScenario.apply(Self.calibration, to: ScenarioLoader.load(path: path), history: "h.csv",
                                             date: "2026-11-29", language: .en)
        }
    }
}
