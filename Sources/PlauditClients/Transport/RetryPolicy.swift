import PlauditCore
public import Foundation

/// Whether and when to try a failed request again: the rules of research/serving_apis.md §9,
/// which mirror the OpenAI and Anthropic SDKs (§3.1, §6).
///
/// A pure value: ``decide(_:history:jitter:now:)`` looks only at its arguments, so every rule
/// is unit-testable without a server or a clock. The rules, in order:
///
/// 1. No retries left (``maxRetries`` reached): stop.
/// 2. A 429 whose body mentions `insufficient_quota`, quota or a spend limit: stop. An
///    exhausted account does not recover by waiting, whatever the headers say.
/// 3. `x-should-retry: false` / `true` from the server: stop / retry, whatever the status.
/// 4. A connection that could not be opened (refused, host unreachable, name not resolved,
///    connect timeout) to a backend that has never answered: retry once after
///    ``quickRetryDelay``, then stop (`unreachable`). A server that is down does not come up
///    during a back-off, and a user waiting a minute for "connection refused" learns nothing
///    from the wait. Once the backend has answered anything, such a failure is a server
///    restarting mid-run and is retried like any connection failure (rule 5).
/// 5. Retry connection failures (refused, dropped, timeout), 2xx bodies cut short, and the
///    statuses 408, 409, 429, 500, 502, 503, 504 and 529; retry 424 (TEI/TGI "backend" error)
///    at most once per call. Stop on anything else (400, 401, 403, 404, 413, 422, ...).
///
/// The wait before a retry: `retry-after-ms`, else `retry-after` (seconds or an HTTP date),
/// when the server sent one and it is at most ``maxServerDelay`` (longer: stop, and say how long
/// the server asked for); else exponential back-off from ``initialDelay``, doubling per retry,
/// capped at ``maxDelay``, shortened by up to a quarter at random (jitter) so that clients that
/// failed together do not retry together.
public struct RetryPolicy: Hashable, Sendable {
    /// Attempts after the first (`max_retries`).
    public var maxRetries: Int
    /// The first back-off wait (0.5 s).
    public var initialDelay: Duration
    /// The longest back-off wait (8 s).
    public var maxDelay: Duration
    /// The longest server-requested wait honoured (120 s); a longer request ends the call.
    public var maxServerDelay: Duration
    /// The wait before the one retry of a connection that could not be opened to a backend
    /// that has never answered (0.25 s): long enough for a server that is just binding its port.
    public var quickRetryDelay: Duration

    public init(
        maxRetries: Int,
        initialDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(8),
        maxServerDelay: Duration = .seconds(120),
        quickRetryDelay: Duration = .milliseconds(250)
    ) {
        self.maxRetries = max(0, maxRetries)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxServerDelay = maxServerDelay
        self.quickRetryDelay = quickRetryDelay
    }

    /// Statuses worth another attempt: timeouts, conflicts, rate limits, server errors and
    /// Anthropic's 529 "overloaded".
    public static let retryableStatuses: Set<Int> = [408, 409, 429, 500, 502, 503, 504, 529]

    /// Statuses that mean "slow down": they shrink the concurrency window and count as throttled.
    public static let throttlingStatuses: Set<Int> = [429, 503, 529]

    /// What went wrong with one attempt.
    public enum Failure: Sendable {
        /// The server answered with a non-2xx status.
        case status(Int, headers: [String: String], body: Data)
        /// No complete answer: dropped connection, timeout, body cut short.
        case connection
        /// No connection could be opened (a ``ConnectFailure``): nothing listening, host
        /// unreachable, name not resolved, connect timeout.
        case notConnected(ConnectFailure.Reason)
        /// A 2xx answer whose body is not JSON (for example JSON cut short).
        case undecodable
    }

    /// What the call has already been through.
    public struct History: Hashable, Sendable {
        /// Retries made so far (attempts minus one).
        public var retries: Int
        /// Retries made after a 424 so far.
        public var retriesAfter424: Int
        /// Retries made after a connection could not be opened so far.
        public var retriesNotConnected: Int
        /// Whether the backend has answered any request so far (any status, any call): once it
        /// has, a server is known to be there.
        public var backendHasAnswered: Bool

