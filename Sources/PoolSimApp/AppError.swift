import PoolSimReport
import PoolSimScenario
import PoolSimText

/// Why a job did not finish, each with its exit code (README, "Exit codes").
public enum AppError: Error, Sendable, CustomStringConvertible {
    /// A request that cannot be carried out as asked (exit 64).
    case usage(Message)
    /// An input file with errors; every diagnostic found (exit 65, or 66 when a file is missing).
    case input(InputError)
    /// A results file that is not one PoolSim can read (exit 65).
    case invalidResults(Message)
    /// An input that does not exist, other than a scenario (exit 66).
    case missing(Message)
    /// The output exists or cannot be written (exit 73 or 74).
    case output(OutputError)
    /// Stopped by a cancellation before there was anything to keep (exit 130).
    case interrupted(Message)

    public var exitCode: Int32 {
        switch self {
        case .usage: 64
        case let .input(error): error.kind == .missingFile ? 66 : 65
        case .invalidResults: 65
        case .missing: 66
        case let .output(error): error.exitCode
        case .interrupted: 130
        }
    }

    /// The message for stderr in `language`: diagnostics one per line, other errors prefixed `error: `.
    public func rendered(_ language: Language) -> String {
        switch self {
        case let .usage(message), let .invalidResults(message), let .missing(message):
            DiagnosticText.errorPrefix.text(language, ["message": message.text(language)])
        case let .input(error): error.diagnostics.map { $0.rendered(language) }.joined(separator: "\n")
        case let .output(error): DiagnosticText.errorPrefix.text(language, ["message": error.message])
        case let .interrupted(message): message.text(language)
        }
    }

    /// The message in English.
    public var description: String { rendered(.en) }

    static let analysisInterrupted = AppError.interrupted(Message(RunText.analysisInterrupted))
}
