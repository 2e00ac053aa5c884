// swift-tools-version:6.2
import PackageDescription

// A nested package so the main build and CI do not compile benchmarks. It compiles only the
// root package's Core and Text modules (through the symlinks in Sources/), not the HTTP
// client, so a release build stays short.
let package = Package(
    name: "plaudit-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
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
        .executableTarget(
            name: "plaudit-bench",
            dependencies: ["PlauditCore", "PlauditText"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
