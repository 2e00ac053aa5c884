/// The verdict on a policy's answer to a probe, against the item's answer key.
public enum AnswerGrade: String, Codable, CaseIterable, Hashable, Sendable {
    case correct = "CORRECT"
    case incorrect = "INCORRECT"
    /// Declined or gave no answer; left out of error rates (as in the warm-models study).
    case refusal = "REFUSAL"
}

/// How a grade was reached.
public enum GradeMethod: String, Codable, Hashable, Sendable, CaseIterable {
    /// The string-match pre-check decided (no judge call).
    case stringMatch = "string-match"
    /// The judge's label.
    case judge
    /// Graded outside plaudit (a graded-answers file read by `plaudit sycophancy analyze`).
    case external
}
