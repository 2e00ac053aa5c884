import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditClients
import PlauditCore

/// The options of every command that scores responses: configured scorers and the local
/// SmolLM2 judge and perplexity scorers. Shared by `plaudit audit` and `plaudit sycophancy
/// score` (the cache options are ``CacheOptions``).
struct ScorerOptions: ParsableArguments {
    @Flag(help: "Score with the local SmolLM2 judge (expected rating over top log-probabilities).")
    var localJudge = false

    @Flag(help: "Score with the local SmolLM2 perplexity scorer (score = − perplexity of the response).")
    var localPerplexity = false

    @Option(help: "A rubric file, or the id of an embedded rubric.")
    var rubric = "pointwise-quality"

    @Option(help: "Use a llama.cpp server already running at this URL instead of starting one.")
    var llamaURL: String?

    @Option(help: "CPU threads for the local llama.cpp server.")
    var threads = 1

    @Flag(help: "Install missing local-model assets first (pip, pinned versions, verified).")
    var installAssets = false

    @Option(help: "Backends and scorers (plaudit.yaml). Default: ./plaudit.yaml when it exists.")
    var config: String?

    @Option(name: .customLong("scorer"), help: "Use only this configured scorer. Repeatable.")
    var scorerNames: [String] = []

    @Option(help: "Concurrent requests per backend; replaces the limits in the configuration (default there: 64; local model: 1).")
    var concurrency: Int?

    @Flag(help: "Describe each backend before the run and its request counts after (never keys).")
    var verbose = false

    func validate() throws {
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    /// `--config`, else `./plaudit.yaml` when it exists, else an empty configuration.
    func loadConfiguration() throws -> PlauditConfiguration {
        try PlauditConfiguration.loadDefault(config)
    }

    /// The models of `configuration` and the local model, set up as these options say.
    func backends(_ configuration: PlauditConfiguration, embedder: EmbedderChoice = .auto, embedderThreads: Int = 1) -> Backends {
        var backends = Backends(configuration: configuration)
        backends.llamaURL = llamaURL
        backends.threads = threads
        backends.concurrencyOverride = concurrency
        backends.verbose = verbose
        backends.embedder = embedder
        backends.embedderThreads = embedderThreads
        return backends
    }

    /// Installs the local-model assets first when `--install-assets` asks for it and any are missing.
    func installAssetsIfAsked(_ assets: LocalAssets, progress: ProgressDisplay) throws {
        try Self.installAssets(if: installAssets, into: assets, progress: progress)
    }

    /// Installs the local-model assets when `asked` and any are missing (every command's `--install-assets`).
    static func installAssets(if asked: Bool, into assets: LocalAssets, progress: ProgressDisplay) throws {
        guard asked && !(assets.hasLocalModel && assets.hasTextModels) else { return }
        progress.note("installing model assets into \(assets.root.path)")
        do {
            try AssetInstaller(assets: assets).install { progress.note($0) }
        } catch {
            throw RunFailure("\(error)")
        }
    }
}
