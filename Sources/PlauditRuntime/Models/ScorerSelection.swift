public import PlauditCore

/// Which scorers a job asks for: configured scorers by name and the built-in ones on the local
/// model. What a job needs, not how the models are reached (that is the ``ModelProvider``'s).
public struct ScorerSelection: Sendable {
    /// Configured scorers to use, by name; empty means all of them.
    public var configured: [String]
    /// The built-in pointwise judge's rubric, when asked for.
    public var localJudgeRubric: Rubric?
    /// The built-in pairwise judge's rubric, when asked for.
    public var localPairwiseRubric: Rubric?
    /// The built-in perplexity scorer.
    public var localPerplexity: Bool

    public init(configured: [String] = [], localJudgeRubric: Rubric? = nil, localPairwiseRubric: Rubric? = nil, localPerplexity: Bool = false) {
        self.configured = configured
        self.localJudgeRubric = localJudgeRubric
        self.localPairwiseRubric = localPairwiseRubric
        self.localPerplexity = localPerplexity
    }

    /// Whether a built-in scorer on the local model is asked for.
    public var usesLocalModel: Bool { localJudgeRubric != nil || localPairwiseRubric != nil || localPerplexity }
}
