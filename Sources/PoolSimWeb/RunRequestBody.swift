import Foundation
import PoolSimApp
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario
import PoolSimText

/// The body of `POST /api/runs` (WEB.md): what to run, as the command line's options.
struct RunRequestBody: Decodable, Sendable {
    /// A scenario by its name in the scenarios folder, or as text.
    struct ScenarioChoice: Decodable, Sendable {
        var name: String?
        var text: String?
        var format: ScenarioFormat?
        /// With `text`: the offered scenario it was edited from, whose loan tape it may then use.
        var base: String?
    }

    var kind: JobKind
    var scenario: ScenarioChoice?
    var trials: Int?
    var seed: UInt64?
    /// `--set` overrides: key path → value (a number, a word, true/false).
    var set: [String: JSONValue]?
    var stress: String?
    var ruin: [Double]?
    /// Sweep: key path → values, one or two keys, in the order given (the first key outermost).
    var grid: Grid?
    var scenarios: [ScenarioChoice]?
    var stresses: [String]?
    var vary: [String]?
    var defaults: String?
    var loanTape: String?
    var importance: ImportanceMode?
    var method: SamplingMethod?

    enum CodingKeys: String, CodingKey {
        case kind, scenario, trials, seed, set, stress, ruin, grid, scenarios, stresses, vary, defaults
        case loanTape = "loan_tape", importance, method
    }

    /// `set` as `--set PATH=VALUE` strings, in key order.
    var overrides: [String] {
        (set ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.text($0.value))" }
    }

    /// A JSON value as `--set` writes it.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case let .string(text): text
        default: value.rendered(indent: false)
        }
    }
}

/// The keys of a sweep's grid in the order the client wrote them (a JSON
/// object's order, which a dictionary would lose).
struct Grid: Decodable, Sendable {
    var axes: [(path: String, values: [JSONValue])]

    init(from decoder: Decoder) throws {
        guard case let .object(members) = try decoder.singleValueContainer().decode(JSONValue.self) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected an object of key paths and value lists"))
        }
        axes = try members.map { path, values in
            guard case let .array(items) = values else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [JSONKey(path)],
                                                        debugDescription: "expected a list of values"))
            }
            return (path, items)
        }
    }
}

extension ScenarioFormat: Decodable {}
extension ImportanceMode: Decodable {}

/// Why a request body cannot be run, with the HTTP status to answer.
struct BodyError: Error {
    var status: Int
    var message: String
    var diagnostics: [Diagnostic] = []
}

/// Turns a request body into the application layer's requests.
struct RunRequestBuilder {
    /// The scenarios offered by name, by name.
    let scenarios: [String: String]
    let maxTrials: Int

    /// The scenario input of a choice: a bundled file by name, or text (which reads no files).
    func input(_ choice: RunRequestBody.ScenarioChoice?, field: String, body: RunRequestBody) throws(BodyError) -> ScenarioInput {
        guard let choice else { throw BodyError(status: 400, message: "\(field): required") }
        let overrides = body.overrides
        if let name = choice.name {
            guard let path = scenarios[name] else {
                throw BodyError(status: 400, message: "\(field).name: no scenario named '\(name)'")
            }
            if let tape = body.loanTape {
                let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                return ScenarioInput(.text(text, format: ScenarioFormat(path: path) ?? .yaml, name: (path as NSString).lastPathComponent,
                                           tape: .uploaded(text: tape, name: "loan_tape.csv")),
                                     overrides: overrides, stress: body.stress)
            }
            return .file(path, overrides: overrides, stress: body.stress)
        }
        guard let text = choice.text else { throw BodyError(status: 400, message: "\(field): give name or text") }
        let format = choice.format ?? ScenarioFormat(sniffing: text)
        let tape = tapeSource(upload: body.loanTape, base: choice.base)
        return ScenarioInput(.text(text, format: format, name: "scenario.\(format.rawValue)", tape: tape),
                             overrides: overrides, stress: body.stress)
    }

    /// Where a text scenario's loan tape comes from: the upload; else, for text
    /// edited from an offered scenario, a file of the scenarios folder named
    /// plainly; else nowhere.
    func tapeSource(upload: String?, base: String?) -> LoanTapeSource {
        if let upload { return .uploaded(text: upload, name: "loan_tape.csv") }
        if let base, let path = scenarios[base] { return .inFolder((path as NSString).deletingLastPathComponent) }
        return .refused
    }

    func simulation(_ body: RunRequestBody) throws(BodyError) -> SimulationOptions {
        if let trials = body.trials {
            guard trials >= 1 else { throw BodyError(status: 400, message: "trials: must be at least 1") }
            guard trials <= maxTrials else {
                throw BodyError(status: 400, message: "trials: at most \(maxTrials) on this server")
            }
        }
        return SimulationOptions(trials: body.trials, seed: body.seed, method: body.method ?? .grouped,
                                 importance: body.importance ?? .off)
    }

