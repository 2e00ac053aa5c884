import Foundation
import PlauditClients
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    let policy = RetryPolicy(maxRetries: 6)
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    func status(_ code: Int, _ headers: [String: String] = [:], body: String = "") -> RetryPolicy.Failure {
        .status(code, headers: headers, body: Data(body.utf8))
    }

    func decide(_ failure: RetryPolicy.Failure, retries: Int = 0, jitter: Double = 0) -> RetryPolicy.Decision {
        policy.decide(failure, history: RetryPolicy.History(retries: retries), jitter: jitter, now: now)
    }

    @Test("retries 408, 409, 429, 500, 502, 503, 504 and 529 after the first back-off", arguments: [408, 409, 429, 500, 502, 503, 504, 529])
    func retryableStatuses(code: Int) {
        #expect(decide(status(code)) == .retry(after: .milliseconds(500)))
    }

    @Test("never retries 400, 401, 403, 404, 413, 422 and other client errors", arguments: [400, 401, 403, 404, 413, 422, 501, 418])
    func permanentStatuses(code: Int) {
        #expect(decide(status(code)) == .stop(.notRetryable))
        #expect(decide(status(code, ["retry-after": "1"])) == .stop(.notRetryable))
    }

    @Test("retries connection failures and undecodable answers")
    func connectionAndUndecodable() {
        #expect(decide(.connection) == .retry(after: .milliseconds(500)))
        #expect(decide(.undecodable, retries: 2) == .retry(after: .seconds(2)))
    }

    @Test("retries a 424 once per call")
    func dependencyFailureOnce() {
        let first = status(424)
        #expect(decide(first) == .retry(after: .milliseconds(500)))
        let history = RetryPolicy.History().recording(first)
        #expect(history == RetryPolicy.History(retries: 1, retriesAfter424: 1))
        #expect(policy.decide(first, history: history, jitter: 0, now: now) == .stop(.notRetryable))
        // Another retryable failure is still retried after the 424 was.
        #expect(policy.decide(status(503), history: history, jitter: 0, now: now) == .retry(after: .seconds(1)))
    }

    @Test("stops when max_retries retries were made")
    func exhausted() {
        #expect(decide(status(503), retries: 6) == .stop(.retriesExhausted))
        #expect(decide(.connection, retries: 6) == .stop(.retriesExhausted))
        #expect(RetryPolicy(maxRetries: 0).decide(.connection, history: .init(), jitter: 0, now: now) == .stop(.retriesExhausted))
        // Permanent beats exhausted: the reason reported is the real one.
        #expect(decide(status(401), retries: 6) == .stop(.notRetryable))
    }

    @Test("back-off: 0.5 s doubling, capped at 8 s, shortened by jitter up to a quarter")
    func backoff() {
        let waits = (0..<7).map { policy.backoff(retry: $0, jitter: 0) }
        #expect(waits == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8), .seconds(8)])
        #expect(policy.backoff(retry: 0, jitter: 0.5) == .milliseconds(437.5))
        #expect(policy.backoff(retry: 4, jitter: 1) == .seconds(6))
        #expect(policy.backoff(retry: 60, jitter: 0) == .seconds(8))
        #expect(decide(status(500), retries: 3, jitter: 0.5) == .retry(after: .milliseconds(3500)))
    }

    @Test("retry-after-ms wins over retry-after; retry-after is seconds or an HTTP date")
    func headerPrecedence() {
        #expect(decide(status(429, ["retry-after-ms": "250", "retry-after": "7"])) == .retry(after: .milliseconds(250)))
        #expect(decide(status(429, ["retry-after": "7"])) == .retry(after: .seconds(7)))
        #expect(decide(status(503, ["retry-after": "1.5"])) == .retry(after: .milliseconds(1500)))
        #expect(decide(status(503, ["retry-after": "0"])) == .retry(after: .zero))
        // An HTTP date 30 s after `now`, and one in the past.
        #expect(decide(status(429, ["retry-after": "Tue, 14 Nov 2023 22:13:50 GMT"])) == .retry(after: .seconds(30)))
        #expect(decide(status(429, ["retry-after": "Tue, 14 Nov 2023 22:00:00 GMT"])) == .retry(after: .zero))
        // Unreadable or negative values fall back to back-off.
        #expect(decide(status(429, ["retry-after": "soon"])) == .retry(after: .milliseconds(500)))
        #expect(decide(status(429, ["retry-after-ms": "-5"])) == .retry(after: .milliseconds(500)))
        // The server's wait replaces back-off and is not shortened by jitter.
        #expect(decide(status(429, ["retry-after": "3"]), retries: 4, jitter: 0.9) == .retry(after: .seconds(3)))
    }

    @Test("waits up to 120 s when asked; a longer wait ends the call")
    func serverDelayCap() {
        #expect(decide(status(429, ["retry-after": "120"])) == .retry(after: .seconds(120)))
        #expect(decide(status(429, ["retry-after": "121"])) == .stop(.serverDelayTooLong(.seconds(121))))
        #expect(decide(status(503, ["retry-after-ms": "600000"])) == .stop(.serverDelayTooLong(.seconds(600))))
    }

    @Test("a 429 about quota or spend limits is never retried")
    func quota() {
        let openAI = #"{"error": {"message": "You exceeded your current quota, please check your plan and billing details.", "type": "insufficient_quota", "param": null, "code": "insufficient_quota"}}"#
        #expect(decide(status(429, body: openAI)) == .stop(.quotaExhausted))
        let spend = #"{"type": "error", "error": {"type": "rate_limit_error", "message": "You have reached your spend limit."}}"#
        #expect(decide(status(429, body: spend)) == .stop(.quotaExhausted))
        #expect(decide(status(429, ["x-should-retry": "true"], body: openAI)) == .stop(.quotaExhausted))
        // An ordinary rate-limit message that links to the billing page is retried.
        let rate = #"{"error": {"message": "Rate limit reached for requests per min (RPM). Add a payment method at https://platform.openai.com/account/billing.", "type": "requests", "param": null, "code": "rate_limit_exceeded"}}"#
        #expect(decide(status(429, body: rate)) == .retry(after: .milliseconds(500)))
        // "quota" on another status is not a quota stop.
        #expect(decide(status(503, body: openAI)) == .retry(after: .milliseconds(500)))
    }

    @Test("x-should-retry overrides the status table, not max_retries")
    func shouldRetryHeader() {
        #expect(decide(status(503, ["x-should-retry": "false"])) == .stop(.notRetryable))
        #expect(decide(status(400, ["x-should-retry": "true"])) == .retry(after: .milliseconds(500)))
        #expect(decide(status(409, ["x-should-retry": "TRUE", "retry-after-ms": "10"])) == .retry(after: .milliseconds(10)))
        #expect(decide(status(400, ["x-should-retry": "true"]), retries: 6) == .stop(.retriesExhausted))
        #expect(decide(status(429, ["x-should-retry": "maybe"])) == .retry(after: .milliseconds(500)))
    }

    @Test("no connection to a backend that never answered: one quick retry, then unreachable", arguments: [ConnectFailure.Reason.refused, .couldNotConnect, .unreachable, .unresolved, .timedOut])
    func notConnectedBeforeAnyAnswer(reason: ConnectFailure.Reason) {
        let failure = RetryPolicy.Failure.notConnected(reason)
        #expect(decide(failure) == .retry(after: .milliseconds(250)))
        let history = RetryPolicy.History().recording(failure)
        #expect(history == RetryPolicy.History(retries: 1, retriesNotConnected: 1))
        #expect(policy.decide(failure, history: history, jitter: 0, now: now) == .stop(.unreachable))
        // Jitter does not stretch the quick retry; max_retries 0 stops at once.
        #expect(decide(failure, jitter: 0.9) == .retry(after: .milliseconds(250)))
        #expect(RetryPolicy(maxRetries: 0).decide(failure, history: .init(), jitter: 0, now: now) == .stop(.unreachable))
        // A call that timed out first (a connection failure of another kind) still gets its one quick retry.
        let afterTimeout = RetryPolicy.History().recording(.connection)
        #expect(policy.decide(failure, history: afterTimeout, jitter: 0, now: now) == .retry(after: .milliseconds(250)))
    }

    @Test("no connection to a backend that has answered before: a restart, retried with back-off until max_retries")
    func notConnectedAfterAnAnswer() {
        let failure = RetryPolicy.Failure.notConnected(.refused)
        var history = RetryPolicy.History(backendHasAnswered: true)
        var waits: [Duration] = []
        while case .retry(let wait) = policy.decide(failure, history: history, jitter: 0, now: now) {
            waits.append(wait)
            history = history.recording(failure)
        }
        #expect(waits == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
        #expect(policy.decide(failure, history: history, jitter: 0, now: now) == .stop(.retriesExhausted))
    }

    @Test("a live server's failures are retried whether or not it has answered before: 503, timeouts, dropped connections")
    func liveServerFailuresKeepRetrying() {
        for answered in [false, true] {
            let history = RetryPolicy.History(backendHasAnswered: answered)
            #expect(policy.decide(status(503), history: history, jitter: 0, now: now) == .retry(after: .milliseconds(500)))
            #expect(policy.decide(.connection, history: history.recording(.connection), jitter: 0, now: now) == .retry(after: .seconds(1)))
            #expect(policy.decide(.undecodable, history: history, jitter: 0, now: now) == .retry(after: .milliseconds(500)))
        }
    }
}
