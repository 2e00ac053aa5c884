import ArgumentParser
import Foundation
import PlauditBackends
import PlauditClients
import PlauditCore

/// Where the models of every job that asks models come from: the configuration, the local
/// llama.cpp server and the local assets.
struct ModelOptions: ParsableArguments {
    @Option(help: "Backends and scorers (plaudit.yaml). Default: ./plaudit.yaml when it exists.")
    var config: String?

    @Option(help: "Use a llama.cpp server already running at this URL instead of starting one.")
    var llamaURL: String?

    @Option(help: "CPU threads for the local llama.cpp server.")
    var threads = 1

    @Flag(help: "Install missing local-model assets first (pip, pinned versions, verified).")
    var installAssets = false

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    /// `--config`, else `./plaudit.yaml` when it exists, else an empty configuration.
    func loadConfiguration() throws -> PlauditConfiguration {
        try PlauditConfiguration.loadDefault(config)
    }

    /// The models of `configuration` and the local model, set up as these options (and the
    /// scorer options, when the command scores) say.
    func backends(
        _ configuration: PlauditConfiguration, scoring: ScorerOptions? = nil, embedder: EmbedderChoice = .auto, embedderThreads: Int = 1
    ) -> Backends {
        var backends = Backends(configuration: configuration)
        backends.llamaURL = llamaURL
        backends.threads = threads
        backends.concurrencyOverride = scoring?.concurrency
        backends.verbose = scoring?.verbose ?? false
        backends.embedder = embedder
        backends.embedderThreads = embedderThreads
        return backends
    }

    /// Installs the local-model assets when `--install-assets` asks for it and any are missing.
    func installAssetsIfAsked(_ assets: LocalAssets, progress: ProgressDisplay) throws {
        guard installAssets && !(assets.hasLocalModel && assets.hasTextModels) else { return }
        progress.note("installing model assets into \(assets.root.path)")
        do {
            try AssetInstaller(assets: assets).install { progress.note($0) }
        } catch {
            throw RunFailure("\(error)")
        }
    }
}
