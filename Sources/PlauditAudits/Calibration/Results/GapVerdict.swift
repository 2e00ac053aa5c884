import Foundation

/// What the audit concludes about one scorer, in the order it is decided: a scorer that cannot
/// tell valid from invalid answers gets no gap verdict, because its gap says nothing.
public enum GapVerdict: String, Codable, Sendable, CaseIterable {
    /// Valid and invalid answers score alike (the discrimination interval includes chance).
    case blind = "BLIND"
    /// Invalid answers score above valid ones (the whole interval is on the wrong side).
    case prefersInvalid = "PREFERS-INVALID"
    /// The whole interval of G lies below 0: valid atypical answers are scored lower.
    case underRewards = "UNDER-REWARDS"
    /// The whole interval of G lies above 0: valid atypical answers are scored higher.
    case overRewards = "OVER-REWARDS"
    /// Not flagged, but the run was too small to see a gap of the size that matters.
    case inconclusive = "INCONCLUSIVE"
    /// Not flagged, and a gap of the size that matters would likely have been seen.
    case ok

    /// The words a reader sees: "inconclusive" and "blind" say why.
    public var label: String {
        switch self {
        case .blind: "BLIND (cannot tell valid from invalid)"
        case .prefersInvalid: "PREFERS-INVALID"
        case .underRewards: "UNDER-REWARDS"
        case .overRewards: "OVER-REWARDS"
        case .inconclusive: "INCONCLUSIVE (too few prompts)"
        case .ok: "ok"
        }
    }

    /// Reads a verdict as a user types it (`under-rewards`, `BLIND`, `ok`).
    public init?(userText: String) {
        let wanted = userText.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "_", with: "-")
        guard let found = Self.allCases.first(where: { $0.rawValue.uppercased() == wanted }) else { return nil }
        self = found
    }
}
