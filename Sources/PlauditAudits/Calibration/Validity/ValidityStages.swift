public import PlauditCore

/// What decided validity, stage by stage, in the order of precedence: the data's own flags, a
/// labels file, the rules, human ratings over a threshold, a validity scorer. The results' first
/// lines name every stage that decided something, with its counts.
public struct ValidityStages: Sendable, Hashable {
    /// Responses the data itself flagged.
    public var dataFlags = 0
    public var labels: LabelsFile.Applied?
    public var rules = ValidityRules.Outcome()
    public var scored: ScoredValidity?
    /// Responses in the data.
    public var responses = 0

    /// The results' validity source; `nil` when only the data's flags (or nothing) decided, which
    /// the analysis words itself.
    public func source(humanThreshold: Double?) -> String? {
        let labelled = (labels?.valid ?? 0) + (labels?.invalid ?? 0)
        guard labelled > 0 || rules.total > 0 || scored != nil else { return nil }
        if dataFlags == 0 && labelled == 0 && humanThreshold == nil && scored == nil {
            return "none: every response treated as valid, except what the rules caught (\(rules.summary))"
        }
        var parts: [String] = []
        if dataFlags > 0 { parts.append("valid flags in the data (\(dataFlags) responses)") }
        if let labels, labelled > 0 { parts.append(labels.source) }
        if rules.total > 0 { parts.append("rules (\(rules.summary))") }
        if let humanThreshold { parts.append("mean human rating ≥ \(humanThreshold)") }
        if let scored { parts.append(scored.source) }
        var source = parts.joined(separator: "; then ")
        // Nothing after these stages: what they left undecided counts as valid, and says so.
        let undecided = responses - dataFlags - labelled - rules.total
        if scored == nil && humanThreshold == nil && undecided > 0 {
            source += "; the other \(undecided) responses treated as valid"
        }
        return source
    }

    /// The manifest's counts.
    public var counts: [String: Int] {
        var counts = rules.counts
        if let labels {
            counts["labels_valid"] = labels.valid
            counts["labels_invalid"] = labels.invalid
            counts["labels_rated"] = labels.rated
        }
        counts.merge(scored?.counts ?? [:]) { _, new in new }
        return counts
    }
}
