import Foundation
import PoolSimApp
import PoolSimCore
import PoolSimText
import ServiceLifecycle
import Synchronization

/// The queue of web runs: at most `workers` at a time, each on a thread of
/// its own (a simulation never runs on the server's event loops or its
/// concurrency pool), up to `capacity` waiting.
///
/// As a service of the server it stops with it: on SIGTERM or SIGINT every
/// running job is cancelled, keeps and writes the trials it finished, and is
/// marked interrupted, before the server ends.
final class JobRunner: Service, Sendable {
    let store: RunStore
    let workers: Int
    /// Runs that may wait at once.
    let capacity: Int
    /// How the jobs of a run are made from its request body.
    let makeJob: @Sendable (StoredRun, Data) throws(BodyError) -> WebJob

    private struct State {
        var waiting: [String] = []
        var running: [String: CancellationToken] = [:]
        var stopping = false
        var idle: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    init(store: RunStore, workers: Int, capacity: Int,
         makeJob: @escaping @Sendable (StoredRun, Data) throws(BodyError) -> WebJob) {
        self.store = store
        self.workers = max(1, workers)
        self.capacity = capacity
        self.makeJob = makeJob
    }

    enum QueueError: Error { case full, stopping }

    /// Puts a recorded run in the queue; it starts when a worker is free.
    func submit(_ id: String) throws(QueueError) {
        let accepted = state.withLock { state -> QueueError? in
            if state.stopping { return .stopping }
            if state.waiting.count >= capacity { return .full }
            state.waiting.append(id)
            return nil
        }
        if let accepted { throw accepted }
        startWaiting()
    }

    /// Whether the queue has room for one more run.
    var isFull: Bool { state.withLock { $0.waiting.count >= capacity } }

    /// Cancels a run: a waiting one leaves the queue, a running one stops after
    /// the blocks in progress and keeps what it finished. False if it is neither.
    func cancel(_ id: String) -> Bool {
        let found = state.withLock { state -> (waiting: Bool, token: CancellationToken?) in
            if let index = state.waiting.firstIndex(of: id) {
                state.waiting.remove(at: index)
                return (true, nil)
            }
            return (false, state.running[id])
        }
        if found.waiting {
            store.update(id, status: .cancelled)
            return true
        }
        guard let token = found.token else { return false }
        token.cancel()
        return true
    }

    private func startWaiting() {
        while let (id, token) = nextToStart() {
            let thread = Thread { [self] in
                execute(id, token: token)
                finished(id)
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func nextToStart() -> (String, CancellationToken)? {
        state.withLock { state in
            guard !state.stopping, state.running.count < workers, !state.waiting.isEmpty else { return nil }
            let id = state.waiting.removeFirst()
            let token = CancellationToken()
            state.running[id] = token
            return (id, token)
        }
    }

    private func finished(_ id: String) {
        let idle = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.running.removeValue(forKey: id)
            guard state.running.isEmpty, state.stopping else { return [] }
            defer { state.idle = [] }
            return state.idle
        }
        for continuation in idle { continuation.resume() }
        startWaiting()
    }

    /// Runs one job on this thread and records how it ended.
    private func execute(_ id: String, token: CancellationToken) {
        guard let run = store.run(id), let body = store.requestBody(id) else { return }
        let language = run.language
        store.update(id, status: .running)
        let job: WebJob
        do {
            job = try makeJob(run, body)
        } catch {
            store.update(id, status: .failed, error: error.message)
            return
        }
        let store = self.store
        let context = JobContext(events: { event in
            guard case let .progress(progress) = event else { return }
            store.report(id, progress: RunProgress(
                label: progress.label, trialsDone: progress.trialsDone, trials: progress.trials, rate: progress.rate,
                pExhaustion: progress.pExhaustion?.estimate, ciLow: progress.pExhaustion?.low,
                ciHigh: progress.pExhaustion?.high))
        }, cancellation: token)
        let stopped = { [self] in self.state.withLock { $0.stopping } }
        do {
            let outcome = try job.run(context)
            if outcome.interrupted {
                store.update(id, status: stopped() ? .interrupted : .cancelled)
            } else {
                store.update(id, status: .done)
            }
        } catch {
            if case .interrupted = error {
                store.update(id, status: stopped() ? .interrupted : .cancelled, error: error.rendered(language))
            } else {
                store.update(id, status: .failed, error: error.rendered(language))
            }
        }
    }

    // MARK: Service

    /// Waits for the server's graceful shutdown, then stops every running job
    /// and waits until each has written what it finished. Waiting runs stay
    /// queued, and are queued again when the server starts with the same results folder.
    func run() async throws {
        try? await gracefulShutdown()
        let tokens = state.withLock { state -> [CancellationToken] in
            state.stopping = true
            return Array(state.running.values)
        }
        for token in tokens { token.cancel() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                if state.running.isEmpty { return true }
                state.idle.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}
