import ArgumentParser
import PoolSimCore
import PoolSimRandom

@main
struct PoolSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poolsim",
        abstract: "Monte Carlo simulator for government loan risk-compensation pools.",
        version: "\(PoolSimVersion.string) (GSL \(GSL.version))",
        subcommands: [RunCommand.self, ReplayCommand.self, SizeCommand.self, CompareCommand.self, SweepCommand.self, SensitivityCommand.self, ValidateCommand.self, InitCommand.self, SchemaCommand.self, PortfolioCommand.self, ReportCommand.self]
    )
}
