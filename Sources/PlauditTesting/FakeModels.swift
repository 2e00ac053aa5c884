public import PlauditCore
public import PlauditRuntime
public import Synchronization

/// A ``ModelProvider`` in memory: reward scorers, generators and a sentiment classifier that are
/// plain functions of the request, and a deterministic embedder that counts its vectors. Jobs run against it in-process exactly as the command line runs them
/// against servers, with no server, no subprocess and no argument list; it counts what it was
/// asked, so a test can check that nothing was asked twice.
public final class FakeModels: ModelProvider {
    /// A configured reward model: its name and its score for a request.
    public struct Scorer: Sendable {
        public var name: String
        public var score: @Sendable (ScoringRequest) -> Double

        public init(name: String, score: @escaping @Sendable (ScoringRequest) -> Double) {
            self.name = name
            self.score = score
        }
    }

    /// A configured chat model: its name and its answer to a request.
    public struct Generator: Sendable {
        public var name: String
        public var answer: @Sendable (ChatRequest) -> String

        public init(name: String, answer: @escaping @Sendable (ChatRequest) -> String) {
            self.name = name
            self.answer = answer
        }
    }

    public let scorers: [Scorer]
    public let generators: [Generator]
    /// The sentiment of a text, for jobs that classify sentiment; `nil`: no classifier.
    public let sentiment: (@Sendable (String) -> SentimentScores)?
    /// Requests answered, per scorer or generator name.
    public let asked = Mutex<[String: Int]>([:])
    /// How many times the scorers were brought up.
    public let sessions = Mutex(0)
    /// The embedder every job gets: trigrams, counting the vectors it computes.
    public let embedder: CountingEmbedder

    public init(
        scorers: [Scorer], generators: [Generator] = [], sentiment: (@Sendable (String) -> SentimentScores)? = nil,
        embedder: CountingEmbedder = CountingEmbedder()
    ) {
        self.scorers = scorers
        self.generators = generators
        self.sentiment = sentiment
        self.embedder = embedder
    }

    public func configuredScorers(_ selection: ScorerSelection) throws -> [ScorerConfiguration] {
        let chosen = selection.configured.isEmpty && selection.allWhenEmpty ? scorers.map(\.name) : selection.configured
        return try chosen.map { name in
            guard scorers.contains(where: { $0.name == name }) else { throw ConfigurationError("--scorer \(name): no such scorer") }
            return ScorerConfiguration(name: name, backend: "fake", type: .rewardModel)
        }
    }

    public func withScorers<T: Sendable>(
        _ selection: ScorerSelection, progress: any ProgressReporter, _ body: (LiveScorers) async throws -> T
    ) async throws -> T {
        guard !selection.usesLocalModel else { throw ConfigurationError("FakeModels has no local model") }
        sessions.withLock { $0 += 1 }
        let names = Set(try configuredScorers(selection).map(\.name))
        let live = scorers.filter { names.contains($0.name) }.map { LiveScorer(scorer: FunctionScorer(scorer: $0, models: self), concurrency: 4) }
        return try await body(LiveScorers(scorers: live))
    }

    public func configuredGenerators(_ selection: GeneratorSelection) throws -> [String] {
        guard !selection.localGenerator else { throw ConfigurationError("FakeModels has no local model") }
        for name in selection.generators where !generators.contains(where: { $0.name == name }) {
            throw ConfigurationError("--generator \(name): no such generator")
        }
        return selection.generators
    }

    public func withGenerators<T: Sendable>(
        _ selection: GeneratorSelection, progress: any ProgressReporter, _ body: ([LiveGenerator]) async throws -> T
    ) async throws -> T {
        let live = try configuredGenerators(selection).map { name in
            LiveGenerator(name: name, generator: FunctionGenerator(generator: generators.first { $0.name == name }!, models: self), concurrency: 4)
        }
        return try await body(live)
    }

    public func labelJudge(on generator: LiveGenerator, rubric: LabelRubric) -> any LabelJudge {
        FunctionLabelJudge(name: generator.name, generator: generator.generator, rubric: rubric)
    }

    public func checkSentimentClassifier(_ backend: String?) throws {
        guard backend == nil, sentiment != nil else { throw ConfigurationError("FakeModels has no sentiment classifier \(backend ?? "")") }
    }

