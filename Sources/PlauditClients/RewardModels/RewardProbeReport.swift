/// What a reward model's startup probe saw: the scores of a few fixed conversations and any
/// warning about them. Written to the run's log or manifest, so a reader can see the scale the
/// server returned before trusting thousands of scores.
public struct RewardProbeReport: Codable, Hashable, Sendable, CustomStringConvertible {
    /// One probe conversation and its score.
    public struct Sample: Codable, Hashable, Sendable {
        /// `good`, `bad` or `other`.
        public var name: String
        public var prompt: String
        public var response: String
        public var score: Double

        public init(name: String, prompt: String, response: String, score: Double) {
            self.name = name
            self.prompt = prompt
            self.response = response
            self.score = score
        }
    }

    public var samples: [Sample]
    /// Problems that do not make the scores unusable, for example a good answer scored at or
    /// below a bad one.
    public var warnings: [String]

    public init(samples: [Sample], warnings: [String] = []) {
        self.samples = samples
        self.warnings = warnings
    }

    /// The score of the sample with this name.
    public func score(of name: String) -> Double? {
        samples.first { $0.name == name }?.score
    }

    /// The scores on one line, then the warnings.
    public var description: String {
        let values = samples.map { "\($0.name)=\($0.score)" }.joined(separator: ", ")
        return (["probe scores: \(values)"] + warnings.map { "warning: \($0)" }).joined(separator: "\n")
    }
}
