// poolsim-mpi: the poolsim commands, with trial blocks spread over the ranks
// of an MPI job (`mpirun -np N poolsim-mpi run …`). Every rank parses the same
// arguments and runs the same command; only rank 0 writes files and prints.
import ArgumentParser
import CMPI
import Foundation
import PoolSimCLI

/// Where this rank reports its own failure. Ranks other than 0 send their
/// stdout to /dev/null and their stderr to a hidden file (`capture`), so that
/// a rank that fails can still say why on the real stderr (`descriptor`).
enum RankStandardError {
    nonisolated(unsafe) static var descriptor: Int32 = STDERR_FILENO
    nonisolated(unsafe) static var capture: Int32 = -1

    /// Silences this rank's stdout and stderr, keeping the real stderr.
    static func silence() {
        descriptor = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3)
        if descriptor < 0 { descriptor = STDERR_FILENO }
        let null = open("/dev/null", O_WRONLY)
        if null >= 0 {
            dup2(null, STDOUT_FILENO)
            close(null)
        }
        var template = Array((NSTemporaryDirectory() + "/poolsim-mpi-stderr-XXXXXX").utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if file >= 0 {
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            dup2(file, STDERR_FILENO)
            capture = file
        } else {
            let null = open("/dev/null", O_WRONLY)
            if null >= 0 {
                dup2(null, STDERR_FILENO)
                close(null)
            }
        }
    }

    static func write(_ text: String) {
        let bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let n = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if n <= 0 { break }
                written += n
            }
        }
    }

    /// The last lines this rank wrote to its silenced stderr.
    static func capturedTail(bytes limit: Int = 2000) -> [String] {
        guard capture >= 0 else { return [] }
        let end = lseek(capture, 0, SEEK_END)
        guard end > 0 else { return [] }
        let start = max(0, end - off_t(limit))
        var buffer = [UInt8](repeating: 0, count: Int(end - start))
        let count = buffer.withUnsafeMutableBytes { pread(capture, $0.baseAddress!, $0.count, start) }
        guard count > 0 else { return [] }
        var lines = String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n").map(String.init)
        if start > 0, !lines.isEmpty { lines.removeFirst() }  // cut mid-line
        return Array(lines.suffix(10))
    }
}

/// Ends this rank. A failure aborts the whole job, so that no rank waits
/// forever for one that is gone; mpirun then exits non-zero.
func finish(rank: Int, size: Int, code: Int32) -> Never {
    fflush(nil)
    // A stopped run (130) is stopped on every rank alike, since they decide on
    // the same gathered trials; rank 0 may still be writing what finished, so
    // the ranks end together rather than abort.
    if code == 0 || code == 130 {
        MPI_Finalize()
        exit(code)
    }
    if rank != 0 {
        // The same failure usually happens on every rank (a bad scenario, say)
        // and rank 0 reports it; give rank 0 a moment to do so and end the
        // job, so a rank speaks only about a failure of its own.
        Thread.sleep(forTimeInterval: 2)
        let said = RankStandardError.capturedTail().map { "poolsim-mpi: rank \(rank): \($0)" }
        RankStandardError.write((said + ["poolsim-mpi: rank \(rank) of \(size) failed (exit code \(code)); ending the job"])
            .joined(separator: "\n"))
    }
    MPI_Abort(poolsim_mpi_comm_world(), code)
    exit(code)
}

var provided: Int32 = 0
guard MPI_Init_thread(nil, nil, poolsim_mpi_thread_funneled(), &provided) == MPI_SUCCESS else {
    RankStandardError.write("poolsim-mpi: MPI_Init_thread failed")
    exit(1)
}
let rank = MPI.worldRank
let size = MPI.worldSize
if provided < poolsim_mpi_thread_funneled() {
    if rank == 0 {
        RankStandardError.write("poolsim-mpi: this MPI library does not support MPI_THREAD_FUNNELED, which poolsim-mpi needs")
    }
    finish(rank: rank, size: size, code: 1)
}

if rank != 0 {
    // Only rank 0 writes files and prints.
    RankStandardError.silence()
}

/// The poolsim commands under their MPI name.
struct PoolSimMPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poolsim-mpi",
        abstract: "Monte Carlo simulator for government loan risk-compensation pools, with trial blocks spread over MPI ranks.",
        version: PoolSimCommand.version,
        subcommands: PoolSimCommand.subcommands
    )
}

let environment = CommandEnvironment(executor: MPIExecutor(rank: rank, size: size), writesFiles: rank == 0)
let code = runCommand(PoolSimMPICommand.self, arguments: Array(CommandLine.arguments.dropFirst()), environment: environment)
finish(rank: rank, size: size, code: code)
