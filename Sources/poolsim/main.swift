import Foundation
import PoolSimCLI

exit(runCommand(PoolSimCommand.self, arguments: Array(CommandLine.arguments.dropFirst()), environment: CommandEnvironment()))
