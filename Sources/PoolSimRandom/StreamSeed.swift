/// What a random stream is used for. Each purpose has its own family of streams,
/// so adding a use of randomness never shifts the numbers another use sees.
public enum StreamPurpose: UInt64, Sendable {
    /// Block k of trials: the systematic factors of its trials.
    case trialBlock = 1
    /// Block k of trials: which loans default, their LGDs and claim times.
    case trialBlockDefaults = 4
    /// The expansion of segments into a concrete loan list, once per run.
    case portfolio = 2
    /// Pilot runs that tune an analysis (importance-sampling shifts): their factors.
    case pilot = 3
    /// Pilot runs: their defaults.
    case pilotDefaults = 5
}

/// Stream derivation: turns (run seed, purpose, index) into a generator seed.
///
/// The derivation, which is part of PoolSim's reproducibility promise:
///
///     key   = splitmix64(splitmix64(seed) ^ purpose)
///     seed' = mix32(low32(key) &+ low32(index))
///
/// `splitmix64` is Steele, Lea and Flood's SplitMix64 finaliser and `mix32` is
/// the bijective 32-bit "lowbias32" mixer (C. Wellons). GSL's generators take
/// 32 bits of seed, so within one (seed, purpose) the first 2³² indices get
/// pairwise different generator seeds: two blocks of one run never share a stream.
public enum StreamSeed {
    public static func derive(seed: UInt64, purpose: StreamPurpose, index: UInt64) -> UInt32 {
        let key = splitmix64(splitmix64(seed) ^ purpose.rawValue)
        return mix32(UInt32(truncatingIfNeeded: key) &+ UInt32(truncatingIfNeeded: index))
    }

    /// SplitMix64's output function applied to `x + golden gamma`.
    public static func splitmix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A bijection on 32-bit words with good avalanche ("lowbias32").
    public static func mix32(_ x: UInt32) -> UInt32 {
        var z = x
        z ^= z >> 16
        z = z &* 0x7FEB_352D
        z ^= z >> 15
        z = z &* 0x846C_A68B
        z ^= z >> 16
        return z
    }
}
