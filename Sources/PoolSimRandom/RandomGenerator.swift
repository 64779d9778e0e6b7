import CGSL

/// A GSL random-number generator algorithm, chosen by its GSL name.
public struct GeneratorType: Sendable, Hashable, CustomStringConvertible {
    public let name: String

    /// The generator types PoolSim offers, in the order they are listed to users.
    public static let names: [String] = [
        "mt19937", "taus2", "ranlxd1", "ranlxd2", "ranlxs2", "ranlux389", "gfsr4", "mrg", "cmrg",
    ]

    public static let mt19937 = GeneratorType(checkedName: "mt19937")
    public static let taus2 = GeneratorType(checkedName: "taus2")

    private init(checkedName: String) { name = checkedName }

    /// The type called `name`; an unknown name is an error that lists the valid ones.
    public init(name: String) throws(RandomError) {
        guard Self.names.contains(name) else {
            throw RandomError.unknownGenerator(name: name, valid: Self.names)
        }
        self.name = name
    }

    public var description: String { name }

    fileprivate var gslType: UnsafePointer<gsl_rng_type> {
        switch name {
        case "taus2": return poolsim_rng_taus2()
        case "ranlxd1": return poolsim_rng_ranlxd1()
        case "ranlxd2": return poolsim_rng_ranlxd2()
        case "ranlxs2": return poolsim_rng_ranlxs2()
        case "ranlux389": return poolsim_rng_ranlux389()
        case "gfsr4": return poolsim_rng_gfsr4()
        case "mrg": return poolsim_rng_mrg()
        case "cmrg": return poolsim_rng_cmrg()
        default: return poolsim_rng_mt19937()
        }
    }
}

/// Errors of the random layer: bad names and invalid distribution parameters.
public enum RandomError: Error, Equatable, CustomStringConvertible {
    case unknownGenerator(name: String, valid: [String])
    case invalidParameter(distribution: String, message: String)

    public var description: String {
        switch self {
        case let .unknownGenerator(name, valid):
            return "unknown random generator '\(name)'; valid generators: \(valid.joined(separator: ", "))"
        case let .invalidParameter(distribution, message):
            return "invalid \(distribution) distribution: \(message)"
        }
    }
}

/// One GSL generator: a stream of uniform random numbers. Frees itself.
///
/// A generator is not thread-safe; PoolSim gives each work unit (a block of
/// trials, the portfolio expansion) its own, seeded by `StreamSeed`.
public final class RandomGenerator {
    @usableFromInline let state: UnsafeMutablePointer<gsl_rng>
    public let type: GeneratorType
    public let seed: UInt32

    /// A generator of `type` seeded with `seed`. GSL's generators take 32 bits of seed.
    public init(type: GeneratorType = .mt19937, seed: UInt32) {
        GSL.start()
        guard let state = gsl_rng_alloc(type.gslType) else {
            fatalError("GSL could not allocate a \(type.name) generator (out of memory)")
        }
        gsl_rng_set(state, UInt(seed))
        self.state = state
        self.type = type
        self.seed = seed
    }

    /// The generator for stream `index` of `purpose` under the run seed `seed`.
    public convenience init(type: GeneratorType, seed: UInt64, purpose: StreamPurpose, index: UInt64) {
        self.init(type: type, seed: StreamSeed.derive(seed: seed, purpose: purpose, index: index))
    }

    deinit { gsl_rng_free(state) }

    /// A uniform number in [0, 1).
    @inlinable public func uniform() -> Double { gsl_rng_uniform(state) }

    /// A uniform number in (0, 1).
    @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(state) }

    /// The raw integer output, in [min, max] of the generator type.
    @inlinable public func next() -> UInt { gsl_rng_get(state) }
}
