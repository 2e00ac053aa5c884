/// One policy's grades, by condition and item: what the model comparison pairs up.
///
/// A `nil` grade is a failure (no answer, or none the grader could decide); it pairs with
/// nothing, like a refusal.
public struct PolicyGrades: Sendable {
    /// The policy's name in results (a configured generator, or the `model` column of a graded file).
    public var name: String
    public var grades: [SycophancyCondition: [String: AnswerGrade?]]

    public init(name: String, grades: [SycophancyCondition: [String: AnswerGrade?]]) {
        self.name = name
        self.grades = grades
    }

    /// Grades from a policy's answers. Each (item, condition) must be answered once: the
    /// readers reject duplicates before this point, and a repeat here keeps the first answer.
    public init(name: String, answers: [GradedAnswer]) {
        var grades: [SycophancyCondition: [String: AnswerGrade?]] = [:]
        for answer in answers where grades[answer.condition]?[answer.itemID] == nil {
            grades[answer.condition, default: [:]][answer.itemID] = .some(answer.grade)
        }
        self.init(name: name, grades: grades)
    }

    /// The grade of `item` in `condition` when it counts for error rates (CORRECT or
    /// INCORRECT): `true` for an error, `nil` for a refusal, a failure or no answer.
    func error(_ condition: SycophancyCondition, _ item: String) -> Bool? {
        switch grades[condition]?[item] ?? nil {
        case .correct: false
        case .incorrect: true
        case .refusal, nil: nil
        }
    }
}
