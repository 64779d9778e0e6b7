// swift-tools-version:6.1
import PackageDescription

// MARK: - Dependencies

let dependencies: [Package.Dependency] = [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    // The web app. Hummingbird's swift-configuration support is not needed: the server is configured by `poolsim serve`'s options.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
]

// MARK: - Targets

let targets: [Target] = [
    // GSL, through a shim header (see Sources/CGSL/shim.h). Promises no Swift API.
    .systemLibrary(
        name: "CGSL",
        pkgConfig: "gsl",
        providers: [.apt(["libgsl-dev"])]
    ),
    // Generators, stream derivation, distributions and special functions: the only importer of CGSL.
    .target(name: "PoolSimRandom", dependencies: ["CGSL"]),
    // Scenario values, pool rules, engine, statistics. No files, no printing, no clocks.
    .target(name: "PoolSimCore", dependencies: ["PoolSimRandom"]),
    // The message catalogue: every text a person reads, in English and Chinese, by stable key.
    .target(name: "PoolSimText"),
    // Scenario files (YAML, TOML, JSON), loan tapes, defaults files, diagnostics.
    .target(
        name: "PoolSimScenario",
        dependencies: [
            "PoolSimCore", "PoolSimText",
            .product(name: "Yams", package: "Yams"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]
    ),
    // Exporters: CSV, XLSX, JSON, HTML.
    .target(
        name: "PoolSimReport",
        dependencies: [
            "PoolSimCore", "PoolSimText",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]
    ),
    // The jobs (run, replay, size, compare, sweep, sensitivity, report) from typed
    // requests to typed results, with the executor, progress and cancellation as values.
    .target(name: "PoolSimApp", dependencies: ["PoolSimCore", "PoolSimText", "PoolSimScenario", "PoolSimReport"]),
    // The web app (`poolsim serve`): HTTP requests to jobs, pages, server-sent progress.
    .target(
        name: "PoolSimWeb",
        dependencies: [
            "PoolSimApp", "PoolSimCore", "PoolSimText", "PoolSimScenario", "PoolSimReport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]
    ),
    // The commands: parse arguments, call the jobs, print.
    .target(
        name: "PoolSimCLI",
        dependencies: [
            "PoolSimApp", "PoolSimWeb", "PoolSimCore", "PoolSimText", "PoolSimScenario", "PoolSimReport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]
    ),
    // The `poolsim` executable: the commands, trial blocks run on this machine's cores.
    .executableTarget(name: "poolsim", dependencies: ["PoolSimCLI"]),

    // MARK: Tests
    .testTarget(name: "PoolSimRandomTests", dependencies: ["PoolSimRandom"]),
    .testTarget(name: "PoolSimCoreTests", dependencies: ["PoolSimCore"]),
    .testTarget(name: "PoolSimReportTests", dependencies: ["PoolSimReport"]),
    .testTarget(name: "PoolSimAppTests", dependencies: ["PoolSimApp"]),
    .testTarget(name: "PoolSimTextTests", dependencies: ["PoolSimText"]),
    .testTarget(
        name: "PoolSimWebTests",
        dependencies: ["PoolSimWeb", .product(name: "HummingbirdTesting", package: "hummingbird")]
    ),
    .testTarget(name: "PoolSimCLITests", dependencies: ["PoolSimCLI"]),
    .testTarget(
        name: "PoolSimScenarioTests",
        dependencies: ["PoolSimScenario"],
        resources: [.copy("Fixtures")]
    ),
]

// MARK: - MPI (opt-in)

// `poolsim-mpi` runs the same commands with trial blocks spread over the ranks
// of an MPI job (`make mpi`). It needs Open MPI's headers and library, which
// most users do not have, so its targets exist only when POOLSIM_MPI is set:
// without it the package never looks for MPI and `poolsim` builds unaffected.
let mpi = Context.environment["POOLSIM_MPI"] != nil

let mpiTargets: [Target] = [
    // Open MPI, through a shim header (see Sources/CMPI/shim.h). Promises no Swift API.
    .systemLibrary(
        name: "CMPI",
        pkgConfig: "mpi-c",
        providers: [.apt(["libopenmpi-dev"])]
    ),
    // The `poolsim-mpi` executable: the commands, trial blocks spread over MPI ranks.
    .executableTarget(
        name: "poolsim-mpi",
        dependencies: [
            "PoolSimCLI", "PoolSimApp", "CMPI", "PoolSimCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        path: "Sources/poolsim-mpi"
    ),
]

let mpiProducts: [Product] = [
    .executable(name: "poolsim-mpi", targets: ["poolsim-mpi"]),
]

// MARK: - Package

let package = Package(
    name: "PoolSim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "poolsim", targets: ["poolsim"]),
    ] + (mpi ? mpiProducts : []),
    dependencies: dependencies,
    targets: targets + (mpi ? mpiTargets : []),
    swiftLanguageModes: [.v6]
)
