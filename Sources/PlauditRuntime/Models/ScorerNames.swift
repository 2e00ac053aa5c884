/// Names of the built-in local scorers, as they appear in results.
public enum ScorerNames {
    public static let judge = "smollm2-judge"
    public static let perplexity = "smollm2-perplexity"
    public static let pairwiseJudge = "smollm2-pairwise-judge"
}
