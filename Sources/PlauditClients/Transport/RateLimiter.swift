import Synchronization

/// A backend's optional `requests_per_minute` and `tokens_per_minute` ceilings: requests wait
/// rather than exceed them.
///
/// Each ceiling is a ``TokenBucket`` whose burst is one second's worth. The token cost of a
/// request is estimated as its body size in bytes divided by 4 (about four bytes of English
/// text per token), at least 1. That counts prompt tokens only: a provider that also counts
/// `max_tokens` or the completion against its limit needs a lower `tokens_per_minute`. Every
/// attempt counts, retries included, since the provider counts them too.
///
/// Waits run on the injected ``TransportClock``, so tests pass time instantly. A `Mutex`
/// rather than an actor: each admission is a short synchronous update, and the wait happens
/// outside the lock. A cancelled wait does not give its reservation back (a conservative
/// leak of at most one request's cost).
final class RateLimiter: Sendable {
    private struct Buckets {
        var requests: TokenBucket?
        var tokens: TokenBucket?
    }

    private let buckets: Mutex<Buckets>
    private let clock: TransportClock

    /// - Returns: `nil` when neither ceiling is set.
    init?(requestsPerMinute: Double?, tokensPerMinute: Double?, clock: TransportClock) {
        let now = clock.now()
        let requests = requestsPerMinute.flatMap { $0 > 0 ? TokenBucket(ratePerMinute: $0, now: now) : nil }
        let tokens = tokensPerMinute.flatMap { $0 > 0 ? TokenBucket(ratePerMinute: $0, now: now) : nil }
        guard requests != nil || tokens != nil else { return nil }
        buckets = Mutex(Buckets(requests: requests, tokens: tokens))
        self.clock = clock
    }

    /// The estimated token cost of a request body: bytes / 4, at least 1.
    static func estimatedTokens(bodyBytes: Int) -> Double {
        max(1, Double(bodyBytes) / 4)
    }

    /// Waits until a request with a body of `bodyBytes` bytes may be sent, and counts it.
    /// - Throws: `CancellationError` if the task is cancelled while waiting.
    func admit(bodyBytes: Int) async throws {
        let now = clock.now()
        let wait = buckets.withLock { buckets in
            let forRequests = buckets.requests?.reserve(1, at: now) ?? .zero
            let forTokens = buckets.tokens?.reserve(Self.estimatedTokens(bodyBytes: bodyBytes), at: now) ?? .zero
            return max(forRequests, forTokens)
        }
        if wait > .zero { try await clock.sleep(wait) }
    }
}
