import ArgumentParser
import Foundation
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario

/// Options of every command that simulates.
struct SimulationOptions: ParsableArguments {
    @Option(help: "Number of trials (default: the scenario's `trials`).")
    var trials: Int?

    @Option(help: "Run seed (default: the scenario's `seed`). Same seed, same results.")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("GSL generator type (\(GeneratorType.names.joined(separator: ", "))).", valueName: "NAME"))
    var rng: String = GeneratorType.mt19937.name

    @Option(help: ArgumentHelp("How defaults are drawn: grouped (fast) or per-loan (reference).", valueName: "METHOD"))
    var method: String = SamplingMethod.grouped.rawValue

    @Option(help: ArgumentHelp("Importance sampling for rare exhaustion: auto (tune a shift of the systematic factors) or off.",
                               valueName: "MODE"))
    var importance: String = "off"

    func validate() throws {
        if let trials, trials < 1 { throw ValidationError("--trials must be at least 1, got \(trials)") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        do { _ = try GeneratorType(name: rng) } catch { throw ValidationError(error.description) }
        guard ["auto", "off"].contains(importance) else {
            throw ValidationError("--importance must be auto or off, got '\(importance)'")
        }
        guard SamplingMethod(rawValue: method) != nil else {
            throw ValidationError("unknown method '\(method)'; valid methods: \(SamplingMethod.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    var generatorType: GeneratorType { (try? GeneratorType(name: rng)) ?? .mt19937 }
    var samplingMethod: SamplingMethod { SamplingMethod(rawValue: method) ?? .grouped }
    var importanceSampling: Bool { importance == "auto" }

    func settings(for scenario: Scenario) -> SimulationSettings {
        SimulationSettings(trials: trials ?? scenario.trials, seed: seed ?? scenario.seed,
                           generatorType: generatorType, jobs: jobs, method: samplingMethod)
    }
}

/// Options of every command that writes a results directory.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Results directory (default: results/<scenario name>).", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("What goes to stdout: table or json.", valueName: "FORMAT"))
    var format: String = "table"

    @Option(help: ArgumentHelp("Formats to write: any of csv,xlsx,json,html.", valueName: "LIST"))
    var export: String = ExportFormat.allCases.map(\.rawValue).joined(separator: ",")

    @Flag(help: "Also write one row per trial (trials.csv, and a Trials sheet).")
    var perTrial = false

    @Flag(help: "Replace the results in an existing directory.")
    var force = false

    @Flag(help: "Leave the UTF-8 byte-order mark out of CSV files.")
    var noBom = false

    @Flag(help: "No progress reports.")
    var quiet = false

    func validate() throws {
        guard ["table", "json"].contains(format) else {
            throw ValidationError("--format must be table or json, got '\(format)'")
        }
        if case let .failure(error) = ExportFormat.parseList(export) { throw ValidationError(error.description) }
    }

    var exportOptions: Exporter.Options {
        let formats = (try? ExportFormat.parseList(export).get()) ?? ExportFormat.allCases
        return Exporter.Options(formats: formats, byteOrderMark: !noBom)
    }

    func directory(for scenario: Scenario) -> String { out ?? "results/\(scenario.name)" }

    /// Creates the results directory, or stops with exit 73.
    func prepareDirectory(for scenario: Scenario) throws -> ResultsDirectory {
        do {
            return try ResultsDirectory.prepare(directory(for: scenario), force: force)
        } catch {
            note("error: \(error.message)")
            throw ExitCode(error.exitCode)
        }
    }

    /// Writes the exports, or stops with exit 73/74.
    func write(_ document: JSONValue, trials: TrialTable?, to directory: ResultsDirectory) throws {
        do {
            try Exporter.write(document, trials: perTrial ? trials : nil, to: directory, options: exportOptions)
        } catch {
            note("error: \(error.message)")
            throw ExitCode(error.exitCode)
        }
    }

    /// Prints the document as a table or JSON on stdout.
    func printResult(_ document: JSONValue, table: () -> String) {
        print(format == "json" ? document.rendered() : table(), terminator: "")
    }
}

/// ISO 8601 in UTC, to the second.
func timestamp(_ date: Date = Date()) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
}
