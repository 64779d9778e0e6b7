import Foundation
import PoolSimCore
import PoolSimText
import PoolSimReport
import PoolSimScenario

// MARK: - Compare

/// `compare`: scenarios and stress overlays side by side, on the same random numbers.
public struct CompareRequest: Sendable {
    /// The columns' scenarios, in order; the overrides apply to every one.
    public var scenarios: [ScenarioInput]
    /// Stresses of the first scenario, each a column after the scenarios.
    public var stresses: [String]
    public var simulation: SimulationOptions
    public var output: OutputPlan

    public init(scenarios: [ScenarioInput], stresses: [String] = [], simulation: SimulationOptions = SimulationOptions(),
                output: OutputPlan = OutputPlan()) {
        self.scenarios = scenarios
        self.stresses = stresses
        self.simulation = simulation
        self.output = output
    }

    public func validate() throws(AppError) {
        guard !scenarios.isEmpty else { throw .usage(Message(RequestText.compareNoScenario)) }
        guard scenarios.count + stresses.count >= 2 else {
            throw .usage(Message(RequestText.compareColumns))
        }
        try simulation.validate()
    }
}

public struct CompareOutcome: Sendable {
    public var results: CompareResults
    public var directory: String
}

public enum CompareJob {
    /// Every column runs the first column's trials and seed, so trial i of one
    /// column pairs with trial i of the first; each column's results go to a
    /// subdirectory `NN-label`.
    public static func run(_ request: CompareRequest, context: JobContext) throws(AppError) -> CompareOutcome {
        try request.validate()
        var columns: [(label: String, loaded: LoadedScenario)] = []
        for input in request.scenarios {
            let loaded = try input.load(context)
            columns.append((loaded.scenario.name, loaded))
        }
        for stress in request.stresses {
            var input = request.scenarios[0]
            input.stress = stress
            let loaded = try input.load(context)
            columns.append(("\(loaded.scenario.name) + \(stress)", loaded))
        }
        var seen: [String: Int] = [:]
        for i in columns.indices {
            let count = (seen[columns[i].label] ?? 0) + 1
            seen[columns[i].label] = count
            if count > 1 { columns[i].label += " (\(count))" }
        }
        let first = columns[0].loaded.scenario
        let settings = request.simulation.settings(for: first)
        let output = try OutputTarget(request.output, defaultPath: "results/\(first.name)-compare", context: context)

        var finished: [FinishedRun] = []
        var deltas: [CompareResults.Delta] = []
        for (index, column) in columns.enumerated() {
            let run = try PreparedRun(column.loaded, settings: settings, importance: request.simulation.importance)
                .analysisStep(label: "\(index + 1)/\(columns.count) \(column.label)", context: context)
            if let base = finished.first {
                deltas.append(CompareResults.Delta(run: column.label, versus: columns[0].label,
                                                   differences: HeadlineStatistic.allCases.map {
                    PairedDifference.of($0, from: (base.trials.records, base.statistics),
                                        to: (run.trials.records, run.statistics))
                }))
            }
            finished.append(run)
            try output.subdirectory(String(format: "%02d-", index + 1) + slug(column.label)).write(run)
        }
        let results = CompareResults(columns: zip(columns, finished).map {
            CompareResults.Column(label: $0.label, results: $1.results)
        }, deltas: deltas)
        try output.writeAnalysis("\(first.name) compare", json: results, tables: [AnalysisExport.compare(results)],
                                 html: AnalysisReport.compare(results, language: request.output.language))
        return CompareOutcome(results: results, directory: output.path)
    }

    /// A file-name-safe version of a label.
    static func slug(_ label: String) -> String {
        String(label.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
            .split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
    }
}

// MARK: - Sweep

/// `sweep`: a grid of runs over one or two scenario keys.
public struct SweepRequest: Sendable {
    public var scenario: ScenarioInput
    /// One or two keys and their values; with two, every combination runs.
    public var axes: [SweepResults.Axis]
    public var simulation: SimulationOptions
    public var output: OutputPlan

    public init(scenario: ScenarioInput, axes: [SweepResults.Axis], simulation: SimulationOptions = SimulationOptions(),
                output: OutputPlan = OutputPlan()) {
        self.scenario = scenario
        self.axes = axes
        self.simulation = simulation
        self.output = output
    }

    /// A grid as given on the command line: `PATH=V1,V2,…`.
    public static func axis(parsing text: String) throws(AppError) -> SweepResults.Axis {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw .usage(Message(RequestText.gridSyntax, ["text": text]))
        }
        let values = text[text.index(after: equals)...].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !values.isEmpty, !values.contains(where: \.isEmpty) else {
            throw .usage(Message(RequestText.gridValues, ["path": String(text[..<equals])]))
        }
        return SweepResults.Axis(path: String(text[..<equals]), values: values)
    }

    public func validate() throws(AppError) {
        guard (1...2).contains(axes.count) else { throw .usage(Message(RequestText.gridCount)) }
        if axes.count == 2, axes[0].path == axes[1].path { throw .usage(Message(RequestText.gridSameKey)) }
        try simulation.validate()
    }
}

public struct SweepOutcome: Sendable {
    public var results: SweepResults
    public var directory: String
}

