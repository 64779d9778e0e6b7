import CMPI
import Foundation
import PoolSimApp
import PoolSimCore
import Synchronization

/// Runs a simulation's trial blocks spread over the ranks of an MPI job.
///
/// Rank r runs blocks k with k mod size = r, on `--jobs` threads of its own.
/// While they run, the main thread (the only one that calls MPI) meets the
/// other ranks every 0.2 s to sum the trials finished, so rank 0 reports the
/// progress of the whole job, and to spread a stop asked for on any rank.
/// When every rank is done, each rank's trials are gathered on every rank and
/// combined in block order: every rank then holds the result a single process
/// would have computed, so the commands go on to decide and print the same.
struct MPIExecutor: TrialExecutor {
    let rank: Int
    let size: Int

    /// How often the ranks compare notes while blocks run.
    static let pollSeconds = 0.2

    func run(_ simulation: Simulation, _ settings: SimulationSettings,
             progress: @escaping @Sendable (RunningTally) -> Void,
             shouldStop: @escaping @Sendable () -> Bool) -> SimulationResult {
        let mine = Array(stride(from: rank, to: settings.blockCount, by: size))
        let local = runLocally(simulation, settings, blocks: mine, progress: progress, shouldStop: shouldStop)
        // One rank holds every block already, in block order.
        if size == 1 { return local }
        let gathered = MPI.allGather(local.records.packed())
        return combine(gathered, settings: settings, scenario: simulation.scenario)
    }

    var mpiRanks: Int? { size }

    /// Runs this rank's blocks on a worker thread while the main thread keeps
    /// every rank informed; returns once every rank has finished its blocks.
    private func runLocally(_ simulation: Simulation, _ settings: SimulationSettings, blocks: [Int],
                            progress: @escaping @Sendable (RunningTally) -> Void,
                            shouldStop: @escaping @Sendable () -> Bool) -> SimulationResult {
        let tally = Mutex(RunningTally(weighted: settings.tilt != nil))
        let stopEverywhere = Atomic<Bool>(false)
        let outcome = Mutex<SimulationResult?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let worker = Thread {
            let result = simulation.run(settings, blocks: blocks,
                                        progress: { latest in tally.withLock { $0 = latest } },
                                        shouldStop: { stopEverywhere.load(ordering: .relaxed) })
            outcome.withLock { $0 = result }
            finished.signal()
        }
        worker.stackSize = 8 << 20
        worker.start()

        var localFinished = false
        var reported = RunningTally(trials: -1)
        while true {
            if !localFinished {
                localFinished = finished.wait(timeout: .now() + Self.pollSeconds) == .success
            }
            // One sum answers every question: the tally of trials done
            // everywhere, whether any rank was asked to stop, how many ranks
            // are still busy.
            let local = tally.withLock { $0 }
            let counts = MPI.sumAcrossRanks([Int64(local.trials), Int64(local.exhausted),
                                             shouldStop() ? 1 : 0, localFinished ? 0 : 1])
            let weights = local.weighted
                ? MPI.sumAcrossRanks([local.exhaustedWeight, local.exhaustedWeightSquares])
                : [Double(counts[1]), Double(counts[1])]
            if counts[2] > 0 { stopEverywhere.store(true, ordering: .relaxed) }
            let everywhere = RunningTally(trials: Int(counts[0]), exhausted: Int(counts[1]), exhaustedWeight: weights[0],
                                          exhaustedWeightSquares: weights[1], weighted: local.weighted)
            if rank == 0, everywhere.trials != reported.trials {
                reported = everywhere
                progress(everywhere)
            }
            if counts[3] == 0 { break }
        }
        return outcome.withLock { $0! }
    }

    /// The job's result from every rank's packed records, in block order.
    ///
    /// Rank r's records are its blocks r, r + size, r + 2·size, … in that
    /// order, up to its first unfinished block when the run was stopped. The
    /// combination takes blocks 0, 1, 2, … and stops at the first one that no
    /// rank finished, as a stopped single process does. Each block is cut
    /// straight from the gathered values, so memory holds them and the
    /// combined records, not a third copy.
    private func combine(_ gathered: (values: [Double], offsets: [Int]), settings: SimulationSettings,
                         scenario: Scenario) -> SimulationResult {
        let values = gathered.values
        // Packed records are their count, then columns of `count` values each.
        let counts = gathered.offsets.map { Int(values[$0]) }
        let columns = (0..<size).map { r -> Int in
            let end = r + 1 < size ? gathered.offsets[r + 1] : values.count
            return counts[r] > 0 ? (end - gathered.offsets[r] - 1) / counts[r] : 0
        }
        var combined = TrialRecords(horizonYears: scenario.horizonYears, bankCount: scenario.banks.count,
                                    weighted: settings.tilt != nil)
        combined.reserveCapacity(counts.reduce(0, +))
        var position = Array(repeating: 0, count: size)
        var block = 0
        while block < settings.blockCount {
            let owner = block % size
            let trials = settings.trials(ofBlock: block).count
            let first = position[owner]
            guard first + trials <= counts[owner] else { break }
            var piece = [Double(trials)]
            piece.reserveCapacity(1 + trials * columns[owner])
            let columnsStart = gathered.offsets[owner] + 1
            for c in 0..<columns[owner] {
                let from = columnsStart + c * counts[owner] + first
                piece += values[from..<from + trials]
            }
            var start = 0
            combined.append(contentsOf: TrialRecords(unpacking: piece, from: &start,
                                                     horizonYears: scenario.horizonYears,
                                                     bankCount: scenario.banks.count, weighted: settings.tilt != nil))
            position[owner] = first + trials
            block += 1
        }
        return SimulationResult(records: combined, interrupted: block < settings.blockCount)
    }
}

