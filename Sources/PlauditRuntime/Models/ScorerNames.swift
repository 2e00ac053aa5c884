/// Names of the built-in local scorers, as they appear in results.
public enum ScorerNames {
    public static let judge = "smollm2-judge"
    public static let perplexity = "smollm2-perplexity"
    public static let pairwiseJudge = "smollm2-pairwise-judge"
    /// The built-in judge of validity (`rubrics/validity.yaml`): its score is P(valid).
    public static let validity = "smollm2-validity"
}
