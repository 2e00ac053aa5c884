// swift-tools-version:6.2
import PackageDescription

/// Strict settings for every target of this package.
///
/// - Swift 6 language mode (complete concurrency checking).
/// - `ExistentialAny`, `MemberImportVisibility` and `InternalImportsByDefault`: explicit
///   existentials and explicit import visibility, as in Hummingbird and swift-subprocess.
/// - All warnings are errors. This is what makes the "no 'async' operations occur within
///   'await' expression" warning fatal: that warning is the only sign that the compiler picked
///   a blocking overload (research/swift_stack.md §1.6, §2.4).
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "plaudit",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "plaudit", targets: ["plaudit"]),
        .library(name: "PlauditCore", targets: ["PlauditCore"]),
        .library(name: "PlauditStats", targets: ["PlauditStats"]),
        .library(name: "PlauditText", targets: ["PlauditText"]),
        .library(name: "PlauditClients", targets: ["PlauditClients"]),
        .library(name: "PlauditRuntime", targets: ["PlauditRuntime"]),
        .library(name: "PlauditBackends", targets: ["PlauditBackends"]),
        .library(name: "PlauditAudits", targets: ["PlauditAudits"]),
        .library(name: "PlauditReports", targets: ["PlauditReports"]),
        .library(name: "PlauditSuites", targets: ["PlauditSuites"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        // Value types, readers, protocols. No network, no numerics beyond trivial.
        .target(
            name: "PlauditCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // Pure numerics; depends on nothing. Optimised even in debug builds, like PlauditText:
        // bootstrap intervals recompute ranks thousands of times, 10-30x slower unoptimised.
        .target(name: "PlauditStats", swiftSettings: strictSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Local text models (lexical embedder now; MiniLM and VADER later).
        .target(
            name: "PlauditText",
            dependencies: ["PlauditCore"],
            // The encoder's loops are 20-50x slower unoptimised; optimise this module even in
            // debug builds so tests and `swift run` stay fast (a root package may use this flag).
            swiftSettings: strictSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Transport and endpoint adapters, local model server management.
        .target(
            name: "PlauditClients",
            dependencies: [
                "PlauditCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // The response cache: SQLite (WAL) through GRDB, behind Core's `ResponseCache`.
        // Needs libsqlite3-dev at build time (research/swift_stack.md §2.3).
        .target(
            name: "PlauditStore",
            dependencies: [
                "PlauditCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // Test support: an in-process HTTP server on 127.0.0.1 that answers with scripted
        // shapes and faults and logs every request; scratch folders and checks of located input
        // errors. Used by tests and benchmarks, never shipped.
        .target(
            name: "PlauditTesting",
            dependencies: [
                "PlauditCore",
                "PlauditRuntime",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // Machinery every job shares and no job owns: the cached, bounded fan-out behind score,
        // label and generation collection, sample plans, item embeddings. Names no audit and
        // opens no connection: models come in through Core's protocols.
        .target(name: "PlauditRuntime", dependencies: ["PlauditCore"], swiftSettings: strictSettings),
        // The composition root as a library: builds scorers, judges, generators, embedders and
        // the cache from plaudit.yaml and options. The only target that switches on a backend kind
        // or names a concrete adapter.
        .target(
            name: "PlauditBackends",
            dependencies: ["PlauditCore", "PlauditRuntime", "PlauditClients", "PlauditText", "PlauditStore"],
            swiftSettings: strictSettings
        ),
        // The jobs, written only against Core protocols and the runtime.
        .target(
            name: "PlauditAudits",
            dependencies: ["PlauditCore", "PlauditRuntime", "PlauditStats", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // JSON and Markdown renderings of results.
        .target(
            name: "PlauditReports",
            dependencies: ["PlauditCore", "PlauditRuntime", "PlauditStats", "PlauditAudits"],
            swiftSettings: strictSettings
        ),
        // `plaudit test` as a library: runs a regression suite's checks through the jobs, decides
        // its assertions, writes JUnit XML and the diff. Models come in through a provider.
        .target(
            name: "PlauditSuites",
            dependencies: ["PlauditCore", "PlauditRuntime", "PlauditAudits", "PlauditReports"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "plaudit",
            dependencies: [
                "PlauditCore", "PlauditText", "PlauditClients",
                "PlauditRuntime", "PlauditBackends", "PlauditAudits", "PlauditSuites", "PlauditReports", "PlauditStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "PlauditCoreTests", dependencies: ["PlauditCore", "PlauditTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "PlauditStatsTests",
            dependencies: ["PlauditStats"],
            exclude: ["Oracles"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "PlauditTextTests", dependencies: ["PlauditText"], exclude: ["Oracles"], swiftSettings: strictSettings),
        .testTarget(
            name: "PlauditClientsTests",
            dependencies: ["PlauditClients", "PlauditCore", "PlauditTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "PlauditStoreTests", dependencies: ["PlauditStore", "PlauditCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "PlauditRuntimeTests", dependencies: ["PlauditRuntime", "PlauditCore", "PlauditTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "PlauditAuditsTests",
            dependencies: ["PlauditAudits", "PlauditRuntime", "PlauditStats", "PlauditCore", "PlauditText", "PlauditTesting"],
            // Python oracles and their data, and reference results, read by path.
            exclude: ["Oracles", "Scale/References"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlauditSuitesTests",
            dependencies: ["PlauditSuites", "PlauditAudits", "PlauditRuntime", "PlauditCore", "PlauditTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "PlauditReportsTests", dependencies: ["PlauditReports", "PlauditAudits"], swiftSettings: strictSettings),
        // End-to-end tests of the command line: run the built binary.
        .testTarget(
            name: "plauditTests",
            dependencies: ["plaudit", "PlauditTesting", "PlauditCore", "PlauditAudits"],
            exclude: ["Schemas", "Browser"],
            swiftSettings: strictSettings
        ),
    ]
)
