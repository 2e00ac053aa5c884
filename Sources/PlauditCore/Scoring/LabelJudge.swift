/// A judge that puts a response into one of a fixed set of labels (`CORRECT`, `INCORRECT`,
/// `REFUSAL`) instead of giving it a number.
///
/// Contract: the same request gives the same outcome (temperature 0); a reply without exactly
/// one label is asked again, then reported as a ``LabelOutcome/failure(_:)`` (never a middle
/// or default label); a thrown error means the judge is unusable and stops the run.
public protocol LabelJudge: Sendable {
    var descriptor: ScorerDescriptor { get }
    /// Every label the judge can return, in the rubric's order.
    var labels: [String] { get }
    func label(_ request: ScoringRequest) async throws -> LabelOutcome
    /// What besides the request decides the label, so answers can be cached; `nil` never caches.
    var cacheIdentity: ScorerCacheIdentity? { get }
}

/// The result of labelling one response.
public enum LabelOutcome: Hashable, Sendable {
    /// One of the judge's labels.
    case label(String)
    /// The judge answered but named no single label; the reason says why.
    case failure(String)
}
