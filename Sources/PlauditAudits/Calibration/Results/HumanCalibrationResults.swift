public import PlauditCore

/// How well each scorer tracks human judgments, overall and where humans see similar quality
/// or disagree: the Artificial Hivemind analysis (research/hivemind.md §1), with the
/// confidence intervals the paper does not give.
public struct HumanCalibrationResults: Codable, Hashable, Sendable {
    /// Responses with human ratings, and pairs with preference labels.
    public var ratedResponses: Int
    public var labelledPairs: Int
    /// How subsets were chosen, in words, for the report.
    public var rules: [String]
    public var scorers: [ScorerHumanCalibration]
    /// Mean ρ over the scorers of each class (reward model, judge, perplexity, …), subset by
    /// subset: the series the paper plots.
    public var classes: [ScorerClassSeries]

    public init(ratedResponses: Int, labelledPairs: Int, rules: [String], scorers: [ScorerHumanCalibration], classes: [ScorerClassSeries]) {
        self.ratedResponses = ratedResponses
        self.labelledPairs = labelledPairs
        self.rules = rules
        self.scorers = scorers
        self.classes = classes
    }

    enum CodingKeys: String, CodingKey {
        case rules, scorers, classes
        case ratedResponses = "rated_responses"
        case labelledPairs = "labelled_pairs"
    }
}

/// One scorer's correlations with human labels, subset by subset.
public struct ScorerHumanCalibration: Codable, Hashable, Sendable {
    public var scorer: String
    public var kind: ScorerDescriptor.Kind
    /// Score vs mean human rating, per subset of rated responses.
    public var absolute: [SubsetCorrelation]
    /// Score difference (or a pairwise judge's preference) vs mean preference label, per
    /// subset of labelled pairs.
    public var pairwise: [SubsetCorrelation]

    public init(scorer: String, kind: ScorerDescriptor.Kind, absolute: [SubsetCorrelation], pairwise: [SubsetCorrelation]) {
        self.scorer = scorer
        self.kind = kind
        self.absolute = absolute
        self.pairwise = pairwise
    }
}

/// Which subset of the human-labelled data a correlation is computed on.
public struct HumanSubset: Codable, Hashable, Sendable {
    /// `all`, `similar-quality` or `disagreement`.
    public var family: String
    /// Tukey k, or the percentage p kept; `nil` for `all`.
    public var parameter: Double?
    /// For tables and chart axes, for example `k = 1.5` or `top 10%`.
    public var label: String
    /// Responses or pairs the rule keeps (whether or not a given scorer scored them).
    public var size: Int

    public init(family: String, parameter: Double?, label: String, size: Int) {
        self.family = family
        self.parameter = parameter
        self.label = label
        self.size = size
    }
}

/// Pooled Spearman ρ on one subset, with a prompt-level cluster-bootstrap interval.
public struct SubsetCorrelation: Codable, Hashable, Sendable {
    public var subset: HumanSubset
    /// Responses or pairs in the subset that this scorer scored.
    public var n: Int
    /// NaN where undefined (fewer than 3 values, or a constant side).
    public var rho: Double
    public var lower: Double
    public var upper: Double

    public init(subset: HumanSubset, n: Int, rho: Double, lower: Double, upper: Double) {
        self.subset = subset
        self.n = n
        self.rho = rho
        self.lower = lower
        self.upper = upper
    }
}

/// The mean ρ of one scorer class per subset.
public struct ScorerClassSeries: Codable, Hashable, Sendable {
    public var kind: ScorerDescriptor.Kind
    public var scorers: [String]
    public var absolute: [ClassPoint]
    public var pairwise: [ClassPoint]

    public init(kind: ScorerDescriptor.Kind, scorers: [String], absolute: [ClassPoint], pairwise: [ClassPoint]) {
        self.kind = kind
        self.scorers = scorers
        self.absolute = absolute
        self.pairwise = pairwise
    }

    /// One point of a class's curve: the subset and the mean of its scorers' ρ (over those
    /// where ρ is defined).
    public struct ClassPoint: Codable, Hashable, Sendable {
        public var subset: HumanSubset
        public var meanRho: Double

        public init(subset: HumanSubset, meanRho: Double) {
            self.subset = subset
            self.meanRho = meanRho
        }

        enum CodingKeys: String, CodingKey {
            case subset
            case meanRho = "mean_rho"
        }
    }
}
