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
}

/// One response to score, with its prompt.
public struct ScoringRequest: Hashable, Sendable {
    public var itemID: String
    public var responseID: String
    public var prompt: Prompt
    public var response: String

    public init(itemID: String, responseID: String, prompt: Prompt, response: String) {
        self.itemID = itemID
        self.responseID = responseID
        self.prompt = prompt
        self.response = response
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
