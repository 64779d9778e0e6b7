import Foundation
import PoolSimApp
import PoolSimCore
import PoolSimReport
import PoolSimText
import Synchronization

/// What a web run was asked for, as `request.json` records it.
struct StoredRun: Codable, Sendable {
    var listing: RunListing
    /// The language of its reports and workbooks.
    var language: Language
    /// Why it failed, in the language of the run.
    var error: String?
}

/// Every web run: its record, its latest progress and who is listening to it.
/// Each run lives in `DIR/web/<id>/`: `request.json` (the body it was started
/// with), `run.json` (its record) and the files its job writes.
final class RunStore: Sendable {
    let directory: String

    private struct Entry {
        var run: StoredRun
        var progress: RunProgress?
        var listeners: [UUID: AsyncStream<RunEvent>.Continuation] = [:]
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// Reads the runs a server left in `DIR/web`. Runs it left running were
    /// cut off without their finished trials being written (the process was
    /// killed): they are marked interrupted. Queued runs are returned to be queued again.
    init(results: String) throws {
        directory = (results as NSString).appendingPathComponent("web")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var found: [String: Entry] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where RunStore.isValidID(name) {
            let file = (directory as NSString).appendingPathComponent("\(name)/run.json")
            guard let data = FileManager.default.contents(atPath: file),
                  let value = try? JSONValue(parsing: String(decoding: data, as: UTF8.self)),
                  var run = try? JSONValueDecoder().decode(StoredRun.self, from: value) else { continue }
            if run.listing.status == .running {
                run.listing.status = .interrupted
            }
            found[name] = Entry(run: run)
        }
        entries.withLock { $0 = found }
        for entry in found.values { try? save(entry.run) }
    }

    /// Ids are made here: lowercase letters, digits and dashes only.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    static func newID(now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let suffix = UUID().uuidString.lowercased().prefix(6)
        return "\(formatter.string(from: now))-\(suffix)"
    }

    func runDirectory(_ id: String) -> String { (directory as NSString).appendingPathComponent(id) }

    /// Records a new run and its request body.
    func add(_ run: StoredRun, body: Data) throws {
        let folder = runDirectory(run.listing.id)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicFile.write(body, to: (folder as NSString).appendingPathComponent("request.json"))
        entries.withLock { $0[run.listing.id] = Entry(run: run) }
        try save(run)
    }

    func requestBody(_ id: String) -> Data? {
        FileManager.default.contents(atPath: (runDirectory(id) as NSString).appendingPathComponent("request.json"))
    }

    func run(_ id: String) -> StoredRun? { entries.withLock { $0[id]?.run } }

    func progress(_ id: String) -> RunProgress? { entries.withLock { $0[id]?.progress } }

    /// Every run, newest first.
    func all() -> [StoredRun] {
        entries.withLock { $0.values.map(\.run) }.sorted {
            ($0.listing.createdAt, $0.listing.id) > ($1.listing.createdAt, $1.listing.id)
        }
    }

    /// The ids of the runs waiting to start, oldest first.
    func queued() -> [String] {
        all().filter { $0.listing.status == .queued }.reversed().map(\.listing.id)
    }

    /// Sets a run's status (and error); a final status ends its listeners' streams.
    func update(_ id: String, status: RunStatus, error: String? = nil) {
        let (run, listeners) = entries.withLock { entries -> (StoredRun?, [AsyncStream<RunEvent>.Continuation]) in
            guard var entry = entries[id] else { return (nil, []) }
            entry.run.listing.status = status
            entry.run.error = error
            let listeners = Array(entry.listeners.values)
            if status.isFinal { entry.listeners = [:] }
            entries[id] = entry
            return (entry.run, listeners)
        }
        guard let run else { return }
        try? save(run)
        for listener in listeners {
            listener.yield(.status(status))
            if status.isFinal { listener.finish() }
        }
    }

    /// A run's latest progress. Worker threads report in any order: a report
    /// behind the one kept (fewer trials of the same simulation) is dropped.
    func report(_ id: String, progress: RunProgress) {
        let listeners = entries.withLock { entries -> [AsyncStream<RunEvent>.Continuation] in
            guard var entry = entries[id] else { return [] }
            if let kept = entry.progress, kept.label == progress.label, kept.trialsDone >= progress.trialsDone { return [] }
            entry.progress = progress
            entries[id] = entry
            return Array(entry.listeners.values)
        }
        for listener in listeners { listener.yield(.progress(progress)) }
    }

    /// The run's events from now on: its latest progress first, then each
    /// progress and status change, ending with its final status.
    func events(_ id: String) -> AsyncStream<RunEvent>? {
        let (stream, continuation) = AsyncStream<RunEvent>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let key = UUID()
        let found = entries.withLock { entries -> Bool in
            guard var entry = entries[id] else { return false }
            if let progress = entry.progress { continuation.yield(.progress(progress)) }
            continuation.yield(.status(entry.run.listing.status))
            if entry.run.listing.status.isFinal {
                continuation.finish()
            } else {
                entry.listeners[key] = continuation
                entries[id] = entry
            }
            return true
        }
        guard found else { return nil }
        continuation.onTermination = { [weak self] _ in
            self?.entries.withLock { _ = $0[id]?.listeners.removeValue(forKey: key) }
        }
        return stream
    }

    /// The files of a run's directory a client may fetch: regular files at its top level.
    func files(_ id: String) -> [String] {
        let folder = runDirectory(id)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && name != "run.json"
                && FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted()
    }

    private func save(_ run: StoredRun) throws {
        let text = JSONValueEncoder().text(run)
        try AtomicFile.write(Data(text.utf8), to: (runDirectory(run.listing.id) as NSString).appendingPathComponent("run.json"))
    }
}

/// What a listener to a run hears.
enum RunEvent: Sendable {
    case progress(RunProgress)
    case status(RunStatus)
}
