import ArgumentParser
import Foundation
import PoolSimApp
import PoolSimCore
import PoolSimRandom
import PoolSimText

/// The `poolsim` command and its subcommands. The `poolsim` and `poolsim-mpi`
/// executables both run them; they differ in the environment they give.
public struct PoolSimCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "poolsim",
        abstract: "Monte Carlo simulator for government loan risk-compensation pools.",
        version: version,
        subcommands: subcommands
    )

    public static let version = "\(PoolSimVersion.string) (GSL \(GSL.version))"

    public static let subcommands: [ParsableCommand.Type] = [
        RunCommand.self, ReplayCommand.self, SizeCommand.self, CompareCommand.self, SweepCommand.self,
        SensitivityCommand.self, ValidateCommand.self, InitCommand.self, SchemaCommand.self, PortfolioCommand.self,
        ReportCommand.self, CalibrateCommand.self, ServeCommand.self, DrawsCommand.self,
    ]
}

/// Where the jobs of a process run and whether it writes files: this
/// machine's threads, or one rank of an MPI job.
public struct CommandEnvironment: Sendable {
    public var executor: any TrialExecutor
    /// False on MPI ranks other than 0.
    public var writesFiles: Bool

    public init(executor: any TrialExecutor = LocalExecutor(), writesFiles: Bool = true) {
        self.executor = executor
        self.writesFiles = writesFiles
    }

    /// The context of one job: its events on stderr in `language`, Ctrl-C as its cancellation.
    func context(quiet: Bool, language: Language, cancellation: CancellationToken = CancellationToken()) -> JobContext {
        let terminal = TerminalEvents(quiet: quiet, language: language)
        return JobContext(executor: executor, events: terminal.handle, cancellation: cancellation,
                          writesFiles: writesFiles)
    }
}

/// A command that runs a job in an environment.
protocol JobCommand: ParsableCommand {
    func run(in environment: CommandEnvironment) throws
}

extension JobCommand {
    func run() throws { try run(in: CommandEnvironment()) }

    /// Runs `job` with Ctrl-C as its cancellation; an error of the job goes to
    /// stderr and becomes the exit code.
    func perform<Outcome>(_ environment: CommandEnvironment, quiet: Bool, language: Language,
                          _ job: (JobContext) throws(AppError) -> Outcome) throws -> Outcome {
        GSL.start()
        let token = CancellationToken()
        let source = cancelOnInterrupt(token)
        defer { source.cancel() }
        do {
            return try job(environment.context(quiet: quiet, language: language, cancellation: token))
        } catch {
            note(error.rendered(language))
            throw ExitCode(error.exitCode)
        }
    }
}

/// Runs a root command (`PoolSimCommand`, or poolsim-mpi's) on `arguments` in
/// `environment`, and returns the exit code, printing as ArgumentParser's own
/// `main` does: help and version on stdout, errors on stderr.
public func runCommand(_ root: ParsableCommand.Type, arguments: [String], environment: CommandEnvironment) -> Int32 {
    do {
        var command = try root.parseAsRoot(arguments)
        if let job = command as? JobCommand {
            try job.run(in: environment)
        } else {
            try command.run()
        }
        return 0
    } catch {
        let code = root.exitCode(for: error).rawValue
        let message = root.fullMessage(for: error)
        if !message.isEmpty {
            if code == 0 {
                print(message)
            } else {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
        }
        return code
    }
}