public enum SweepJob {
    /// Every point is validated before any runs; all run the same trials and seed.
    public static func run(_ request: SweepRequest, context: JobContext) throws(AppError) -> SweepOutcome {
        try request.validate()
        let base = try request.scenario.load(context)
        let settings = request.simulation.settings(for: base.scenario)
        var combinations: [[SweepSetting]] = [[]]
        for axis in request.axes {
            combinations = combinations.flatMap { prefix in
                axis.values.map { prefix + [SweepSetting(path: axis.path, text: $0)] }
            }
        }
        var points: [(settings: [SweepSetting], loaded: LoadedScenario)] = []
        for settingList in combinations {
            let input = request.scenario.adding(overrides: settingList.map { "\($0.path)=\($0.text)" })
            points.append((settingList, try input.load(context)))
        }
        let output = try OutputTarget(request.output, defaultPath: "results/\(base.scenario.name)-sweep", context: context)
        var results = SweepResults(scenarioName: base.scenario.name, axes: request.axes, trials: settings.trials,
                                   seed: settings.seed, points: [])
        for (index, point) in points.enumerated() {
            let label = "\(index + 1)/\(points.count) " + point.settings.map { "\($0.path)=\($0.text)" }.joined(separator: " ")
            let run = try PreparedRun(point.loaded, settings: settings, importance: request.simulation.importance)
                .analysisStep(label: label, context: context)
            let summary = run.statistics.summary
            results.points.append(SweepResults.Point(settings: point.settings, headline: HeadlineValues(summary), summary: summary))
        }
        try output.writeAnalysis("\(base.scenario.name) sweep", json: results, tables: [AnalysisExport.sweep(results)],
                                 html: AnalysisReport.sweep(results, language: request.output.language))
        return SweepOutcome(results: results, directory: output.path)
    }
}

// MARK: - Sensitivity

/// `sensitivity`: one-at-a-time swings of assumptions.
public struct SensitivityRequest: Sendable {
    public var scenario: ScenarioInput
    /// The parameters to swing; empty: `SensitivityParameter.defaults`.
    public var parameters: [SensitivityParameter]
    public var simulation: SimulationOptions
    public var output: OutputPlan

    public init(scenario: ScenarioInput, parameters: [SensitivityParameter] = [],
                simulation: SimulationOptions = SimulationOptions(), output: OutputPlan = OutputPlan()) {
        self.scenario = scenario
        self.parameters = parameters
        self.simulation = simulation
        self.output = output
    }

    /// A parameter as given on the command line: `NAME=LOW,HIGH`, NAME one of
    /// pd, correlation, lgd, ratio, pool (factors or shifts) or a scenario key.
    public static func parameter(parsing text: String) throws(AppError) -> SensitivityParameter {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let settings = parts.count == 2 ? parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : []
        guard parts.count == 2, settings.count == 2, !settings.contains(where: \.isEmpty) else {
            throw .usage(Message(RequestText.varySyntax, ["text": text]))
        }
        let builtIn: [String: SensitivityParameter.Kind] = [
            "pd": .pdFactor, "correlation": .correlationFactor, "lgd": .lgdShift, "ratio": .ratioFactor, "pool": .poolFactor,
        ]
        if let kind = builtIn[parts[0]] {
            guard settings.allSatisfy({ Double($0) != nil }) else {
                throw .usage(Message(RequestText.varyNumbers, ["name": parts[0], "text": parts[1]]))
            }
            return SensitivityParameter(name: parts[0], kind: kind, low: settings[0], high: settings[1])
        }
        return SensitivityParameter(name: parts[0], kind: .key(parts[0]), low: settings[0], high: settings[1])
    }
}

public struct SensitivityOutcome: Sendable {
    public var results: SensitivityResults
    public var directory: String
}

public enum SensitivityJob {
    /// Each parameter at its low and then its high setting, the others at the
    /// scenario's values; every setting validated before any runs.
    public static func run(_ request: SensitivityRequest, context: JobContext) throws(AppError) -> SensitivityOutcome {
        try request.simulation.validate()
        let parameters = request.parameters.isEmpty ? SensitivityParameter.defaults : request.parameters
        let base = try request.scenario.load(context)
        let settings = request.simulation.settings(for: base.scenario)
        var cases: [(label: String, loaded: LoadedScenario)] = [("base", base)]
        for parameter in parameters {
            for setting in [parameter.low, parameter.high] {
                let loaded: LoadedScenario
                if case let .key(path) = parameter.kind {
                    loaded = try request.scenario.adding(overrides: ["\(path)=\(setting)"]).load(context)
                } else {
                    guard let factor = Double(setting) else {
                        throw .usage(Message(RequestText.varyNumbers, ["name": parameter.name, "text": setting]))
                    }
                    loaded = LoadedScenario(
                        scenario: parameter.apply(factor, to: base.scenario), path: base.path,
                        sha256: base.sha256, overrides: base.overrides + ["sensitivity: \(parameter.name) \(setting)"],
                        stress: base.stress, warnings: [])
                }
                cases.append(("\(parameter.name)=\(setting)", loaded))
            }
        }
        let output = try OutputTarget(request.output, defaultPath: "results/\(base.scenario.name)-sensitivity",
                                      context: context)
        var headlines: [HeadlineValues] = []
        for (index, item) in cases.enumerated() {
            let run = try PreparedRun(item.loaded, settings: settings, importance: request.simulation.importance)
                .analysisStep(label: "\(index + 1)/\(cases.count) \(item.label)", context: context)
            headlines.append(HeadlineValues(run.statistics.summary))
        }
        let swings = parameters.enumerated().map { k, parameter in
            SensitivityResults.Swing(name: parameter.name, lowSetting: parameter.low, highSetting: parameter.high,
                                     low: headlines[1 + 2 * k], high: headlines[2 + 2 * k])
        }.sorted { $0.width > $1.width }
        let results = SensitivityResults(scenarioName: base.scenario.name, trials: settings.trials, seed: settings.seed,
                                         base: headlines[0], parameters: swings)
        try output.writeAnalysis("\(base.scenario.name) sensitivity", json: results,
                                 tables: [AnalysisExport.sensitivity(results)], html: AnalysisReport.sensitivity(results, language: request.output.language))
        return SensitivityOutcome(results: results, directory: output.path)
    }
}
