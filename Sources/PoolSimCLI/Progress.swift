import Foundation
import Synchronization

/// Set by the first Ctrl-C; the engine starts no new block once it is set.
let interruptRequested = Atomic<Bool>(false)

/// Ctrl-C asks the run to stop after the blocks in progress; a second Ctrl-C ends it at once.
func installInterruptHandler() {
    signal(SIGINT) { _ in
        interruptRequested.store(true, ordering: .relaxed)
        signal(SIGINT, SIG_DFL)
    }
}

/// Reports progress on stderr: a live bar with trials/s and time left on a
/// terminal, a plain line every few seconds otherwise, nothing when quiet.
final class ProgressReporter: @unchecked Sendable {
    private let total: Int
    private let quiet: Bool
    private let live: Bool
    private let label: String
    private let started = Date()
    private let lock = NSLock()
    private var lastShown = Date.distantPast
    private var lastDone = 0

    init(total: Int, label: String, quiet: Bool) {
        self.total = total
        self.label = label
        self.quiet = quiet
        live = isatty(STDERR_FILENO) != 0
    }

    /// `done` trials of `total` are finished. Called from worker threads.
    func update(_ done: Int) {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let interval = live ? 0.1 : 5.0
        guard done >= lastDone, now.timeIntervalSince(lastShown) >= interval || (done == total && live) else { return }
        lastShown = now
        lastDone = done
        let elapsed = now.timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let figures = "\(done)/\(total) trials  \(Self.rate(rate)) trials/s  \(Self.duration(left)) left"
        if live {
            let width = 30
            let filled = Int((fraction * Double(width)).rounded(.down))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            Self.write("\r\u{1B}[2K\(label) \(bar) \(Int(fraction * 100))%  \(figures)")
        } else {
            Self.write("\(label): \(Int(fraction * 100))%  \(figures)\n")
        }
    }

    /// Ends the live line.
    func finish() {
        guard !quiet, live else { return }
        Self.write("\r\u{1B}[2K")
    }

    static func rate(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(String(format: "%02d", s % 3600 / 60))m" : s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s"
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// A message for the user on stderr.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
