import ArgumentParser
import Foundation
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "One-at-a-time swings of assumptions on exhaustion probability and tail claims.",
        discussion: """
            Each parameter is moved to its low and then its high setting, one at a time, with \
            the others at the scenario's values, all on the same random numbers. By default: \
            pd (PDs ×0.5 and ×1.5), correlation (ρ's ×0.5 and ×1.5), lgd (LGDs −0.1 and +0.1), \
            ratio (compensation ratios ×0.8 and ×1.2), pool (initial balance ×0.8 and ×1.2). \
            --vary NAME=LOW,HIGH replaces the defaults: NAME is one of those five (LOW and HIGH \
            as factors or shifts) or a scenario key (LOW and HIGH as its values). Caveat: \
            one-at-a-time swings ignore interactions between assumptions.
            """)

    static let caveat = "One-at-a-time swings: each parameter moves alone, the others stay at the scenario's values, so interactions between assumptions are ignored."

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: ArgumentHelp("A parameter and its low and high settings (repeatable).", valueName: "NAME=LOW,HIGH"))
    var vary: [String] = []

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: OutputOptions

    static func parameter(_ text: String) throws -> SensitivityParameter {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let settings = parts.count == 2 ? parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : []
        guard parts.count == 2, settings.count == 2, !settings.contains(where: \.isEmpty) else {
            throw ValidationError("--vary needs NAME=LOW,HIGH, got '\(text)'")
        }
        let builtIn: [String: SensitivityParameter.Kind] = [
            "pd": .pdFactor, "correlation": .correlationFactor, "lgd": .lgdShift, "ratio": .ratioFactor, "pool": .poolFactor,
        ]
        if let kind = builtIn[parts[0]] {
            guard settings.allSatisfy({ Double($0) != nil }) else {
                throw ValidationError("--vary \(parts[0]) takes two numbers, got '\(parts[1])'")
            }
            return SensitivityParameter(name: parts[0], kind: kind, low: settings[0], high: settings[1])
        }
        return SensitivityParameter(name: parts[0], kind: .key(parts[0]), low: settings[0], high: settings[1])
    }

    func validate() throws { _ = try vary.map(Self.parameter) }

    func run() throws {
        GSL.start()
        let parameters = vary.isEmpty ? SensitivityParameter.defaults : try vary.map(Self.parameter)
        let base = try scenarioOptions.load(scenario)
        let settings = simulation.settings(for: base.scenario)
        // Every setting is a scenario of its own; all are validated before any runs.
        var cases: [(label: String, loaded: LoadedScenario)] = [("base", base)]
        for parameter in parameters {
            for setting in [parameter.low, parameter.high] {
                let loaded: LoadedScenario
                if case let .key(path) = parameter.kind {
                    loaded = try scenarioOptions.load(scenario, extraOverrides: ["\(path)=\(setting)"])
                } else {
                    loaded = LoadedScenario(
                        scenario: parameter.apply(Double(setting)!, to: base.scenario), path: base.path,
                        sha256: base.sha256, overrides: base.overrides + ["sensitivity: \(parameter.name) \(setting)"],
                        stress: base.stress, warnings: [])
                }
                cases.append(("\(parameter.name)=\(setting)", loaded))
            }
        }
        let directory = try output.analysisDirectory(base.scenario, analysis: "sensitivity")
        var statistics: [RunStatistics] = []
        for (index, item) in cases.enumerated() {
            let finished = try SimulationRun.analysisStep(item.loaded, settings: settings,
                                                          label: "\(index + 1)/\(cases.count) \(item.label)", quiet: output.quiet, importance: simulation.importanceSampling)
            statistics.append(finished.statistics)
        }
        let swings = parameters.enumerated().map { k, parameter in
            (parameter: parameter, low: statistics[1 + 2 * k], high: statistics[2 + 2 * k])
        }.sorted { swing($0.low, $0.high) > swing($1.low, $1.high) }
        let json = JSONValue.object([
            ("scenario_name", .string(base.scenario.name)),
            ("trials", .int(settings.trials)),
            ("seed", .int(Int(clamping: settings.seed))),
            ("caveat", .string(Self.caveat)),
            ("base", headlineJSON(statistics[0])),
            ("parameters", .array(swings.map { swing in
                .object([
                    ("name", .string(swing.parameter.name)),
                    ("low_setting", .string(swing.parameter.low)),
                    ("high_setting", .string(swing.parameter.high)),
                    ("low", headlineJSON(swing.low)),
                    ("high", headlineJSON(swing.high)),
                ])
            })),
        ])
        var rows = [["parameter", "setting", "statistic", "value"]]
        for statistic in HeadlineStatistic.allCases {
            rows.append(["base", "", statistic.rawValue, NumberFormat.plain(statistic.value(statistics[0]))])
        }
        for swing in swings {
            for (setting, s) in [(swing.parameter.low, swing.low), (swing.parameter.high, swing.high)] {
                for statistic in HeadlineStatistic.allCases {
                    rows.append([swing.parameter.name, setting, statistic.rawValue, NumberFormat.plain(statistic.value(s))])
                }
            }
        }
        try output.writeAnalysis("\(base.scenario.name) sensitivity", json: json, csv: [("sensitivity.csv", rows)],
                                 html: AnalysisReport.sensitivity(json),
                                 to: directory)
        output.printResult(json) {
            var table = TextTable(
                title: "Sensitivity (base: P(exhaustion) \(NumberFormat.percent(statistics[0].pExhaustion.estimate)), claims VaR 99% \(NumberFormat.money(statistics[0].claimsVaR[1])))",
                header: ["parameter", "low", "high", "P(exh.) low", "P(exh.) high", "VaR 99% low", "VaR 99% high"])
            for swing in swings {
                table.add([swing.parameter.name, swing.parameter.low, swing.parameter.high,
                           NumberFormat.percent(swing.low.pExhaustion.estimate), NumberFormat.percent(swing.high.pExhaustion.estimate),
                           NumberFormat.money(swing.low.claimsVaR[1]), NumberFormat.money(swing.high.claimsVaR[1])])
            }
            return table.rendered() + Self.caveat + "\n"
        }
        if !output.quiet { note("results written to \(directory.path)") }
    }

    /// How far a parameter moves the exhaustion probability, for ordering the tornado.
    func swing(_ low: RunStatistics, _ high: RunStatistics) -> Double {
        abs(high.pExhaustion.estimate - low.pExhaustion.estimate)
    }
}
