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
        var configuration = self.configuration
        if selection.configured.isEmpty && !selection.allWhenEmpty { configuration.scorers = [] }
        var session = ScorerSession(
            configuration: configuration, selected: selection.configured, localJudgeRubric: selection.localJudgeRubric,
            localPerplexity: selection.localPerplexity, llamaURL: llamaURL, threads: threads, concurrencyOverride: concurrencyOverride,
            verbose: verbose)
        session.localPairwiseRubric = selection.localPairwiseRubric
        session.localValidityRubric = selection.localValidityRubric
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
            + (selection.localGenerator ? [GeneratorSession.localName] : [])
    }

    public func withGenerators<T: Sendable>(
        _ selection: GeneratorSelection, progress: any ProgressReporter, _ body: ([LiveGenerator]) async throws -> T
    ) async throws -> T {
        try await GeneratorSession(configuration: configuration, options: selection).run(progress: progress) { generators, _ in try await body(generators) }
    }

    /// One local llama.cpp server for a local generator and the built-in scorers: the scorers'
    /// requests go through the generator session's client, so both keep their cache identity.
    public func withGeneratorsAndScorers<T: Sendable>(
        _ generators: GeneratorSelection, _ scorers: ScorerSelection, progress: any ProgressReporter,
        _ body: ([LiveGenerator], LiveScorers) async throws -> T
    ) async throws -> T {
        let generation = GeneratorSession(configuration: configuration, options: generators, needsLocalServer: scorers.usesLocalModel)
        return try await generation.run(progress: progress) { live, localClient in
            var session = session(scorers)
            session.localClient = localClient
            return try await session.run(progress: progress) { scorers, clients in
                let all = clients + (localClient.map { [$0] } ?? [])
                return try await body(
                    live,
                    LiveScorers(scorers: scorers) {
                        Dictionary(all.map { ($0.configuration.name, $0.statistics) }, uniquingKeysWith: { a, _ in a })
                    })
            }
        }
    }

    public func labelJudge(on generator: LiveGenerator, rubric: LabelRubric) -> any LabelJudge {
        ChatLabelJudge(name: generator.name, generator: generator.generator, rubric: rubric)
    }

    public func checkSentimentClassifier(_ backend: String?) throws {
        guard let backend else {
            _ = try assets.vaderAnalyzer()
            return
        }
        guard configuration.backend(named: backend) != nil else {
            throw ConfigurationError("--classifier-backend \(backend): no such backend in the configuration")
        }
    }

    public func withSentimentClassifier<T: Sendable>(_ backend: String?, _ body: (any SentimentClassifier) async throws -> T) async throws -> T {
        try checkSentimentClassifier(backend)
        guard let backend, let configured = configuration.backend(named: backend) else { return try await body(try assets.vaderAnalyzer()) }
        return try await SentimentSession.run(configured, body)
    }

    public func withEmbedder<T: Sendable>(
        progress: any ProgressReporter, _ body: (any Embedder, _ remote: Bool) async throws -> T
    ) async throws -> T {
        try await EmbedderSession(configuration: configuration, choice: embedder, threads: embedderThreads).run(assets: assets, body)
    }
}
