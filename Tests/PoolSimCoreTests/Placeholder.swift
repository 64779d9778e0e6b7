import Testing
@testable import PoolSimCore
@Test func versionIsSet() { #expect(!PoolSimVersion.string.isEmpty) }
