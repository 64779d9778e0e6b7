import ArgumentParser
import Foundation
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "A grid of runs over one or two scenario keys.",
        discussion: """
            --grid PATH=V1,V2,… names a key (as for --set) and its values; with two grids every \
            combination runs. All points run the same trials with the same seed (common random \
            numbers), so differences between points are not blurred by sampling noise. Values \
            are single numbers or words; lists cannot be swept.
            """)

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: ArgumentHelp("A key and its values, e.g. pool.initial_balance=80000000,110000000 (one or two).",
                               valueName: "PATH=V1,V2,…"))
    var grid: [String]

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: OutputOptions

    struct Axis {
        var path: String
        var values: [String]
    }

    static func parse(_ text: String) throws -> Axis {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ValidationError("--grid needs PATH=V1,V2,…, got '\(text)'")
        }
        let values = text[text.index(after: equals)...].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !values.isEmpty, !values.contains(where: \.isEmpty) else {
            throw ValidationError("--grid \(text[..<equals]) needs a comma-separated list of values")
        }
        return Axis(path: String(text[..<equals]), values: values)
    }

    func validate() throws {
        guard (1...2).contains(grid.count) else { throw ValidationError("give one or two --grid options") }
        let axes = try grid.map(Self.parse)
        if axes.count == 2, axes[0].path == axes[1].path { throw ValidationError("the two grids name the same key") }
    }

    func run() throws {
        GSL.start()
        let axes = try grid.map(Self.parse)
        let base = try scenarioOptions.load(scenario)
        let settings = simulation.settings(for: base.scenario)
        var combinations: [[(path: String, value: String)]] = [[]]
        for axis in axes {
            combinations = combinations.flatMap { prefix in axis.values.map { prefix + [(axis.path, $0)] } }
        }
        // Validate every point before simulating any.
        let points = try combinations.map { settingList in
            (settingList, try scenarioOptions.load(scenario, extraOverrides: settingList.map { "\($0.path)=\($0.value)" }))
        }
        let directory = try output.analysisDirectory(base.scenario, analysis: "sweep")
        var results: [(set: [(path: String, value: String)], statistics: RunStatistics, summary: JSONValue)] = []
        for (index, (settingList, loaded)) in points.enumerated() {
            let label = "\(index + 1)/\(points.count) " + settingList.map { "\($0.path)=\($0.value)" }.joined(separator: " ")
            let finished = try SimulationRun.analysisStep(loaded, settings: settings, label: label, quiet: output.quiet, importance: simulation.importanceSampling)
            results.append((settingList, finished.statistics, finished.document["summary"] ?? .null))
        }
        let json = JSONValue.object([
            ("scenario_name", .string(base.scenario.name)),
            ("axes", .array(axes.map { .object([("path", .string($0.path)), ("values", .array($0.values.map(Self.value)))]) })),
            ("trials", .int(settings.trials)),
            ("seed", .int(Int(clamping: settings.seed))),
            ("points", .array(results.map { point in
                .object([
                    ("set", .object(point.set.map { ($0.path, Self.value($0.value)) })),
                    ("headline", headlineJSON(point.statistics)),
                    ("summary", point.summary),
                ])
            })),
        ])
        var rows = [axes.map(\.path) + ["quantity", "statistic", "value"]]
        for point in results {
            let keys = point.set.map(\.value)
            rows += CSVExport.summaryRows(point.summary).map { keys + $0 }
        }
        try output.writeAnalysis("\(base.scenario.name) sweep", json: json, csv: [("sweep.csv", rows)],
                                 html: AnalysisReport.sweep(json), to: directory)
        output.printResult(json) { Self.table(axes, results.map { ($0.set, $0.statistics) }) }
        if !output.quiet { note("results written to \(directory.path)") }
    }

    /// A grid value in JSON: a number when it reads as one.
    static func value(_ text: String) -> JSONValue {
        if let integer = Int(text) { return .int(integer) }
        if let number = Double(text) { return .number(number) }
        return .string(text)
    }

    static func table(_ axes: [Axis], _ points: [([(path: String, value: String)], RunStatistics)]) -> String {
        var table = TextTable(title: "Sweep: every point on the same random numbers",
                              header: axes.map(\.path) + ["P(exhaustion)", "95% CI", "claims, mean", "unpaid, mean", "claims VaR 99%"])
        for (set, s) in points {
            table.add(set.map(\.value) + [
                NumberFormat.percent(s.pExhaustion.estimate),
                "\(NumberFormat.percent(s.pExhaustion.low))–\(NumberFormat.percent(s.pExhaustion.high))",
                NumberFormat.money(s.total(.claims).mean), NumberFormat.money(s.total(.unpaid).mean),
                NumberFormat.money(s.claimsVaR[1]),
            ])
        }
        return table.rendered()
    }
}
