public import PlauditCore

/// Which scorers a job asks for: configured scorers by name and the built-in ones on the local
/// model. What a job needs, not how the models are reached (that is the ``ModelProvider``'s).
public struct ScorerSelection: Sendable {
    /// Configured scorers to use, by name; empty means all of them (unless ``allWhenEmpty`` is off).
    public var configured: [String]
    /// Whether an empty ``configured`` list asks for every configured scorer (an audit's default)
    /// or for none (a job whose scorers are all optional).
    public var allWhenEmpty = true
    /// The built-in pointwise judge's rubric, when asked for.
    public var localJudgeRubric: Rubric?
    /// The built-in pairwise judge's rubric, when asked for.
    public var localPairwiseRubric: Rubric?
    /// The built-in perplexity scorer.
    public var localPerplexity: Bool
    /// The built-in validity judge's rubric, when asked for.
    public var localValidityRubric: Rubric?

    public init(configured: [String] = [], localJudgeRubric: Rubric? = nil, localPairwiseRubric: Rubric? = nil, localPerplexity: Bool = false) {
        self.configured = configured
        self.localJudgeRubric = localJudgeRubric
        self.localPairwiseRubric = localPairwiseRubric
        self.localPerplexity = localPerplexity
    }

    /// The configured scorers `names` (none when empty) and no built-in one.
    public static func only(_ names: [String]) -> ScorerSelection {
        var selection = ScorerSelection(configured: names)
        selection.allWhenEmpty = false
        return selection
    }

    /// Whether a built-in scorer on the local model is asked for.
    public var usesLocalModel: Bool { localJudgeRubric != nil || localPairwiseRubric != nil || localPerplexity || localValidityRubric != nil }
}
