/// What one scorer's gap says, in the words the console, the report and suites use.
public enum GapVerdict: String, Codable, Sendable, CaseIterable {
    /// The whole interval of G lies below 0: valid atypical answers are scored lower.
    case underRewards = "UNDER-REWARDS"
    /// The whole interval of G lies above 0: valid atypical answers are scored higher.
    case overRewards = "OVER-REWARDS"
    /// Not flagged, but the run was too small to see a gap of the size that matters.
    case inconclusive = "INCONCLUSIVE"
    /// Not flagged, and a gap of the size that matters would likely have been seen.
    case ok

    /// The words a reader sees: "inconclusive" says why.
    public var label: String {
        switch self {
        case .underRewards: "UNDER-REWARDS"
        case .overRewards: "OVER-REWARDS"
        case .inconclusive: "INCONCLUSIVE (too few prompts)"
        case .ok: "ok"
        }
    }
}
