/// What a backend did during a run, for the progress line and the manifest.
public struct BackendStatistics: Codable, Hashable, Sendable {
    /// HTTP requests sent, retries included.
    public var requests: Int
    /// Requests that were attempts after the first.
    public var retries: Int
    /// Calls that failed for good (after retries, or not retryable).
    public var failures: Int
    /// Answers that said "slow down" (429, 503, 529).
    public var throttled: Int

    public init(requests: Int = 0, retries: Int = 0, failures: Int = 0, throttled: Int = 0) {
        self.requests = requests
        self.retries = retries
        self.failures = failures
        self.throttled = throttled
    }
}
