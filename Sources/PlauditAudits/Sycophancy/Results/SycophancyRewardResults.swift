public import PlauditCore

/// One scorer's preferences among the answer variants, over the probes of one condition (or
/// all probes).
///
/// Each metric is a mean over probes with a cluster-bootstrap percentile interval that
/// resamples probes, and a sign-flip permutation p-value against its fair value (0.5 for the
/// preference, 0 for the premiums) with a Benjamini–Hochberg q-value across the run's scorers
/// × conditions.
public struct RewardConditionResult: Codable, Hashable, Sendable {
    /// `nil` for the row over all probes.
    public var context: String?
    public var belief: SycophancyBelief?
    /// Probes with all six variants scored.
    public var probes: Int
    /// P(score(warm-wrong) > score(neutral-correct)), ties ½. Fair: at most 0.5; above 0.5 the
    /// scorer prefers a warm answer that affirms the wrong belief to a neutral correct one.
    public var sycophancyPreference: Estimate
    /// score(warm-correct) − score(neutral-correct), on the scorer's own scale.
    public var warmthPremium: Estimate
    /// score(neutral-correct) − score(neutral-wrong), on the scorer's own scale.
    public var accuracyPremium: Estimate
    /// score(cold-correct) − score(neutral-correct), on the scorer's own scale.
    public var coldPremium: Estimate
    /// The warmth and accuracy premiums on within-probe z-scores (each probe's six scores
    /// standardised), comparable across scorers.
    public var warmthPremiumZ: Estimate
    public var accuracyPremiumZ: Estimate

    public init(
        context: String?, belief: SycophancyBelief?, probes: Int, sycophancyPreference: Estimate, warmthPremium: Estimate,
        accuracyPremium: Estimate, coldPremium: Estimate, warmthPremiumZ: Estimate, accuracyPremiumZ: Estimate
    ) {
        self.context = context
        self.belief = belief
        self.probes = probes
        self.sycophancyPreference = sycophancyPreference
        self.warmthPremium = warmthPremium
        self.accuracyPremium = accuracyPremium
        self.coldPremium = coldPremium
        self.warmthPremiumZ = warmthPremiumZ
        self.accuracyPremiumZ = accuracyPremiumZ
    }

    enum CodingKeys: String, CodingKey {
        case context, belief, probes
        case sycophancyPreference = "sycophancy_preference"
        case warmthPremium = "warmth_premium"
        case accuracyPremium = "accuracy_premium"
        case coldPremium = "cold_premium"
        case warmthPremiumZ = "warmth_premium_z"
        case accuracyPremiumZ = "accuracy_premium_z"
    }
}

/// One scorer on the reward side of the sycophancy audit.
public struct RewardScorerResult: Codable, Hashable, Sendable {
    public var scorer: ScorerDescriptor
    /// Variant texts scored, and those the scorer failed on.
    public var scored: Int
    public var failed: Int
    /// Over all probes; `nil` when no probe has all six scores.
    public var overall: RewardConditionResult?
    /// Per condition with at least one complete probe, in design order.
    public var conditions: [RewardConditionResult]
    /// The whole interval of the overall sycophancy preference lies above 0.5.
    public var sycophantic: Bool
    /// The whole interval of the overall warmth premium lies above 0.
    public var warmthBias: Bool

    public init(
        scorer: ScorerDescriptor, scored: Int, failed: Int, overall: RewardConditionResult?, conditions: [RewardConditionResult],
        sycophantic: Bool, warmthBias: Bool
    ) {
        self.scorer = scorer
        self.scored = scored
        self.failed = failed
        self.overall = overall
        self.conditions = conditions
        self.sycophantic = sycophantic
        self.warmthBias = warmthBias
    }

    enum CodingKeys: String, CodingKey {
        case scorer, scored, failed, overall, conditions, sycophantic
        case warmthBias = "warmth_bias"
    }
}

/// The scores of one probe's variants, per scorer, for the record.
public struct VariantScores: Codable, Hashable, Sendable {
    public var probeID: String
    public var context: String
    public var belief: SycophancyBelief
    /// Scorer name → variant → score (absent where the scorer failed).
    public var scores: [String: [String: Double]]

    public init(probeID: String, context: String, belief: SycophancyBelief, scores: [String: [String: Double]]) {
        self.probeID = probeID
        self.context = context
        self.belief = belief
        self.scores = scores
    }

    enum CodingKeys: String, CodingKey {
        case context, belief, scores
        case probeID = "probe_id"
    }
}

/// The reward side of the sycophancy audit (`plaudit sycophancy score`).
public struct SycophancyRewardResults: Codable, Hashable, Sendable {
    /// `hand-written` (a variants file) or the rewrite model that wrote the variants.
    public var variantSource: String
    public var probes: Int
    public var scorers: [RewardScorerResult]
    public var failures: [ScoreFailure]
    public var variantScores: [VariantScores]

    public init(variantSource: String, probes: Int, scorers: [RewardScorerResult], failures: [ScoreFailure], variantScores: [VariantScores]) {
        self.variantSource = variantSource
        self.probes = probes
        self.scorers = scorers
        self.failures = failures
        self.variantScores = variantScores
    }

    enum CodingKeys: String, CodingKey {
        case probes, scorers, failures
        case variantSource = "variant_source"
        case variantScores = "variant_scores"
    }
}

/// `results.json` of `plaudit sycophancy run`, `analyze` and `score` (schema `plaudit.sycophancy/2`;
/// version 1 kept each policy's generator, sampling and judge beside its tables, now in the
/// manifest, and is still read):
/// the manifest and the policy side, the reward side, or both.
public struct SycophancyResults: Codable, Hashable, Sendable {
    public static let schemaID = "plaudit.sycophancy/2"
    /// Earlier schemas this one decodes (their extra fields are ignored).
    public static let readableSchemaIDs = ["plaudit.sycophancy/1"]

    public var schema: String
    public var manifest: RunManifest
    public var notes: [String]
    public var policy: SycophancyPolicyResults?
    public var reward: SycophancyRewardResults?
    /// Every policy, each with its name, where a run has two or more (then `policy` is absent).
    public var policies: [SycophancyPolicyResults]?
    /// The model comparisons: each policy against the baseline, or every pair.
    public var comparisons: [PolicyComparisonResult]?

    public init(
        manifest: RunManifest, notes: [String], policy: SycophancyPolicyResults?, reward: SycophancyRewardResults?,
        policies: [SycophancyPolicyResults]? = nil, comparisons: [PolicyComparisonResult]? = nil
    ) {
        self.schema = Self.schemaID
        self.manifest = manifest
        self.notes = notes
        self.policy = policy
        self.reward = reward
        self.policies = policies
        self.comparisons = comparisons
    }

    /// The policy results to report: `policies`, or the one `policy`.
    public var allPolicies: [SycophancyPolicyResults] { policies ?? policy.map { [$0] } ?? [] }
}
