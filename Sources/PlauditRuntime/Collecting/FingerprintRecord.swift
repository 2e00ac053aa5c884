import Foundation
public import PlauditCore

/// The last fingerprint seen for a scorer's identity, kept in the response cache itself as a
/// regular entry, so that a run can say in one line that the model behind a URL changed (and
/// that its answers are asked again) instead of switching cache namespaces in silence.
public enum FingerprintRecord {
    /// The namespace of these entries in `plaudit cache stats`.
    public static let namespace = "fingerprint"

    /// Where the fingerprint of the model behind `identity` (without a fingerprint) is kept.
    public static func key(for identity: ScorerCacheIdentity) -> CacheKey {
        CacheKey(
            backendKind: identity.backendKind, baseURL: identity.baseURL, model: identity.model,
            request: Data("plaudit-fingerprint;\(identity.parameters)".utf8), rubricSHA256: identity.rubricSHA256)
    }

    /// Reads the fingerprint last recorded for `scorer`'s identity, stores the new one, and
    /// returns the one-line note to show when it changed (`nil` when it did not, when nothing
    /// was recorded yet, or when the scorer is not fingerprinted or not cached).
    public static func update(_ scorer: FingerprintedScorer, cache: any ResponseCache) async throws -> String? {
        guard let base = scorer.baseIdentity, !base.model.isEmpty else { return nil }
        let key = key(for: base)
        let new = scorer.fingerprint.hex
        let stored = try await cache.lookup([key])[key].map { String(decoding: $0, as: UTF8.self) }
        guard stored != new else { return nil }
        try await cache.store([CacheEntry(key: key, namespace: namespace, value: Data(new.utf8))])
        guard let stored else { return nil }
        let url = URLCredentials.removing(from: base.baseURL)
        return
            "\(scorer.descriptor.name): the model answering at \(url) changed since the cached answers (fingerprint \(stored) → \(new)): its answers are asked again; the old ones stay in the cache"
    }
}
