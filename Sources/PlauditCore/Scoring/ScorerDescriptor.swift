/// What a scorer is, for manifests and reports. Never holds credentials.
public struct ScorerDescriptor: Codable, Hashable, Sendable {
    /// The kind of scorer, matching the study's three scorer classes.
    public enum Kind: String, Codable, Sendable {
        case rewardModel = "reward-model"
        case judge
        /// A judge that compares two answers (a pairwise rubric).
        case pairwiseJudge = "pairwise-judge"
        case perplexity
        /// Scores read from the dataset or a scores file.
        case precomputed
    }

    /// Unique name in one run; the key of results.
    public var name: String
    public var kind: Kind
    /// Backend kind, for example `llama.cpp` or `scores-file`.
    public var backend: String
    /// Model name or file, when there is one.
    public var model: String?
    /// Rubric id, version and SHA-256, for judges.
    public var rubric: RubricReference?

    public init(name: String, kind: Kind, backend: String, model: String? = nil, rubric: RubricReference? = nil) {
        self.name = name
        self.kind = kind
        self.backend = backend
        self.model = model
        self.rubric = rubric
    }
}

/// Identifies a rubric exactly: edit one character and the hash changes.
public struct RubricReference: Codable, Hashable, Sendable {
    public var id: String
    public var version: String
    public var sha256: String

    public init(id: String, version: String, sha256: String) {
        self.id = id
        self.version = version
        self.sha256 = sha256
    }
}