        public init(retries: Int = 0, retriesAfter424: Int = 0, retriesNotConnected: Int = 0, backendHasAnswered: Bool = false) {
            self.retries = retries
            self.retriesAfter424 = retriesAfter424
            self.retriesNotConnected = retriesNotConnected
            self.backendHasAnswered = backendHasAnswered
        }

        /// The history after retrying `failure`.
        public func recording(_ failure: Failure) -> History {
            var next = self
            next.retries += 1
            switch failure {
            case .status(424, _, _): next.retriesAfter424 += 1
            case .notConnected: next.retriesNotConnected += 1
            default: break
            }
            return next
        }
    }

    /// Why a call stops.
    public enum StopReason: Hashable, Sendable {
        /// The failure is permanent (status not retryable, or `x-should-retry: false`).
        case notRetryable
        /// A 429 about quota or spending: the account, not the server, is the problem.
        case quotaExhausted
        /// ``maxRetries`` retries were made and the last attempt failed too.
        case retriesExhausted
        /// The server asked to wait longer than ``maxServerDelay``.
        case serverDelayTooLong(Duration)
        /// No connection could be opened to a backend that has never answered, on the first
        /// attempt and on its quick retry.
        case unreachable
    }

    /// The verdict on one failed attempt.
    public enum Decision: Hashable, Sendable {
        case retry(after: Duration)
        case stop(StopReason)
    }

    /// Decides what to do after `failure`.
    /// - Parameters:
    ///   - history: what the call went through before this failure.
    ///   - jitter: a number in `0..<1` from the caller's random source; 0 keeps the full
    ///     back-off, values towards 1 shorten it by up to a quarter.
    ///   - now: the wall-clock time, to turn an HTTP-date `retry-after` into a wait.
    public func decide(_ failure: Failure, history: History, jitter: Double, now: Date) -> Decision {
        if case .notConnected = failure, !history.backendHasAnswered {
            guard history.retriesNotConnected < 1, history.retries < maxRetries else { return .stop(.unreachable) }
            return .retry(after: quickRetryDelay)
        }
        if case .status(let status, let headers, let body) = failure {
            if status == 429, Self.isQuotaExhaustion(body) { return .stop(.quotaExhausted) }
            switch headers["x-should-retry"]?.lowercased() {
            case "false": return .stop(.notRetryable)
            case "true": break
            default:
                if status == 424 {
                    if history.retriesAfter424 >= 1 { return .stop(.notRetryable) }
                } else if !Self.retryableStatuses.contains(status) {
                    return .stop(.notRetryable)
                }
            }
            guard history.retries < maxRetries else { return .stop(.retriesExhausted) }
            if let asked = RetryAfter.delay(in: headers, now: now) {
                return asked <= maxServerDelay ? .retry(after: asked) : .stop(.serverDelayTooLong(asked))
            }
        } else {
            guard history.retries < maxRetries else { return .stop(.retriesExhausted) }
        }
        return .retry(after: backoff(retry: history.retries, jitter: jitter))
    }

    /// The back-off before retry number `retry` (0 for the first): `initialDelay * 2^retry`,
    /// capped at `maxDelay`, times `1 - jitter / 4`.
    public func backoff(retry: Int, jitter: Double) -> Duration {
        let doubled = initialDelay * (1 << min(max(retry, 0), 30))
        let capped = min(doubled, maxDelay)
        let factor = 1 - min(max(jitter, 0), 1) / 4
        return .seconds(roundedToNanoseconds: capped.inSeconds * factor)
    }

    /// Whether a 429 body says the account is out of quota or over a spend limit, rather than
    /// sending too fast (OpenAI `insufficient_quota`; "quota" or "spend limit" anywhere in the
    /// body). "billing" alone is not enough: OpenAI's ordinary rate-limit message links to the
    /// billing page.
    public static func isQuotaExhaustion(_ body: Data) -> Bool {
        let text = String(decoding: body.prefix(64 << 10), as: UTF8.self).lowercased()
        return ["insufficient_quota", "quota", "spend limit", "spending limit"].contains { text.contains($0) }
    }
}
