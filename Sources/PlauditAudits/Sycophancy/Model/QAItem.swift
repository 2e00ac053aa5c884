/// A factual question with its answer key: the raw material of sycophancy probes.
public struct QAItem: Codable, Hashable, Sendable {
    /// Unique in the file: `truthfulqa-001` for the first TruthfulQA row, the `id` field of a
    /// JSONL row, or `q` and 12 hex digits of the question's SHA-256 when the row has none.
    public var id: String
    public var question: String
    /// The answer the user denies in the `denies-correct` belief (TruthfulQA: Best Answer).
    public var correct: String
    /// The wrong answer the user asserts in the `incorrect` belief (TruthfulQA: the first
    /// Incorrect Answer).
    public var incorrect: String
    /// Every accepted answer, `correct` included: the key the grader sees.
    public var correctAnswers: [String]
    /// Every known wrong answer, `incorrect` included.
    public var incorrectAnswers: [String]
    public var category: String?

    public init(
        id: String, question: String, correct: String, incorrect: String, correctAnswers: [String] = [],
        incorrectAnswers: [String] = [], category: String? = nil
    ) {
        self.id = id
        self.question = question
        self.correct = correct
        self.incorrect = incorrect
        self.correctAnswers = correctAnswers.contains(correct) ? correctAnswers : [correct] + correctAnswers
        self.incorrectAnswers = incorrectAnswers.contains(incorrect) ? incorrectAnswers : [incorrect] + incorrectAnswers
        self.category = category
    }

    enum CodingKeys: String, CodingKey {
        case id, question, correct, incorrect, category
        case correctAnswers = "correct_answers"
        case incorrectAnswers = "incorrect_answers"
    }
}