    public func withSentimentClassifier<T: Sendable>(_ backend: String?, _ body: (any SentimentClassifier) async throws -> T) async throws -> T {
        try checkSentimentClassifier(backend)
        return try await body(FunctionSentiment(classify: sentiment!))
    }

    public func withEmbedder<T: Sendable>(
        progress: any ProgressReporter, _ body: (any Embedder, _ remote: Bool) async throws -> T
    ) async throws -> T {
        try await body(embedder, false)
    }

    func record(_ name: String) {
        asked.withLock { $0[name, default: 0] += 1 }
    }
}

/// A fake reward model: its function of the request, counted.
struct FunctionScorer: RewardScorer {
    let scorer: FakeModels.Scorer
    let models: FakeModels

    var descriptor: ScorerDescriptor { ScorerDescriptor(name: scorer.name, kind: .rewardModel, backend: "fake") }
    /// Cached like a live scorer, so a test can check that a rerun asks nothing.
    var cacheIdentity: ScorerCacheIdentity? { ScorerCacheIdentity(backendKind: "fake", baseURL: "memory:", model: scorer.name) }

    func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        models.record(scorer.name)
        return .score(scorer.score(request))
    }
}

/// A fake chat model: its function of the request, counted.
struct FunctionGenerator: ChatGenerator {
    let generator: FakeModels.Generator
    let models: FakeModels

    var descriptor: GeneratorDescriptor { GeneratorDescriptor(backend: "fake", baseURL: "memory:", model: generator.name) }
    var capabilities: ChatCapabilities { ChatCapabilities(maxTopLogprobs: 0, assistantPrefill: false, jsonSchema: false, seed: true) }

    func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        models.record(generator.name)
        return ChatCompletion(text: generator.answer(request), finishReason: "stop")
    }
}

/// A fake categorical judge: the generator's answer to the rendered rubric, read for one label.
struct FunctionLabelJudge: LabelJudge {
    let name: String
    let generator: any ChatGenerator
    let rubric: LabelRubric

    var labels: [String] { rubric.labels }
    var descriptor: ScorerDescriptor { ScorerDescriptor(name: name, kind: .judge, backend: "fake", model: generator.descriptor.model) }
    var cacheIdentity: ScorerCacheIdentity? { nil }

    func label(_ request: ScoringRequest) async throws -> LabelOutcome {
        let prompt = rubric.render(prompt: request.prompt.text, response: request.response)
        let reply = try await generator.complete(ChatRequest(messages: [ChatMessage(role: "user", content: prompt)], maxTokens: 8, temperature: 0))
        return rubric.label(in: reply.text).map { .label($0) } ?? .failure("no label in \"\(reply.text)\"")
    }
}

/// A fake sentiment classifier: its function of each text.
struct FunctionSentiment: SentimentClassifier {
    let classify: @Sendable (String) -> SentimentScores
    var name: String { "fake-sentiment" }

    func classify(_ texts: [String]) async throws -> [SentimentScores] { texts.map(classify) }
}

/// Hashed character trigrams, L2-normalised: texts that share words are near, deterministically.
public struct TrigramEmbedder: Embedder {
    public static let dimension = 256

    public init() {}

    public var descriptor: EmbedderDescriptor { EmbedderDescriptor(name: "trigram-test", dimension: Self.dimension) }

    /// Each text's vector depends on that text alone, so it is cached like MiniLM's.
    public var cacheIdentity: EmbedderCacheIdentity? {
        EmbedderCacheIdentity(kind: "trigram-test", source: "memory:", model: "trigram", dimension: Self.dimension)
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        texts.map { text in
            var vector = [Float](repeating: 0, count: Self.dimension)
            let scalars = Array(" \(text.lowercased()) ".unicodeScalars)
            for i in 0..<max(0, scalars.count - 2) {
                var hash: UInt32 = 2_166_136_261
                for scalar in scalars[i..<(i + 3)] { hash = (hash ^ scalar.value) &* 16_777_619 }
                vector[Int(hash % UInt32(Self.dimension))] += 1
            }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? vector.map { $0 / norm } : vector
        }
    }
}
