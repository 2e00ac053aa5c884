public import PlauditCore

/// The results of `plaudit monoculture`: the file `results.json`.
///
/// `schema` names the layout and its version; a change that removes or renames a field bumps
/// the version.
public struct MonocultureResults: Codable, Hashable, Sendable {
    public static let schemaID = "plaudit.monoculture/1"

    public var schema: String
    public var manifest: RunManifest
    /// Where each text's sentiment came from, in words (labels in the data, VADER, a classifier,
    /// a judge).
    public var sentimentSource: String
    /// Edges of the histogram of per-item positive shares.
    public var bins: [Double]
    /// Plain-language caveats the report shows first.
    public var notes: [String]
    /// The source side first, then each generated configuration.
    public var sides: [SideSummary]
    /// Each generated configuration against the source, over the items both have.
    public var comparisons: [SideComparison]
    /// The reward models' positivity premium on the source texts, one entry per scorer.
    public var premium: [PremiumResult]
    public var items: [MonocultureItemResult]
    /// Texts a judge or scorer could not score.
    public var failures: [ScoreFailure]
    public var skippedRows: [InputError]

    public init(
        manifest: RunManifest, sentimentSource: String, bins: [Double], notes: [String], sides: [SideSummary],
        comparisons: [SideComparison], premium: [PremiumResult], items: [MonocultureItemResult], failures: [ScoreFailure],
        skippedRows: [InputError]
    ) {
        self.schema = Self.schemaID
        self.manifest = manifest
        self.sentimentSource = sentimentSource
        self.bins = bins
        self.notes = notes
        self.sides = sides
        self.comparisons = comparisons
        self.premium = premium
        self.items = items
        self.failures = failures
        self.skippedRows = skippedRows
    }

    enum CodingKeys: String, CodingKey {
        case schema, manifest, bins, notes, sides, comparisons, premium, items, failures
        case sentimentSource = "sentiment_source"
        case skippedRows = "skipped_rows"
    }
}

/// One side (the source, or a generated configuration) over all items that have it.
public struct SideSummary: Codable, Hashable, Sendable {
    public var name: String
    /// Items with at least one text whose sentiment is known.
    public var items: Int
    public var texts: Int
    /// Positive texts over all texts, with a bootstrap interval over items.
    public var positiveShare: Estimate
    /// Mean over items of the item's positive share (items weighted equally).
    public var meanItemPositiveShare: Double
    /// Mean over items of the population SD of the 0/1 positive indicator.
    public var meanItemStandardDeviation: Double
    /// Mean over items of the entropy (bits) of the item's label counts, with a bootstrap interval.
    public var meanItemEntropy: Estimate
    /// Items per bin of positive share (``MonocultureResults/bins``).
    public var histogram: [Int]
    /// Mean continuous sentiment (VADER compound, classifier or judge score in [−1, 1]), when known.
    public var meanCompound: Double?
    /// Mean over items of the entropy (bits) of the side's embedding-cluster ids.
    public var meanTopicEntropy: Double?
    /// Mean over items of the number of distinct embedding clusters among the side's texts.
    public var meanTopicClusters: Double?
    /// Mean over items of the mean pairwise cosine similarity of the side's texts (higher: more alike).
    public var meanPairwiseCosine: Double?
    public var wording: WordingSummary?

    public init(
        name: String, items: Int, texts: Int, positiveShare: Estimate, meanItemPositiveShare: Double,
        meanItemStandardDeviation: Double, meanItemEntropy: Estimate, histogram: [Int], meanCompound: Double? = nil,
        meanTopicEntropy: Double? = nil, meanTopicClusters: Double? = nil, meanPairwiseCosine: Double? = nil,
        wording: WordingSummary? = nil
    ) {
        self.name = name
        self.items = items
        self.texts = texts
        self.positiveShare = positiveShare
        self.meanItemPositiveShare = meanItemPositiveShare
        self.meanItemStandardDeviation = meanItemStandardDeviation
        self.meanItemEntropy = meanItemEntropy
        self.histogram = histogram
        self.meanCompound = meanCompound
        self.meanTopicEntropy = meanTopicEntropy
        self.meanTopicClusters = meanTopicClusters
        self.meanPairwiseCosine = meanPairwiseCosine
        self.wording = wording
    }

    enum CodingKeys: String, CodingKey {
        case name, items, texts, histogram, wording
        case positiveShare = "positive_share"
        case meanItemPositiveShare = "mean_item_positive_share"
        case meanItemStandardDeviation = "mean_item_sd"
        case meanItemEntropy = "mean_item_entropy"
        case meanCompound = "mean_compound"
        case meanTopicEntropy = "mean_topic_entropy"
        case meanTopicClusters = "mean_topic_clusters"
        case meanPairwiseCosine = "mean_pairwise_cosine"
    }
}

/// Word frequencies pooled over one side's texts.
public struct WordingSummary: Codable, Hashable, Sendable {
    public var tokens: Int
    /// Distinct words.
    public var vocabulary: Int
    /// Shannon entropy (bits) of the word-frequency distribution.
    public var entropy: Double
    /// Cosine similarity of this side's word-count vector to the source's (1 for the source).
    public var cosineToSource: Double?

    public init(tokens: Int, vocabulary: Int, entropy: Double, cosineToSource: Double?) {
        self.tokens = tokens
        self.vocabulary = vocabulary
        self.entropy = entropy
        self.cosineToSource = cosineToSource
    }

    enum CodingKeys: String, CodingKey {
        case tokens, vocabulary, entropy
        case cosineToSource = "cosine_to_source"
    }
}

