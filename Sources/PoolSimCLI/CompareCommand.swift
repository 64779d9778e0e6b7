import ArgumentParser
import Foundation
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Scenarios and stress overlays side by side, on the same random numbers.",
        discussion: """
            The columns are each SCENARIO as given, then the first scenario under each --stress. \
            Every column runs the same trials with the same seed (common random numbers), so \
            trial i of one column is paired with trial i of the first, and differences carry a \
            95% interval from the paired differences (quantile statistics carry the difference only).
            """)

    @Argument(help: "Scenario files.")
    var scenarios: [String]

    @Option(name: .customLong("stress"), help: ArgumentHelp("A stress of the first scenario to add as a column (repeatable).", valueName: "NAME"))
    var stresses: [String] = []

    @Option(name: .customLong("set"), help: ArgumentHelp("Change one key in every scenario before validation (repeatable).", valueName: "PATH=VALUE"))
    var overrides: [String] = []

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("give at least one scenario") }
        guard scenarios.count + stresses.count >= 2 else {
            throw ValidationError("compare needs two columns at least: several scenarios, or a scenario and --stress NAME")
        }
    }

    func run() throws {
        GSL.start()
        var columns: [(label: String, loaded: LoadedScenario)] = []
        for path in scenarios {
            let loaded = try ScenarioOptions.load(path, overrides: overrides, stress: nil)
            columns.append((loaded.scenario.name, loaded))
        }
        for stress in stresses {
            let loaded = try ScenarioOptions.load(scenarios[0], overrides: overrides, stress: stress)
            columns.append(("\(loaded.scenario.name) + \(stress)", loaded))
        }
        var seen: [String: Int] = [:]
        for i in columns.indices {
            let count = (seen[columns[i].label] ?? 0) + 1
            seen[columns[i].label] = count
            if count > 1 { columns[i].label += " (\(count))" }
        }
        let first = columns[0].loaded.scenario
        // Every column runs the first column's trials and seed, so trials pair up.
        let settings = simulation.settings(for: first)
        let directory = try output.analysisDirectory(first, analysis: "compare")

        var runs: [LabelledRun] = []
        // deltas[k][statistic]: column k + 1 against the first column.
        var deltas: [[PairedDifference]] = []
        for (index, column) in columns.enumerated() {
            let finished = try SimulationRun.analysisStep(column.loaded, settings: settings,
                                                          label: "\(index + 1)/\(columns.count) \(column.label)",
                                                          quiet: output.quiet, importance: simulation.importanceSampling)
            if let base = runs.first?.finished {
                deltas.append(HeadlineStatistic.allCases.map {
                    PairedDifference.of($0, from: (base.trialTable.records, base.statistics),
                                        to: (finished.trialTable.records, finished.statistics))
                })
            }
            runs.append(LabelledRun(label: column.label, loaded: column.loaded, finished: finished))
            let subdirectory = directory.file(String(format: "%02d-", index + 1) + Self.slug(column.label))
            let runDirectory: ResultsDirectory
            do {
                runDirectory = try ResultsDirectory.prepare(subdirectory, force: true)
            } catch {
                note("error: \(error.message)")
                throw ExitCode(error.exitCode)
            }
            try output.write(finished.document, trials: finished.trialTable, to: runDirectory)
        }
        let json = JSONValue.object([
            ("runs", .array(runs.map(\.finished.document))),
            ("deltas", .array(deltas.enumerated().map { k, row in
                .object([
                    ("run", .string(runs[k + 1].label)), ("versus", .string(runs[0].label)),
                    ("statistics", .object(zip(HeadlineStatistic.allCases, row).map { ($0.rawValue, $1.json) })),
                ])
            })),
        ])
        try output.writeAnalysis("\(first.name) compare", json: json,
                                 csv: [("compare.csv", Self.csvRows(runs, deltas: deltas))],
                                 html: AnalysisReport.compare(json, labels: runs.map(\.label)), to: directory)
        output.printResult(json) { Self.table(runs, deltas: deltas) + "\(settings.trials) trials each, seed \(settings.seed)\n" }
        if !output.quiet { note("results written to \(directory.path)") }
    }

    static func table(_ runs: [LabelledRun], deltas: [[PairedDifference]]) -> String {
        var header = ["statistic", runs[0].label]
        for run in runs.dropFirst() { header += [run.label, "Δ (95% CI)"] }
        var table = TextTable(title: "Side by side, same random numbers; Δ against \(runs[0].label)", header: header)
        for (s, statistic) in HeadlineStatistic.allCases.enumerated() {
            var row = [statistic.label, HeadlineFormat.value(statistic, statistic.value(runs[0].finished.statistics))]
            for (index, run) in runs.enumerated().dropFirst() {
                row += [HeadlineFormat.value(statistic, statistic.value(run.finished.statistics)),
                        HeadlineFormat.difference(statistic, deltas[index - 1][s])]
            }
            table.add(row)
        }
        return table.rendered()
    }

    static func csvRows(_ runs: [LabelledRun], deltas: [[PairedDifference]]) -> [[String]] {
        var rows = [["statistic", "run", "value", "difference", "ci_low", "ci_high"]]
        for (s, statistic) in HeadlineStatistic.allCases.enumerated() {
            for (index, run) in runs.enumerated() {
                var row = [statistic.rawValue, run.label, NumberFormat.plain(statistic.value(run.finished.statistics))]
                if index == 0 {
                    row += ["", "", ""]
                } else {
                    let d = deltas[index - 1][s]
                    row += [NumberFormat.plain(d.difference), d.ciLow.map { NumberFormat.plain($0) } ?? "",
                            d.ciHigh.map { NumberFormat.plain($0) } ?? ""]
                }
                rows.append(row)
            }
        }
        return rows
    }

    /// A file-name-safe version of a label.
    static func slug(_ label: String) -> String {
        String(label.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
            .split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
    }
}
