public import PlauditCore
public import PlauditRuntime

/// Validity from a scorer, for responses nothing else decides: the last source in the order of
/// precedence (`valid` flags in the data, then human ratings with a threshold, then this). A
/// response is valid when its score is at or above the threshold. An empty or whitespace-only
/// response is invalid without asking (a rule, counted apart), and a response the scorer could
/// not score is invalid too: validity is never assumed where it was asked for.
public struct ScoredValidity: Sendable, Hashable {
    /// The scorer's name and the threshold.
    public var scorer: String
    public var threshold: Double
    /// Responses this source decided, by verdict.
    public var valid = 0
    public var invalid = 0
    /// Of the invalid: empty or whitespace-only, and not scored (a failure).
    public var empty = 0
    public var unscored = 0
    /// Responses an earlier stage decided instead (flags, labels, rules, human ratings).
    public var decidedElsewhere = 0

    public init(scorer: String, threshold: Double, valid: Int = 0, invalid: Int = 0, empty: Int = 0, unscored: Int = 0, decidedElsewhere: Int = 0) {
        self.scorer = scorer
        self.threshold = threshold
        self.valid = valid
        self.invalid = invalid
        self.empty = empty
        self.unscored = unscored
        self.decidedElsewhere = decidedElsewhere
    }

    /// Applies `table` (the scorer's scores of `data`, item by item) to every response of
    /// `data` without a `valid` flag and without a human verdict under `humanThreshold`.
    public static func apply(_ table: ScoredTable, threshold: Double, humanThreshold: Double?, to data: inout Dataset) -> ScoredValidity {
        var outcome = ScoredValidity(scorer: table.descriptor.name, threshold: threshold)
        for i in data.items.indices {
            for j in data.items[i].responses.indices {
                let response = data.items[i].responses[j]
                if response.valid != nil || (humanThreshold != nil && response.humanMean != nil) {
                    outcome.decidedElsewhere += 1
                    continue
                }
                let verdict: Bool
                if response.text.allSatisfy(\.isWhitespace) {
                    outcome.empty += 1
                    verdict = false
                } else if let score = table.scores[i][j] {
                    verdict = score >= threshold
                } else {
                    outcome.unscored += 1
                    verdict = false
                }
                data.items[i].responses[j].valid = verdict
                if verdict { outcome.valid += 1 } else { outcome.invalid += 1 }
            }
        }
        return outcome
    }

    /// The results' validity source: which scorer decided, at what threshold, with the counts.
    public var source: String {
        var parts = ["\(valid) valid, \(invalid) invalid"]
        if empty > 0 { parts.append("\(empty) empty") }
        if unscored > 0 { parts.append("\(unscored) not scored, counted invalid") }
        if decidedElsewhere > 0 { parts.append("\(decidedElsewhere) decided before it") }
        return "validity scorer \(scorer), score ≥ \(threshold) (\(parts.joined(separator: "; ")))"
    }

    /// The manifest's counts.
    public var counts: [String: Int] {
        ["validity_valid": valid, "validity_invalid": invalid, "validity_empty": empty, "validity_unscored": unscored]
    }
}
