import Testing
@testable import PoolSimScenario
import PoolSimCore
@Test func versionIsSet() { #expect(!PoolSimVersion.string.isEmpty) }
