public import PlauditCore

/// A scorer whose cache identity carries the fingerprint of the model answering behind it, so
/// that answers of a model replaced under the same URL and name are never reused. Scoring is
/// forwarded unchanged; only ``cacheIdentity`` differs from the inner scorer's, by
/// `;fingerprint=<hex>` at the end of its parameters.
public struct FingerprintedScorer: RewardScorer {
    public let inner: any RewardScorer
    public let fingerprint: ModelFingerprint

    public init(_ inner: any RewardScorer, fingerprint: ModelFingerprint) {
        self.inner = inner
        self.fingerprint = fingerprint
    }

    public var descriptor: ScorerDescriptor { inner.descriptor }
    public var batchSize: Int { inner.batchSize }

    public func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        try await inner.score(request)
    }

    public func score(batch: [ScoringRequest]) async throws -> [ScoreOutcome] {
        try await inner.score(batch: batch)
    }

    /// The inner identity without the fingerprint: what the last seen fingerprint is recorded
    /// under (see ``FingerprintRecord``).
    public var baseIdentity: ScorerCacheIdentity? { inner.cacheIdentity }

    public var cacheIdentity: ScorerCacheIdentity? {
        guard var identity = inner.cacheIdentity else { return nil }
        identity.parameters += (identity.parameters.isEmpty ? "" : ";") + "fingerprint=\(fingerprint.hex)"
        return identity
    }
}
