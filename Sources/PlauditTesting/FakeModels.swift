public import PlauditCore
public import PlauditRuntime
public import Synchronization

/// A ``ModelProvider`` in memory: reward scorers that are plain functions of the request, and a
/// deterministic embedder. Jobs run against it in-process exactly as the command line runs them
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

    public let scorers: [Scorer]
    /// Requests answered, per scorer name.
    public let asked = Mutex<[String: Int]>([:])
    /// How many times the scorers were brought up.
    public let sessions = Mutex(0)

    public init(scorers: [Scorer]) {
        self.scorers = scorers
    }

    public func configuredScorers(_ selection: ScorerSelection) throws -> [ScorerConfiguration] {
        let chosen = selection.configured.isEmpty ? scorers.map(\.name) : selection.configured
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
        guard selection.isEmpty else { throw ConfigurationError("FakeModels has no generators") }
        return []
    }

    public func withGenerators<T: Sendable>(
        _ selection: GeneratorSelection, progress: any ProgressReporter, _ body: ([LiveGenerator]) async throws -> T
    ) async throws -> T {
        try await body([])
    }

    public func withEmbedder<T: Sendable>(
        progress: any ProgressReporter, _ body: (any Embedder, _ remote: Bool) async throws -> T
    ) async throws -> T {
        try await body(TrigramEmbedder(), false)
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

    func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        models.record(scorer.name)
        return .score(scorer.score(request))
    }
}

/// Hashed character trigrams, L2-normalised: texts that share words are near, deterministically.
public struct TrigramEmbedder: Embedder {
    public static let dimension = 256

    public init() {}

    public var descriptor: EmbedderDescriptor { EmbedderDescriptor(name: "trigram-test", dimension: Self.dimension) }

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
