public import PlauditCore

/// One model's homogeneity over the prompts it answered.
public struct ModelHomogeneity: Codable, Hashable, Sendable {
    public var model: String
    /// Prompts with at least two of this model's generations.
    public var prompts: Int
    public var generations: Int
    /// Mean over prompts of the per-prompt mean pairwise cosine, with a bootstrap CI over prompts.
    public var meanCosine: Estimate
    /// Share of prompts whose mean pairwise cosine is ≥ the high-similarity cut (the top two
    /// bins for 0.8), with a bootstrap CI over prompts.
    public var highSimilarityShare: Estimate
    /// Prompts per histogram bin.
    public var histogram: [Int]
    /// Percent of prompts per histogram bin.
    public var histogramPercent: [Double]
    /// Prompts whose mean cosine was below 0 (counted in the first bin).
    public var belowZero: Int
    /// Prompts whose mean cosine exceeded 1 by rounding (counted in the last bin).
    public var aboveOne: Int
    /// Mean over prompts of the number of equivalence classes among the model's generations.
    public var meanDistinct: Double
    /// Mean over prompts of the largest class's share of the model's generations.
    public var meanModalShare: Double

    public init(
        model: String, prompts: Int, generations: Int, meanCosine: Estimate, highSimilarityShare: Estimate, histogram: [Int],
        histogramPercent: [Double], belowZero: Int, aboveOne: Int, meanDistinct: Double, meanModalShare: Double
    ) {
        self.model = model
        self.prompts = prompts
        self.generations = generations
        self.meanCosine = meanCosine
        self.highSimilarityShare = highSimilarityShare
        self.histogram = histogram
        self.histogramPercent = histogramPercent
        self.belowZero = belowZero
        self.aboveOne = aboveOne
        self.meanDistinct = meanDistinct
        self.meanModalShare = meanModalShare
    }

    enum CodingKeys: String, CodingKey {
        case model, prompts, generations, histogram
        case meanCosine = "mean_cosine"
        case highSimilarityShare = "high_similarity_share"
        case histogramPercent = "histogram_percent"
        case belowZero = "below_zero"
        case aboveOne = "above_one"
        case meanDistinct = "mean_distinct"
        case meanModalShare = "mean_modal_share"
    }
}

/// Mean cosine between models: `values[a][b]` for models `models[a]` and `models[b]`.
///
/// Off the diagonal: per prompt the mean over all cross pairs (one generation of each model),
/// then the mean over the prompts both models answered. On the diagonal: the model's mean over
/// distinct pairs of its own generations (a generation is never paired with itself), averaged
/// over its prompts. `nil` where no prompt has both models.
public struct ModelSimilarityMatrix: Codable, Hashable, Sendable {
    public var models: [String]
    public var values: [[Double?]]
    /// Prompts behind each entry.
    public var prompts: [[Int]]

    public init(models: [String], values: [[Double?]], prompts: [[Int]]) {
        self.models = models
        self.values = values
        self.prompts = prompts
    }
}

/// How many different models appear among each response's nearest neighbours in its prompt's
/// pool, summarised over prompts.
public struct NeighbourMixing: Codable, Hashable, Sendable {
    /// N as requested; a prompt whose pool is smaller uses pool size − 1.
    public var neighbours: Int
    /// Over prompts, of the per-prompt average number of distinct models among the N nearest.
    public var mean: Double
    public var median: Double
    /// The same averaged over prompts if the N neighbours were drawn at random from the pool
    /// (exact expectation): the value for perfectly mixed models.
    public var randomMean: Double
    /// Prompts where N was capped at pool size − 1.
    public var cappedPrompts: Int

    public init(neighbours: Int, mean: Double, median: Double, randomMean: Double, cappedPrompts: Int) {
        self.neighbours = neighbours
        self.mean = mean
        self.median = median
        self.randomMean = randomMean
        self.cappedPrompts = cappedPrompts
    }

    enum CodingKeys: String, CodingKey {
        case neighbours, mean, median
        case randomMean = "random_mean"
        case cappedPrompts = "capped_prompts"
    }
}
