/// Anything that gives one number for a response to a prompt, higher meaning better:
/// a reward model, a pointwise judge, or a language model's (negative) perplexity.
///
/// Contract: the same request gives the same outcome (servers run at temperature 0 where they
/// sample); a response that cannot be scored is a ``ScoreOutcome/failure(_:)``, never a
/// made-up middle value; a thrown error means the scorer itself is unusable (server gone,
/// bad configuration) and stops the run.
public protocol RewardScorer: Sendable {
    var descriptor: ScorerDescriptor { get }
    func score(_ request: ScoringRequest) async throws -> ScoreOutcome

    /// How many requests one ``score(batch:)`` call should carry: more than 1 for endpoints
    /// that take arrays (TEI `/predict`, vLLM text `/classify`). Default 1.
    var batchSize: Int { get }

    /// Scores several requests, in order: one outcome per request. The default calls
    /// ``score(_:)`` for each in turn.
    func score(batch: [ScoringRequest]) async throws -> [ScoreOutcome]

    /// Everything apart from the request that decides a score (backend, URL, model, rubric,
    /// settings), so answers can be cached; `nil` (the default) means never cache.
    var cacheIdentity: ScorerCacheIdentity? { get }
}

extension RewardScorer {
    public var batchSize: Int { 1 }

    public func score(batch: [ScoringRequest]) async throws -> [ScoreOutcome] {
        var outcomes: [ScoreOutcome] = []
        outcomes.reserveCapacity(batch.count)
        for request in batch {
            outcomes.append(try await score(request))
        }
        return outcomes
    }

    public var cacheIdentity: ScorerCacheIdentity? { nil }
}

/// What, besides the request, decides a scorer's answer; the parts of a ``CacheKey``.
public struct ScorerCacheIdentity: Hashable, Sendable {
    /// Backend kind, for example `vllm` or `llama.cpp`.
    public var backendKind: String
    /// Base URL without credentials (removed again when the key is made).
    public var baseURL: String
    public var model: String
    /// The rubric's SHA-256 for judges, else empty.
    public var rubricSHA256: String
    /// Any other setting that changes answers (endpoint, API version, prefill), as canonical
    /// text such as `endpoint=pooling;version=current`.
    public var parameters: String

    public init(backendKind: String, baseURL: String, model: String, rubricSHA256: String = "", parameters: String = "") {
        self.backendKind = backendKind
        self.baseURL = baseURL
        self.model = model
        self.rubricSHA256 = rubricSHA256
        self.parameters = parameters
    }
}

/// One response to score, with its prompt.
public struct ScoringRequest: Hashable, Sendable {
    public var itemID: String
    public var responseID: String
    public var prompt: Prompt
    public var response: String
    /// For pairwise judges: the answer shown second (B); `response` is shown first (A).
    public var second: String?

    public init(itemID: String, responseID: String, prompt: Prompt, response: String, second: String? = nil) {
        self.itemID = itemID
        self.responseID = responseID
        self.prompt = prompt
        self.response = response
        self.second = second
    }
}

/// The result of scoring one response.
public enum ScoreOutcome: Hashable, Sendable {
    /// A finite score, higher is better.
    case score(Double)
    /// The scorer answered but gave no usable score; the reason says why.
    case failure(String)

    public var value: Double? {
        if case .score(let value) = self { value } else { nil }
    }
}
