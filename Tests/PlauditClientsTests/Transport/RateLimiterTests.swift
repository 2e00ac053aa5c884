import Testing

@testable import PlauditClients

@Suite("Rate limits")
struct RateLimiterTests {
    @Test("token bucket: a second's worth of burst, then debt that is waited off in order")
    func bucket() {
        var bucket = TokenBucket(ratePerMinute: 600, now: .zero)
        #expect(bucket.capacity == 10)
        #expect(bucket.reserve(10, at: .zero) == .zero)
        #expect(bucket.reserve(5, at: .zero) == .milliseconds(500))
        #expect(bucket.reserve(5, at: .zero) == .seconds(1))
        // Two seconds later the debt of 10 is paid and 10 more flowed in.
        #expect(bucket.reserve(10, at: .seconds(2)) == .zero)
        // Refill never goes past the capacity.
        #expect(bucket.reserve(15, at: .seconds(100)) == .milliseconds(500))
        #expect(TokenBucket(ratePerMinute: 30, now: .zero).capacity == 1)
    }

    @Test("requests_per_minute spaces requests with the injected clock")
    func requestsPerMinute() async throws {
        let clock = ManualClock()
        let limiter = try #require(RateLimiter(requestsPerMinute: 60, tokensPerMinute: nil, clock: clock.transportClock))
        for _ in 0..<4 { try await limiter.admit(bodyBytes: 100) }
        #expect(clock.sleeps == [.seconds(1), .seconds(1), .seconds(1)])
        #expect(clock.now == .seconds(3))
    }

    @Test("tokens_per_minute counts body bytes / 4")
    func tokensPerMinute() async throws {
        #expect(RateLimiter.estimatedTokens(bodyBytes: 400) == 100)
        #expect(RateLimiter.estimatedTokens(bodyBytes: 0) == 1)
        let clock = ManualClock()
        let limiter = try #require(RateLimiter(requestsPerMinute: nil, tokensPerMinute: 600, clock: clock.transportClock))
        try await limiter.admit(bodyBytes: 40)  // 10 tokens: the whole burst
        try await limiter.admit(bodyBytes: 400)  // 100 tokens at 10 per second
        try await limiter.admit(bodyBytes: 4)
        #expect(clock.sleeps == [.seconds(10), .milliseconds(100)])
    }

    @Test("with both ceilings the longer wait applies; with none there is no limiter")
    func both() async throws {
        let clock = ManualClock()
        let limiter = try #require(RateLimiter(requestsPerMinute: 60, tokensPerMinute: 6000, clock: clock.transportClock))
        try await limiter.admit(bodyBytes: 4)
        try await limiter.admit(bodyBytes: 4)  // requests: 1 s; tokens: none
        try await limiter.admit(bodyBytes: 4000)  // requests: 1 s; tokens: 1000 from a full 100, at 100/s: 9 s
        #expect(clock.sleeps == [.seconds(1), .seconds(9)])
        #expect(RateLimiter(requestsPerMinute: nil, tokensPerMinute: nil, clock: clock.transportClock) == nil)
        #expect(RateLimiter(requestsPerMinute: 0, tokensPerMinute: nil, clock: clock.transportClock) == nil)
    }
}
