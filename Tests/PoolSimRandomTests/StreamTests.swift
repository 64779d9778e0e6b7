import Testing
@testable import PoolSimRandom

/// Pinned first values: a change to a generator, its seeding or the stream
/// derivation changes every result PoolSim reproduces, so it must be noticed.
/// The literals were computed once by running this code (the uniforms agree with
/// a C program calling GSL 2.7.1 directly, the derived seeds with an independent
/// implementation of the documented formula).
@Suite("Pinned values for fixed seeds")
struct PinnedValueTests {
    @Test("The first three uniforms for seed 42", arguments: [
        ("mt19937", [0.37454011430963874, 0.7965429842006415, 0.9507143115624785]),
        ("taus2", [0.7951071311254054, 0.6193279074504972, 0.7438409423921257]),
        ("ranlxd1", [0.6696200712099056, 0.2681396960296354, 0.0948083864381708]),
    ])
    func firstUniforms(name: String, expected: [Double]) throws {
        let generator = RandomGenerator(type: try GeneratorType(name: name), seed: 42)
        #expect((0..<3).map { _ in generator.uniform() } == expected)
    }

    @Test("Derived seeds for run seed 20220126")
    func derivedSeeds() {
        let seed: UInt64 = 20_220_126
        #expect(StreamSeed.derive(seed: seed, purpose: .trialBlock, index: 0) == 2_386_534_080)
        #expect(StreamSeed.derive(seed: seed, purpose: .trialBlock, index: 1) == 3_592_988_427)
        #expect(StreamSeed.derive(seed: seed, purpose: .trialBlock, index: 2) == 3_594_661_357)
        #expect(StreamSeed.derive(seed: seed, purpose: .portfolio, index: 0) == 89_890_440)
        #expect(StreamSeed.derive(seed: seed, purpose: .pilot, index: 0) == 3_004_392_105)
    }

    @Test("The purposes' raw values are part of the derivation and fixed")
    func purposeValues() {
        #expect(StreamPurpose.trialBlock.rawValue == 1)
        #expect(StreamPurpose.portfolio.rawValue == 2)
        #expect(StreamPurpose.pilot.rawValue == 3)
    }

    /// The published SplitMix64 outputs for state 0 (Steele, Lea and Flood;
    /// Vigna's splitmix64.c): each call adds the golden gamma, then mixes.
    @Test("splitmix64 gives SplitMix64's published first outputs for state 0")
    func splitmix64() {
        #expect(StreamSeed.splitmix64(0) == 0xE220_A839_7B1D_CDAF)
        #expect(StreamSeed.splitmix64(0x9E37_79B9_7F4A_7C15) == 0x6E78_9E6A_A1B9_65F4)
    }

    /// Checked on a sample: 10⁶ consecutive inputs, and 10⁶ inputs across the
    /// wrap-around at 2³², all give distinct outputs.
    @Test("mix32 is injective on a sample", arguments: [UInt32(0), UInt32.max - 499_999])
    func mix32IsBijective(start: UInt32) {
        let count = 1_000_000
        var outputs = (0..<count).map { StreamSeed.mix32(start &+ UInt32($0)) }
        outputs.sort()
        let distinct = zip(outputs, outputs.dropFirst()).allSatisfy { $0 < $1 }
        #expect(distinct)
        #expect(StreamSeed.mix32(0) == 0)
    }
}

/// Stream derivation: one stream per work unit, reproducible and distinct.
@Suite("Streams are reproducible and distinct")
struct StreamTests {
    static let seed: UInt64 = 20_220_126

    private func draws(_ purpose: StreamPurpose, _ index: UInt64, seed: UInt64 = seed,
                       type: GeneratorType = .mt19937, count: Int = 1000) -> [Double] {
        let generator = RandomGenerator(type: type, seed: seed, purpose: purpose, index: index)
        return (0..<count).map { _ in generator.uniform() }
    }

    @Test("The same (seed, purpose, index) repeats exactly",
          arguments: [StreamPurpose.trialBlock, .portfolio, .pilot], [UInt64(0), 7, 1 << 40])
    func sameStreamRepeats(purpose: StreamPurpose, index: UInt64) {
        #expect(draws(purpose, index) == draws(purpose, index))
        let generator = RandomGenerator(type: .mt19937, seed: Self.seed, purpose: purpose, index: index)
        #expect(generator.seed == StreamSeed.derive(seed: Self.seed, purpose: purpose, index: index))
    }

    @Test("Different stream indices give different sequences", arguments: GeneratorType.names)
    func indicesDiffer(name: String) throws {
        let type = try GeneratorType(name: name)
        let streams = (0..<8).map { draws(.trialBlock, $0, type: type, count: 10) }
        for i in streams.indices {
            for j in streams.indices where i < j {
                // Not one of the first ten values agrees, let alone the sequences.
                #expect(!zip(streams[i], streams[j]).contains { $0 == $1 }, "streams \(i) and \(j)")
            }
        }
    }

    @Test("Different purposes with the same index differ", arguments: [UInt64(0), 1, 12345])
    func purposesDiffer(index: UInt64) {
        let trial = draws(.trialBlock, index)
        let portfolio = draws(.portfolio, index)
        let pilot = draws(.pilot, index)
        #expect(trial != portfolio)
        #expect(trial != pilot)
        #expect(portfolio != pilot)
    }

    @Test("Different run seeds give different streams")
    func runSeedsDiffer() {
        #expect(draws(.trialBlock, 0, seed: 1) != draws(.trialBlock, 0, seed: 2))
        #expect(draws(.trialBlock, 0, seed: 0) != draws(.trialBlock, 0, seed: 1 << 32))
    }

    /// The documented promise: within one (seed, purpose) the first 2³² indices
    /// get pairwise different generator seeds. Checked on the first 10⁵.
    @Test("Blocks of one run get pairwise different generator seeds")
    func blockSeedsDistinct() {
        for purpose in [StreamPurpose.trialBlock, .portfolio, .pilot] {
            let seeds = (0..<UInt64(100_000)).map { StreamSeed.derive(seed: Self.seed, purpose: purpose, index: $0) }
            #expect(Set(seeds).count == seeds.count)
        }
    }
}
