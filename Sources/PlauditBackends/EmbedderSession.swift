public import PlauditClients
public import PlauditCore

/// The embedder a run clusters with, and the connection it needs: a built-in one (MiniLM or
/// lexical), or a backend's embeddings endpoint named by `embedder.backend` in the
/// configuration. `--embedder minilm|lexical` on the command line wins over the configuration.
public struct EmbedderSession: Sendable {
    public var configuration: PlauditConfiguration
    public var choice: EmbedderChoice
    public var threads: Int

    public init(configuration: PlauditConfiguration, choice: EmbedderChoice, threads: Int) {
        self.configuration = configuration
        self.choice = choice
        self.threads = threads
    }

    /// Runs `body` with the embedder and whether it is remote; closes its connection after.
    public func run<T: Sendable>(assets: LocalAssets, _ body: (any Embedder, Bool) async throws -> T) async throws -> T {
        if choice == .auto, let name = configuration.embedder?.backend, let backend = configuration.backend(named: name) {
            let transports = SharedTransports(for: [backend])
            do {
                let client = try transports.client(for: backend)
                let embedder: any Embedder
                switch backend.kind {
                case .tei: embedder = try await TEIEmbedder.connect(client: client)
                case .ollama: embedder = try await OllamaEmbedder.connect(client: client)
                default: embedder = try await OpenAIEmbedder.connect(client: client)
                }
                let result = try await body(embedder, true)
                try await transports.shutdown()
                return result
            } catch {
                try? await transports.shutdown()
                throw error
            }
        }
        var chosen = choice
        if choice == .auto, let builtin = configuration.embedder?.builtin, let configured = EmbedderChoice(rawValue: builtin) {
            chosen = configured
        }
        return try await body(try chosen.make(assets: assets, threads: threads), false)
    }
}