/// The few MPI calls the executor makes, on MPI_COMM_WORLD, from the main thread.
enum MPI {
    /// Element-wise sums over every rank of `values` (the same count on each).
    static func sumAcrossRanks(_ values: [Int64]) -> [Int64] {
        var send = values
        var receive = Array(repeating: Int64(0), count: values.count)
        check(MPI_Allreduce(&send, &receive, Int32(values.count), poolsim_mpi_long_long(),
                            poolsim_mpi_sum(), poolsim_mpi_comm_world()), "MPI_Allreduce")
        return receive
    }

    static func sumAcrossRanks(_ values: [Double]) -> [Double] {
        var send = values
        var receive = Array(repeating: 0.0, count: values.count)
        check(MPI_Allreduce(&send, &receive, Int32(values.count), poolsim_mpi_double(),
                            poolsim_mpi_sum(), poolsim_mpi_comm_world()), "MPI_Allreduce")
        return receive
    }

    /// MPI counts and displacements are 32-bit: a gather of up to
    /// `singleCallDoubles` values in all is one MPI_Allgatherv; a larger one
    /// goes in rounds of at most `roundDoubles` (256 MiB). The test hook
    /// POOLSIM_MPI_GATHER_DOUBLES lowers both, to force several rounds.
    static let gatherOverride: Int? = ProcessInfo.processInfo.environment["POOLSIM_MPI_GATHER_DOUBLES"]
        .flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    static let singleCallDoubles = min(gatherOverride ?? Int(Int32.max), Int(Int32.max))
    static let roundDoubles = min(gatherOverride ?? 1 << 25, 1 << 25)

    /// Every rank's `values`, concatenated in rank order, on every rank, with
    /// where each rank's part starts.
    static func allGather(_ values: [Double]) -> (values: [Double], offsets: [Int]) {
        let (rank, size) = (worldRank, worldSize)
        var mine = Int64(values.count)
        var lengths = Array(repeating: Int64(0), count: size)
        check(MPI_Allgather(&mine, 1, poolsim_mpi_long_long(), &lengths, 1, poolsim_mpi_long_long(),
                            poolsim_mpi_comm_world()), "MPI_Allgather")
        var offsets = [Int]()
        var total = 0
        for length in lengths {
            offsets.append(total)
            total += Int(length)
        }
        var all = [Double](repeating: 0, count: total)
        if total <= singleCallDoubles {
            // The common case: one call, straight into place.
            let counts = lengths.map { Int32($0) }
            let displacements = offsets.map { Int32($0) }
            values.withUnsafeBufferPointer { source in
                all.withUnsafeMutableBufferPointer { target in
                    check(MPI_Allgatherv(source.baseAddress, counts[rank], poolsim_mpi_double(), target.baseAddress,
                                         counts, displacements, poolsim_mpi_double(), poolsim_mpi_comm_world()),
                          "MPI_Allgatherv")
                }
            }
            return (all, offsets)
        }
        // Each round carries the next `chunk` values of every rank.
        let chunk = max(1, roundDoubles / size)
        let longest = Int(lengths.max() ?? 0)
        var round = Array(repeating: 0.0, count: chunk * size)
        var done = 0
        repeat {
            let counts = lengths.map { Int32(clamping: max(0, min(chunk, Int($0) - done))) }
            let displacements = (0..<size).map { Int32($0 * chunk) }
            let sendCount = counts[rank]
            values.withUnsafeBufferPointer { source in
                round.withUnsafeMutableBufferPointer { target in
                    let from = sendCount > 0 ? source.baseAddress.map { $0 + done } : source.baseAddress
                    check(MPI_Allgatherv(from, sendCount, poolsim_mpi_double(), target.baseAddress, counts,
                                         displacements, poolsim_mpi_double(), poolsim_mpi_comm_world()),
                          "MPI_Allgatherv")
                }
            }
            all.withUnsafeMutableBufferPointer { all in
                round.withUnsafeBufferPointer { round in
                    for r in 0..<size where counts[r] > 0 {
                        (all.baseAddress! + offsets[r] + done)
                            .update(from: round.baseAddress! + r * chunk, count: Int(counts[r]))
                    }
                }
            }
            done += chunk
        } while done < longest
        return (all, offsets)
    }

    static var worldSize: Int {
        var size: Int32 = 0
        MPI_Comm_size(poolsim_mpi_comm_world(), &size)
        return Int(size)
    }

    static var worldRank: Int {
        var rank: Int32 = 0
        MPI_Comm_rank(poolsim_mpi_comm_world(), &rank)
        return Int(rank)
    }

    /// MPI's default error handler aborts the job on failure; this is a backstop.
    static func check(_ code: Int32, _ call: String) {
        guard code == MPI_SUCCESS else {
            RankStandardError.write("poolsim-mpi: rank \(worldRank): \(call) failed with MPI error \(code)")
            MPI_Abort(poolsim_mpi_comm_world(), 1)
            exit(1)
        }
    }
}
