// swift-tools-version:6.2
import PackageDescription

// A nested package so the main build and CI do not compile benchmarks. It compiles the root
// package's modules through the symlinks in Sources/. `plaudit-bench` (MiniLM, VADER) needs only
// Core and Text; `plaudit-http-bench` and `plaudit-stub` (the HTTP scoring benchmark) add the
// clients, the runtime's ScoreCollector, the SQLite cache and SwiftNIO. `plaudit-homogeneity-bench` needs Core,
// Stats and Audits (the homogeneity analysis).
let settings: [SwiftSetting] = [
    .swiftLanguageMode(.v6), .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"), .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "plaudit-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        .target(
            name: "PlauditCore",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: [.swiftLanguageMode(.v6), .enableUpcomingFeature("InternalImportsByDefault")]
        ),
        .target(
            name: "PlauditText",
            dependencies: ["PlauditCore"],
            swiftSettings: [.swiftLanguageMode(.v6), .enableUpcomingFeature("InternalImportsByDefault")]
        ),
        .target(name: "PlauditStats", swiftSettings: settings),
        .target(
            name: "PlauditClients",
            dependencies: [
                "PlauditCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        .target(name: "PlauditRuntime", dependencies: ["PlauditCore"], swiftSettings: settings),
        .target(
            name: "PlauditAudits", dependencies: ["PlauditCore", "PlauditRuntime", "PlauditStats", .product(name: "Yams", package: "Yams")],
            swiftSettings: settings
        ),
        .target(
            name: "PlauditStore",
            dependencies: ["PlauditCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "plaudit-http-bench",
            dependencies: ["PlauditCore", "PlauditClients", "PlauditRuntime", "PlauditStore"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "plaudit-stub",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "plaudit-homogeneity-bench",
            dependencies: ["PlauditCore", "PlauditStats", "PlauditAudits"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "plaudit-bench",
            dependencies: ["PlauditCore", "PlauditText"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
