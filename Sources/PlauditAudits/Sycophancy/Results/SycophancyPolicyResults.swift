public import PlauditCore

/// A policy's answer to one probe and its grade.
public struct GradedAnswer: Codable, Hashable, Sendable {
    public var probeID: String
    public var itemID: String
    public var context: String
    public var belief: SycophancyBelief
    /// The generated text; `nil` when generation failed.
    public var answer: String?
    /// `nil` when generation or grading failed (see `failure`).
    public var grade: AnswerGrade?
    public var method: GradeMethod?
    public var failure: String?

    public init(
        probeID: String, itemID: String, context: String, belief: SycophancyBelief, answer: String?, grade: AnswerGrade?,
        method: GradeMethod?, failure: String? = nil
    ) {
        self.probeID = probeID
        self.itemID = itemID
        self.context = context
        self.belief = belief
        self.answer = answer
        self.grade = grade
        self.method = method
        self.failure = failure
    }

    public var condition: SycophancyCondition { SycophancyCondition(context: context, belief: belief) }

    enum CodingKeys: String, CodingKey {
        case context, belief, answer, grade, method, failure
        case probeID = "probe_id"
        case itemID = "item_id"
    }
}

/// A paired comparison of error indicators on the items graded in both conditions: McNemar's
/// exact test on the discordant pairs.
public struct PairedComparison: Codable, Hashable, Sendable {
    /// Items graded CORRECT or INCORRECT in both conditions.
    public var pairs: Int
    /// Correct in the reference condition, incorrect in this one (new errors).
    public var b: Int
    /// Incorrect in the reference condition, correct in this one.
    public var c: Int
    /// Error rate here minus in the reference, on the paired items: (b − c) / pairs.
    public var delta: Double?
    public var pValue: Double?
    /// Benjamini–Hochberg across the comparisons of the same table.
    public var qValue: Double?

    public init(pairs: Int, b: Int, c: Int, delta: Double?, pValue: Double?, qValue: Double? = nil) {
        self.pairs = pairs
        self.b = b
        self.c = c
        self.delta = delta
        self.pValue = pValue
        self.qValue = qValue
    }

    enum CodingKeys: String, CodingKey {
        case pairs, b, c, delta
        case pValue = "p_value"
        case qValue = "q_value"
    }
}

/// Error rate and its change in one condition of the policy run.
public struct PolicyConditionResult: Codable, Hashable, Sendable {
    public var context: String
    public var contextGroup: String
    public var belief: SycophancyBelief
    public var probes: Int
    public var correct: Int
    public var incorrect: Int
    public var refusals: Int
    /// Answers that could not be generated or graded.
    public var failures: Int
    /// INCORRECT / (CORRECT + INCORRECT), with a Wilson 95% interval; `nil` when nothing was graded.
    public var errorRate: Estimate?
    /// Against the unmodified condition (none × none); `nil` for that condition itself.
    public var versusUnmodified: PairedComparison?

    public init(
        context: String, contextGroup: String, belief: SycophancyBelief, probes: Int, correct: Int, incorrect: Int, refusals: Int,
        failures: Int, errorRate: Estimate?, versusUnmodified: PairedComparison?
    ) {
        self.context = context
        self.contextGroup = contextGroup
        self.belief = belief
        self.probes = probes
        self.correct = correct
        self.incorrect = incorrect
        self.refusals = refusals
        self.failures = failures
        self.errorRate = errorRate
        self.versusUnmodified = versusUnmodified
    }

    public var condition: SycophancyCondition { SycophancyCondition(context: context, belief: belief) }

    enum CodingKeys: String, CodingKey {
        case context, belief, probes, correct, incorrect, refusals, failures
        case contextGroup = "context_group"
        case errorRate = "error_rate"
        case versusUnmodified = "versus_unmodified"
    }
}

/// How often a policy goes along with a wrong answer the user stated, in one context.
public struct AffirmationResult: Codable, Hashable, Sendable {
    public var context: String
    /// Share of graded answers that are INCORRECT after "I think the answer is {incorrect}.",
    /// with a Wilson 95% interval.
    public var rate: Estimate?
    /// The incorrect-belief condition against the same context's neutral lead-in control: the
    /// change the belief itself makes.
    public var versusNeutral: PairedComparison?

    public init(context: String, rate: Estimate?, versusNeutral: PairedComparison?) {
        self.context = context
        self.rate = rate
        self.versusNeutral = versusNeutral
    }

    enum CodingKeys: String, CodingKey {
        case context, rate
        case versusNeutral = "versus_neutral"
    }
}

/// How the answers were graded.
public struct GradingCounts: Codable, Hashable, Sendable {
    /// Grades by method and label, such as `string-match/CORRECT` or `judge/REFUSAL`.
    public var byMethod: [String: Int]
    public var generationFailures: Int
    public var judgeFailures: Int

    public init(byMethod: [String: Int], generationFailures: Int, judgeFailures: Int) {
        self.byMethod = byMethod
        self.generationFailures = generationFailures
        self.judgeFailures = judgeFailures
    }

    enum CodingKeys: String, CodingKey {
        case byMethod = "by_method"
        case generationFailures = "generation_failures"
        case judgeFailures = "judge_failures"
    }
}

/// The policy side of the sycophancy audit (`plaudit sycophancy run` and `analyze`): what the
/// answers were and what they show. How they were produced (the generator, its sampling, the
/// judge) is the manifest's, so answers graded elsewhere and answers generated here give the
/// same object.
public struct SycophancyPolicyResults: Codable, Hashable, Sendable {
    /// The policy's name: a generator's, `smollm2-135m` (the built-in model), a variant's, or (`analyze`) the `model` column.
    public var name: String?
    public var items: Int
    /// The 36 conditions in design order, the unmodified one first.
    public var conditions: [PolicyConditionResult]
    public var affirmation: [AffirmationResult]
    public var grading: GradingCounts
    public var answers: [GradedAnswer]

    public init(
        name: String?, items: Int, conditions: [PolicyConditionResult], affirmation: [AffirmationResult], grading: GradingCounts,
        answers: [GradedAnswer]
    ) {
        self.name = name
        self.items = items
        self.conditions = conditions
        self.affirmation = affirmation
        self.grading = grading
        self.answers = answers
    }
}
