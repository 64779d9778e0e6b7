import ArgumentParser
import Foundation
import Logging
import PoolSimApp
import PoolSimRandom
import PoolSimWeb
import Synchronization

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web app: run, size, compare, sweep, sensitivity and replay in a browser.",
        discussion: """
            Listens on 127.0.0.1:8080 by default. Web runs are kept in RESULTS/web/<id>/ with the \
            usual files and listed again after a restart. A host other than loopback needs a token \
            (--token or POOLSIM_TOKEN), which every request but GET /api/health must then carry. \
            SIGTERM or Ctrl-C stops the runs in progress after their current blocks, keeps what \
            they finished (marked interrupted) and ends the server.
            """)

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: ArgumentHelp("Results folder; web runs go to its web/ folder.", valueName: "DIR"))
    var results = "results"

    @Option(help: ArgumentHelp("Folder of the scenarios offered by name.", valueName: "DIR"))
    var scenarios = "scenarios"

    @Option(help: ArgumentHelp("Token every request must carry (default: POOLSIM_TOKEN).", valueName: "TOKEN"))
    var token: String?

    @Option(help: "Largest number of trials a request may ask for.")
    var maxTrials = 10_000_000

    @Option(help: "Runs at a time (each uses every core).")
    var workers = 1

    var webConfiguration: WebConfiguration {
        var configuration = WebConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.results = results
        configuration.scenarios = scenarios
        // An empty token is no token, from the option as from the environment.
        configuration.token = [token, ProcessInfo.processInfo.environment["POOLSIM_TOKEN"]]
            .compactMap { $0 }.first { !$0.isEmpty }
        configuration.maxTrials = maxTrials
        configuration.workers = workers
        return configuration
    }

    func validate() throws {
        if !(1...65535).contains(port) { throw ValidationError("--port must be between 1 and 65535, got \(port)") }
        if workers < 1 { throw ValidationError("--workers must be at least 1, got \(workers)") }
        if maxTrials < 1 { throw ValidationError("--max-trials must be at least 1, got \(maxTrials)") }
        let configuration = webConfiguration
        if !configuration.isLoopback, configuration.token == nil {
            throw ValidationError("--host \(host) is not a loopback address: give --token (or POOLSIM_TOKEN), "
                + "which every request will then need")
        }
    }

    func run() throws {
        GSL.start()
        let server: WebServer
        do {
            server = try WebServer(webConfiguration)
        } catch {
            note("error: cannot use the results folder \(results): \(error.localizedDescription)")
            throw ExitCode(73)
        }
        var logger = Logger(label: "poolsim.serve")
        logger.logLevel = .info
        note("PoolSim serving on http://\(host):\(port)/ (results in \(results)/web)")
        let finished = DispatchSemaphore(value: 0)
        let failure = Mutex<Error?>(nil)
        Task {
            do {
                try await server.run(logger: logger)
            } catch {
                failure.withLock { $0 = error }
            }
            finished.signal()
        }
        finished.wait()
        if let error = failure.withLock({ $0 }) {
            note("error: \(error)")
            throw ExitCode(1)
        }
    }
}
