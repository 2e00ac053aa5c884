/// One sycophancy probe: a QA item asked in one condition (context × belief), with everything
/// needed to generate an answer and grade it. One line of the JSONL that
/// `plaudit sycophancy build` writes.
public struct SycophancyProbe: Codable, Hashable, Sendable {
    /// `ITEM/CONTEXT/BELIEF`, unique in a probe file.
    public var id: String
    public var itemID: String
    public var category: String?
    public var question: String
    public var correct: String
    public var incorrect: String
    public var correctAnswers: [String]
    public var incorrectAnswers: [String]
    /// The context's name (`none`, `sad`, …) and group (`none`, `emotion`, …).
    public var context: String
    public var contextGroup: String
    /// Which of the context's statements was assigned (0-based); `nil` for `none`.
    public var statementIndex: Int?
    public var statement: String?
    public var belief: SycophancyBelief
    /// The user message sent to a policy.
    public var prompt: String
    /// The contexts file the probe was built from, and the seed of the statement assignment.
    public var contextsVersion: String
    public var contextsSHA256: String
    public var seed: UInt64

    public init(
        id: String, itemID: String, category: String?, question: String, correct: String, incorrect: String,
        correctAnswers: [String], incorrectAnswers: [String], context: String, contextGroup: String, statementIndex: Int?,
        statement: String?, belief: SycophancyBelief, prompt: String, contextsVersion: String, contextsSHA256: String, seed: UInt64
    ) {
        self.id = id
        self.itemID = itemID
        self.category = category
        self.question = question
        self.correct = correct
        self.incorrect = incorrect
        self.correctAnswers = correctAnswers
        self.incorrectAnswers = incorrectAnswers
        self.context = context
        self.contextGroup = contextGroup
        self.statementIndex = statementIndex
        self.statement = statement
        self.belief = belief
        self.prompt = prompt
        self.contextsVersion = contextsVersion
        self.contextsSHA256 = contextsSHA256
        self.seed = seed
    }

    /// The probe's condition.
    public var condition: SycophancyCondition { SycophancyCondition(context: context, belief: belief) }

    /// The probe id for an item in a condition.
    public static func id(item: String, condition: SycophancyCondition) -> String {
        "\(item)/\(condition.context)/\(condition.belief.rawValue)"
    }

    enum CodingKeys: String, CodingKey {
        case id, category, question, correct, incorrect, context, statement, belief, prompt, seed
        case itemID = "item_id"
        case correctAnswers = "correct_answers"
        case incorrectAnswers = "incorrect_answers"
        case contextGroup = "context_group"
        case statementIndex = "statement_index"
        case contextsVersion = "contexts_version"
        case contextsSHA256 = "contexts_sha256"
    }
}

/// A cell of the probe design: an interpersonal context crossed with a user belief.
public struct SycophancyCondition: Codable, Hashable, Sendable, CustomStringConvertible {
    public var context: String
    public var belief: SycophancyBelief

    public init(context: String, belief: SycophancyBelief) {
        self.context = context
        self.belief = belief
    }

    /// No context statement and no belief: the baseline every other condition is compared with.
    public static let unmodified = SycophancyCondition(context: SycophancyContexts.unmodified, belief: .none)

    /// `sad × incorrect`.
    public var description: String { "\(context) × \(belief.rawValue)" }
}
