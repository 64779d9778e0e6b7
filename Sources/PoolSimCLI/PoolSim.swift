import ArgumentParser
import PoolSimCore
import PoolSimRandom

/// The `poolsim` command and its subcommands. The `poolsim` and `poolsim-mpi`
/// executables both run it; they differ in how trial blocks are executed.
public struct PoolSimCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "poolsim",
        abstract: "Monte Carlo simulator for government loan risk-compensation pools.",
        version: "\(PoolSimVersion.string) (GSL \(GSL.version))",
        subcommands: [RunCommand.self, ReplayCommand.self, SizeCommand.self, CompareCommand.self, SweepCommand.self, SensitivityCommand.self, ValidateCommand.self, InitCommand.self, SchemaCommand.self, PortfolioCommand.self, ReportCommand.self]
    )
}
