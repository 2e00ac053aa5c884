public import PlauditClients
public import PlauditCore
public import PlauditRuntime

/// The models of `plaudit.yaml` and the built-in local model, as jobs take them: servers and
/// processes brought up for each `with…` call and torn down after it.
public struct Backends: ModelProvider {
    public var configuration: PlauditConfiguration
    /// A llama.cpp server already running, instead of starting one for the built-in scorers.
    public var llamaURL: String?
    /// CPU threads of a local llama.cpp server started here.
    public var threads = 1
    /// Replaces every backend's own limit of requests in flight.
    public var concurrencyOverride: Int?
    /// Describe each backend before the run and its request counts after (never keys).
    public var verbose = false
    public var embedder: EmbedderChoice = .auto
    public var embedderThreads = 1
    public var assets = LocalAssets()

    public init(configuration: PlauditConfiguration) {
        self.configuration = configuration
    }

    func session(_ selection: ScorerSelection) -> ScorerSession {
        var session = ScorerSession(
            configuration: configuration, selected: selection.configured, localJudgeRubric: selection.localJudgeRubric,
            localPerplexity: selection.localPerplexity, llamaURL: llamaURL, threads: threads, concurrencyOverride: concurrencyOverride,
            verbose: verbose)
        session.localPairwiseRubric = selection.localPairwiseRubric
        return session
    }

    public func configuredScorers(_ selection: ScorerSelection) throws -> [ScorerConfiguration] {
        try session(selection).chosenScorers()
    }

    public func withScorers<T: Sendable>(
        _ selection: ScorerSelection, progress: any ProgressReporter, _ body: (LiveScorers) async throws -> T
    ) async throws -> T {
        try await session(selection).run(progress: progress) { scorers, clients in
            try await body(
                LiveScorers(scorers: scorers) {
                    Dictionary(clients.map { ($0.configuration.name, $0.statistics) }, uniquingKeysWith: { a, _ in a })
                })
        }
    }

    public func configuredGenerators(_ selection: GeneratorSelection) throws -> [String] {
        try GeneratorSession(configuration: configuration, options: selection).chosenBackends().map(\.name)
    }

    public func withGenerators<T: Sendable>(
        _ selection: GeneratorSelection, progress: any ProgressReporter, _ body: ([LiveGenerator]) async throws -> T
    ) async throws -> T {
        try await GeneratorSession(configuration: configuration, options: selection).run(progress: progress) { generators, _ in try await body(generators) }
    }

    public func withEmbedder<T: Sendable>(
        progress: any ProgressReporter, _ body: (any Embedder, _ remote: Bool) async throws -> T
    ) async throws -> T {
        try await EmbedderSession(configuration: configuration, choice: embedder, threads: embedderThreads).run(assets: assets, body)
    }
}
