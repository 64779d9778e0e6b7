import Foundation
import PoolSimScenario
import PoolSimText

/// Paths of the test fixtures and of the repository's bundled scenarios.
enum Fixtures {
    static let directory: String = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures resource is missing from the test bundle")
        }
        return url.path
    }()

    static func path(_ name: String) -> String { directory + "/" + name }

    static func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    /// The repository's `scenarios/` directory.
    static let scenarios: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios").path

    /// Loads a fixture; on failure returns the diagnostics as the CLI prints
    /// them in `language`, paths relative to the fixtures directory.
    static func diagnostics(_ name: String, overrides: [String] = [], stress: String? = nil,
                            language: Language = .en) -> (InputError.Kind?, String) {
        do {
            let loaded = try ScenarioLoader.load(path: path(name), overrides: overrides, stress: stress)
            return (nil, loaded.warnings.map { $0.rendered(language) }.joined(separator: "\n"))
        } catch {
            return (error.kind, error.rendered(language).replacingOccurrences(of: directory + "/", with: ""))
        }
    }
}

/// SplitMix64, for reproducible test inputs without the GSL layer.
struct TestRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}