    /// The job to run for `body`, writing into `directory` in `language`.
    func job(_ body: RunRequestBody, directory: String, language: Language) throws(BodyError) -> WebJob {
        let output = OutputPlan(directory: directory, force: true, perTrial: false, language: language)
        let simulation = try simulation(body)
        switch body.kind {
        case .run:
            return .run(RunRequest(scenario: try input(body.scenario, field: "scenario", body: body),
                                   simulation: simulation, output: output))
        case .size:
            return .size(SizeRequest(scenario: try input(body.scenario, field: "scenario", body: body),
                                     ruinProbabilities: body.ruin ?? [], simulation: simulation, output: output))
        case .compare:
            var choices = body.scenarios ?? []
            if choices.isEmpty, let scenario = body.scenario { choices = [scenario] }
            var inputs: [ScenarioInput] = []
            for (k, choice) in choices.enumerated() { inputs.append(try input(choice, field: "scenarios[\(k)]", body: body)) }
            for k in inputs.indices { inputs[k].stress = nil }
            return .compare(CompareRequest(scenarios: inputs, stresses: body.stresses ?? [], simulation: simulation,
                                           output: output))
        case .sweep:
            let axes = (body.grid?.axes ?? []).map {
                SweepResults.Axis(path: $0.path, values: $0.values.map(RunRequestBody.text))
            }
            return .sweep(SweepRequest(scenario: try input(body.scenario, field: "scenario", body: body), axes: axes,
                                       simulation: simulation, output: output))
        case .sensitivity:
            var parameters: [SensitivityParameter] = []
            for text in body.vary ?? [] {
                do {
                    parameters.append(try SensitivityRequest.parameter(parsing: text))
                } catch {
                    throw BodyError(status: 400, message: "vary: \(error.rendered(language))")
                }
            }
            return .sensitivity(SensitivityRequest(scenario: try input(body.scenario, field: "scenario", body: body),
                                                   parameters: parameters, simulation: simulation, output: output))
        case .replay:
            guard let defaults = body.defaults else { throw BodyError(status: 400, message: "defaults: required") }
            return .replay(ReplayRequest(scenario: try input(body.scenario, field: "scenario", body: body),
                                         defaults: .text(defaults, name: "defaults.csv"), seed: body.seed),
                           directory: directory)
        }
    }
}

/// A job of the application layer, ready to run.
enum WebJob: Sendable {
    case run(RunRequest)
    case size(SizeRequest)
    case compare(CompareRequest)
    case sweep(SweepRequest)
    case sensitivity(SensitivityRequest)
    /// A replay writes nothing itself; its results document is written to `directory`.
    case replay(ReplayRequest, directory: String)

    /// Checks what can be checked before queueing — the request's own rules
    /// and every scenario it names (the job loads them again when it runs) —
    /// and says what the runs list shows: the (first) scenario's name and the trials asked for.
    func validate(_ language: Language) throws(BodyError) -> (scenario: String, trials: Int) {
        do {
            let first: LoadedScenario
            let options: SimulationOptions?
            switch self {
            case let .run(request):
                try request.simulation.validate()
                (first, options) = (try request.scenario.load(JobContext()), request.simulation)
            case let .size(request):
                try request.validate()
                (first, options) = (try request.scenario.load(JobContext()), request.simulation)
            case let .compare(request):
                try request.validate()
                var loaded: [LoadedScenario] = []
                for input in request.scenarios { loaded.append(try input.load(JobContext())) }
                (first, options) = (loaded[0], request.simulation)
            case let .sweep(request):
                try request.validate()
                (first, options) = (try request.scenario.load(JobContext()), request.simulation)
            case let .sensitivity(request):
                try request.simulation.validate()
                (first, options) = (try request.scenario.load(JobContext()), request.simulation)
            case let .replay(request, _):
                (first, options) = (try request.scenario.load(JobContext()), nil)
            }
            return (first.scenario.name, options.map { $0.trials ?? first.scenario.trials } ?? 1)
        } catch {
            if case let .input(input) = error {
                throw BodyError(status: 400, message: input.diagnostics.first { $0.severity == .error }?.rendered(language)
                                    ?? error.rendered(language), diagnostics: input.diagnostics)
            }
            throw BodyError(status: 400, message: error.rendered(language))
        }
    }

    /// Runs the job; the results, or why it stopped.
    func run(_ context: JobContext) throws(AppError) -> (results: JobResults, interrupted: Bool) {
        switch self {
        case let .run(request):
            let outcome = try RunJob.run(request, context: context)
            return (.run(outcome.results), outcome.interrupted)
        case let .size(request): return (.size(try SizeJob.run(request, context: context).results), false)
        case let .compare(request): return (.compare(try CompareJob.run(request, context: context).results), false)
        case let .sweep(request): return (.sweep(try SweepJob.run(request, context: context).results), false)
        case let .sensitivity(request):
            return (.sensitivity(try SensitivityJob.run(request, context: context).results), false)
        case let .replay(request, directory):
            let outcome = try ReplayJob.run(request, context: context)
            do throws(OutputError) {
                try ResultsDirectory(path: directory).write(outcome.results.json(), to: "results.json")
            } catch {
                throw .output(error)
            }
            return (.replay(outcome.results), false)
        }
    }
}