/// A generated configuration against the source, over the items both sides have.
public struct SideComparison: Codable, Hashable, Sendable {
    public var configuration: String
    public var sharedItems: Int
    /// Mean over shared items of (generated − source) positive share.
    public var meanDelta: Estimate
    /// Mean over shared items of |generated − source| positive share.
    public var meanAbsoluteDelta: Estimate
    /// Wasserstein-1 distance between the two sides' per-item positive shares.
    public var wasserstein: Estimate
    /// The same two on per-item mean compound, when both sides have continuous sentiment.
    public var compoundMeanAbsoluteDelta: Estimate?
    public var compoundWasserstein: Estimate?
    /// Mean over shared items of (generated − source) topic entropy, and of mean pairwise cosine.
    public var topicEntropyDifference: Estimate?
    public var pairwiseCosineDifference: Estimate?

    public init(
        configuration: String, sharedItems: Int, meanDelta: Estimate, meanAbsoluteDelta: Estimate, wasserstein: Estimate,
        compoundMeanAbsoluteDelta: Estimate? = nil, compoundWasserstein: Estimate? = nil,
        topicEntropyDifference: Estimate? = nil, pairwiseCosineDifference: Estimate? = nil
    ) {
        self.configuration = configuration
        self.sharedItems = sharedItems
        self.meanDelta = meanDelta
        self.meanAbsoluteDelta = meanAbsoluteDelta
        self.wasserstein = wasserstein
        self.compoundMeanAbsoluteDelta = compoundMeanAbsoluteDelta
        self.compoundWasserstein = compoundWasserstein
        self.topicEntropyDifference = topicEntropyDifference
        self.pairwiseCosineDifference = pairwiseCosineDifference
    }

    enum CodingKeys: String, CodingKey {
        case configuration, wasserstein
        case sharedItems = "shared_items"
        case meanDelta = "mean_delta"
        case meanAbsoluteDelta = "mean_abs_delta"
        case compoundMeanAbsoluteDelta = "compound_mean_abs_delta"
        case compoundWasserstein = "compound_wasserstein"
        case topicEntropyDifference = "topic_entropy_difference"
        case pairwiseCosineDifference = "pairwise_cosine_difference"
    }
}

/// One scorer's positivity premium on the source texts.
public struct PremiumResult: Codable, Hashable, Sendable {
    public var scorer: ScorerDescriptor
    /// Items with at least two scored texts.
    public var items: Int
    public var scored: Int
    public var failed: Int
    /// Within-item slope of the score's z on sentiment (per unit of compound), controlling for
    /// log length; `nil` when sentiment or scores do not vary within items.
    public var zSlope: Estimate?
    /// The same slope on the scorer's own scale.
    public var rawSlope: Estimate?
    /// Share of same-item pairs of similar length where the more positive text scores higher
    /// (ties ½; 0.5 is no premium), averaged per item, then over items.
    public var pairRate: Estimate?
    public var pairs: Int
    public var pairItems: Int
    /// `pays for positivity` (the z-slope's interval lies above 0), `penalises positivity` (below
    /// 0), `no clear premium`, or `not estimable`.
    public var verdict: String

    public init(
        scorer: ScorerDescriptor, items: Int, scored: Int, failed: Int, zSlope: Estimate?, rawSlope: Estimate?,
        pairRate: Estimate?, pairs: Int, pairItems: Int, verdict: String
    ) {
        self.scorer = scorer
        self.items = items
        self.scored = scored
        self.failed = failed
        self.zSlope = zSlope
        self.rawSlope = rawSlope
        self.pairRate = pairRate
        self.pairs = pairs
        self.pairItems = pairItems
        self.verdict = verdict
    }

    enum CodingKeys: String, CodingKey {
        case scorer, items, scored, failed, pairs, verdict
        case zSlope = "z_slope"
        case rawSlope = "raw_slope"
        case pairRate = "pair_rate"
        case pairItems = "pair_items"
    }
}

/// One item's per-side statistics.
public struct MonocultureItemResult: Codable, Hashable, Sendable {
    public var id: String
    public var title: String?
    /// By side name (`source` or a configuration).
    public var sides: [String: ItemSideStatistics]

    public init(id: String, title: String?, sides: [String: ItemSideStatistics]) {
        self.id = id
        self.title = title
        self.sides = sides
    }
}

/// The attributes of one side of one item.
public struct ItemSideStatistics: Codable, Hashable, Sendable {
    /// Texts whose sentiment is known.
    public var texts: Int
    public var positive: Int
    public var neutral: Int
    public var negative: Int
    public var positiveShare: Double
    /// Population SD (numpy's `std`) of the 0/1 positive indicator.
    public var standardDeviation: Double
    /// Entropy (bits) of the label counts.
    public var entropy: Double
    public var meanCompound: Double?
    public var topicClusters: Int?
    public var topicEntropy: Double?
    public var meanPairwiseCosine: Double?

    public init(
        texts: Int, positive: Int, neutral: Int, negative: Int, positiveShare: Double, standardDeviation: Double,
        entropy: Double, meanCompound: Double? = nil, topicClusters: Int? = nil, topicEntropy: Double? = nil,
        meanPairwiseCosine: Double? = nil
    ) {
        self.texts = texts
        self.positive = positive
        self.neutral = neutral
        self.negative = negative
        self.positiveShare = positiveShare
        self.standardDeviation = standardDeviation
        self.entropy = entropy
        self.meanCompound = meanCompound
        self.topicClusters = topicClusters
        self.topicEntropy = topicEntropy
        self.meanPairwiseCosine = meanPairwiseCosine
    }

    enum CodingKeys: String, CodingKey {
        case texts, positive, neutral, negative, entropy
        case positiveShare = "positive_share"
        case standardDeviation = "sd"
        case meanCompound = "mean_compound"
        case topicClusters = "topic_clusters"
        case topicEntropy = "topic_entropy"
        case meanPairwiseCosine = "mean_pairwise_cosine"
    }
}
