import Foundation

/// Why files could not be written; each maps to an exit code (README, "Exit codes").
public struct OutputError: Error, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The output exists (without --force) or cannot be created: exit 73.
        case cannotCreate
        /// Writing failed part-way: exit 74.
        case ioError
    }

    public var kind: Kind
    public var message: String
    public var description: String { message }

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var exitCode: Int32 { kind == .cannotCreate ? 73 : 74 }
}

/// Writes files so that no final name ever holds a partial file: each goes to a
/// temporary name in the same directory and is renamed when complete.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(OutputError) {
        let directory = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(base).tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw OutputError(kind: .cannotCreate, message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw OutputError(kind: .ioError, message: "cannot write \(path): \(reason)")
        }
    }
}

/// A results directory (README, "Results"): refused if it exists, unless forced.
public struct ResultsDirectory {
    public let path: String

    /// Creates the directory, or accepts an existing one with `force`.
    public static func prepare(_ path: String, force: Bool) throws(OutputError) -> ResultsDirectory {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard force else {
                throw OutputError(kind: .cannotCreate, message: "\(path) exists; use --force to replace its results")
            }
            guard isDirectory.boolValue else {
                throw OutputError(kind: .cannotCreate, message: "\(path) exists and is not a directory")
            }
            return ResultsDirectory(path: path)
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError(kind: .cannotCreate, message: "cannot create \(path): \(error.localizedDescription)")
        }
        return ResultsDirectory(path: path)
    }

    /// An existing directory, for rebuilding exports.
    public init(path: String) { self.path = path }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    public func write(_ text: String, to name: String) throws(OutputError) {
        try AtomicFile.write(Data(text.utf8), to: file(name))
    }

    public func write(_ data: Data, to name: String) throws(OutputError) {
        try AtomicFile.write(data, to: file(name))
    }
}
