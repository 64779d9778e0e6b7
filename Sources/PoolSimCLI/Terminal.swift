import Foundation
import PoolSimApp
import PoolSimReport
import PoolSimScenario
import PoolSimText
import Synchronization

/// A message for the user on stderr.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes diagnostics to stderr in `language`, one per line (hints on their own line).
func printDiagnostics(_ diagnostics: [Diagnostic], _ language: Language) {
    guard !diagnostics.isEmpty else { return }
    note(diagnostics.map { $0.rendered(language) }.joined(separator: "\n"))
}

/// Ctrl-C cancels the job (it stops after the blocks in progress); a second
/// Ctrl-C ends the process at once. Keep the source for as long as that should hold.
func cancelOnInterrupt(_ token: CancellationToken) -> DispatchSourceSignal {
    signal(SIGINT, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler {
        if token.isCancelled { exit(130) }
        token.cancel()
    }
    source.resume()
    return source
}

/// Shows a job's events on stderr: progress as a live bar with trials per
/// second, time left and the running P(exhaustion) on a terminal, a plain line
/// every five seconds otherwise; nothing but warnings and notices when quiet.
final class TerminalEvents: Sendable {
    private let quiet: Bool
    private let language: Language
    private let live: Bool
    private let state = Mutex(State())

    private struct State {
        var lastShown = Date.distantPast
        var lastDone = 0
        var label = ""
    }

    init(quiet: Bool, language: Language) {
        self.quiet = quiet
        self.language = language
        live = isatty(STDERR_FILENO) != 0
    }

    func handle(_ event: JobEvent) {
        switch event {
        case let .warnings(diagnostics): printDiagnostics(diagnostics, language)
        case let .notice(notice): note(notice.rendered(language))
        case let .simulationStarted(start):
            guard !quiet else { return }
            note(RunText.simulationStarted.text(language, [
                "label": start.label, "trials": String(start.trials), "seed": String(start.seed),
                "generator": start.generator.name, "jobs": String(start.jobs),
            ]))
        case let .tuningImportanceSampling(label):
            if !quiet { note(RunText.tuningImportanceSampling.text(language, ["label": label])) }
        case let .progress(progress): show(progress)
        case .simulationEnded:
            guard !quiet, live else { return }
            Self.write("\r\u{1B}[2K")
            state.withLock { $0 = State() }
        }
    }

    private func show(_ progress: SimulationProgress) {
        guard !quiet else { return }
        state.withLock { state in
            let now = Date()
            if state.label != progress.label { state = State(label: progress.label) }
            let interval = live ? 0.1 : 5.0
            let done = progress.trialsDone
            guard done >= state.lastDone,
                  now.timeIntervalSince(state.lastShown) >= interval || (done == progress.trials && live) else { return }
            state.lastShown = now
            state.lastDone = done
            let fraction = progress.trials > 0 ? Double(done) / Double(progress.trials) : 1
            var figures = RunText.progressFigures.text(language, [
                "done": String(done), "total": String(progress.trials), "rate": Self.rate(progress.rate),
                "left": Self.duration(progress.secondsLeft, language),
            ])
            if let p = progress.pExhaustion {
                figures += RunText.progressExhaustion.text(language, [
                    "estimate": NumberFormat.percent(p.estimate), "low": NumberFormat.percent(p.low),
                    "high": NumberFormat.percent(p.high),
                ])
            }
            if live {
                let width = 30
                let filled = Int((fraction * Double(width)).rounded(.down))
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                Self.write("\r\u{1B}[2K\(progress.label) \(bar) \(Int(fraction * 100))%  \(figures)")
            } else {
                Self.write("\(progress.label): \(Int(fraction * 100))%  \(figures)\n")
            }
        }
    }

    static func rate(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    /// "1h05m", "2m03s", "7s"; "1小时05分", "2分03秒", "7秒".
    static func duration(_ seconds: Double, _ language: Language) -> String {
        let s = seconds.isFinite ? Int(min(seconds, 1e9).rounded()) : 0
        let (h, m, sec) = language == .zh ? ("小时", "分", "秒") : ("h", "m", "s")
        return s >= 3600 ? "\(s / 3600)\(h)\(String(format: "%02d", s % 3600 / 60))\(m)"
            : s >= 60 ? "\(s / 60)\(m)\(String(format: "%02d", s % 60))\(sec)" : "\(s)\(sec)"
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
