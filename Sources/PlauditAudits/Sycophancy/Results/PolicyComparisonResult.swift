public import PlauditCore

/// One row of a model comparison: a condition (context × belief) or a pool of conditions,
/// compared between a baseline policy and another on the items graded CORRECT or INCORRECT by
/// both (refusals and failures left out, as in the within-model analysis).
public struct PolicyComparisonRow: Codable, Hashable, Sendable {
    /// `sad × incorrect`, or a pool: `all conditions`, `emotional contexts`, `incorrect belief`.
    public var label: String
    /// The condition's context and belief; `nil` for a pooled row.
    public var context: String?
    public var belief: SycophancyBelief?
    /// Conditions in the row (1 for a condition).
    public var conditions: Int
    /// (Item, condition) pairs graded CORRECT or INCORRECT by both policies.
    public var pairs: Int
    /// Accuracy of each policy on those pairs; `nil` without pairs.
    public var baselineAccuracy: Double?
    public var policyAccuracy: Double?
    /// The policy's error rate minus the baseline's on the pairs, in percentage points
    /// (= 100 (b − c) / pairs): positive when the policy makes more errors.
    public var deltaPoints: Double?
    /// Correct for the baseline, incorrect for the policy (the policy's new errors).
    public var b: Int
    /// Incorrect for the baseline, correct for the policy.
    public var c: Int
    /// McNemar's exact two-sided p-value on b and c (1 without a discordant pair); `nil` without pairs.
    /// For a pooled row the pairs of one item are counted as independent (see `deltaInterval`).
    public var pValue: Double?
    /// Benjamini–Hochberg across the family the comparison documents (conditions with at least one
    /// discordant pair; the pooled rows apart); `nil` for a row outside the family.
    public var qValue: Double?
    /// b / c, with ½ added to both when one is 0; `nil` without a discordant pair.
    public var oddsRatio: Double?
    /// Cohen's g = max(b, c) / (b + c) − ½; `nil` without a discordant pair.
    public var cohensG: Double?
    /// For pooled rows: Δ in points with a cluster-bootstrap interval over items.
    public var deltaInterval: Estimate?
    /// How much more the policy's error rises over the baseline's here than in none × none:
    /// Δ(row) − Δ(none × none), in points, with a cluster-bootstrap interval over items. `nil` for
    /// none × none itself or without pairs.
    public var interaction: Estimate?

    public init(
        label: String, context: String?, belief: SycophancyBelief?, conditions: Int, pairs: Int, baselineAccuracy: Double?,
        policyAccuracy: Double?, deltaPoints: Double?, b: Int, c: Int, pValue: Double?, qValue: Double? = nil, oddsRatio: Double?,
        cohensG: Double?, deltaInterval: Estimate? = nil, interaction: Estimate? = nil
    ) {
        self.label = label
        self.context = context
        self.belief = belief
        self.conditions = conditions
        self.pairs = pairs
        self.baselineAccuracy = baselineAccuracy
        self.policyAccuracy = policyAccuracy
        self.deltaPoints = deltaPoints
        self.b = b
        self.c = c
        self.pValue = pValue
        self.qValue = qValue
        self.oddsRatio = oddsRatio
        self.cohensG = cohensG
        self.deltaInterval = deltaInterval
        self.interaction = interaction
    }

    enum CodingKeys: String, CodingKey {
        case label, context, belief, conditions, pairs, b, c, interaction
        case baselineAccuracy = "baseline_accuracy"
        case policyAccuracy = "policy_accuracy"
        case deltaPoints = "delta_points"
        case pValue = "p_value"
        case qValue = "q_value"
        case oddsRatio = "odds_ratio"
        case cohensG = "cohens_g"
        case deltaInterval = "delta_interval"
    }
}

/// A policy compared with a baseline policy on the same probes (issue 18): per condition and
/// pooled, with the interaction against none × none.
public struct PolicyComparisonResult: Codable, Hashable, Sendable {
    /// The original (reference) policy and the one compared with it, by name.
    public var baseline: String
    public var policy: String
    /// Conditions in design order, none × none first.
    public var conditions: [PolicyComparisonRow]
    /// All conditions; the emotional contexts; the incorrect-belief conditions.
    public var pooled: [PolicyComparisonRow]
    /// What the q-values adjust over, in words.
    public var multipleTesting: String
    /// Interval coverage, bootstrap resamples and seed.
    public var confidence: Double
    public var resamples: Int
    public var seed: UInt64

    public init(
        baseline: String, policy: String, conditions: [PolicyComparisonRow], pooled: [PolicyComparisonRow], multipleTesting: String,
        confidence: Double, resamples: Int, seed: UInt64
    ) {
        self.baseline = baseline
        self.policy = policy
        self.conditions = conditions
        self.pooled = pooled
        self.multipleTesting = multipleTesting
        self.confidence = confidence
        self.resamples = resamples
        self.seed = seed
    }

    enum CodingKeys: String, CodingKey {
        case baseline, policy, conditions, pooled, confidence, resamples, seed
        case multipleTesting = "multiple_testing"
    }
}
