import Foundation
import PlauditClients
import PlauditCore
import PlauditTesting
import Testing

/// BackendClient against the in-process fake server on 127.0.0.1, once per transport: both
/// must behave the same.
@Suite("BackendClient retries and limits over both transports")
struct BackendClientTransportTests {
    static let kinds: [TransportKind] = [.asyncHTTPClient, .urlSession]

    struct Answer: Decodable, Sendable, Equatable { let value: Int }
    struct Question: Encodable { let ask: Int }

    /// Starts servers (one per handler), a shared transport and a client over them, runs
    /// `body`, then shuts everything down whether or not `body` threw.
    func withBackend(
        _ kind: TransportKind,
        configure: (inout BackendConfiguration) -> Void = { _ in },
        environment: [String: String] = [:],
        handlers: [FakeHTTPServer.Handler],
        _ body: (BackendClient, [FakeHTTPServer], ManualClock) async throws -> Void
    ) async throws {
        var servers: [FakeHTTPServer] = []
        for handler in handlers { servers.append(try await FakeHTTPServer.start(handler: handler)) }
        var configuration = BackendConfiguration(
            name: "fake", kind: .openai, urls: servers.map(\.baseURL), concurrency: 8,
            requestTimeout: 60, maxRetries: 3, transport: kind
        )
        configure(&configuration)
        let transports = SharedTransports(for: [configuration])
        let clock = ManualClock()
        var failure: (any Error)?
        do {
            let client = try BackendClient(
                configuration: configuration, transport: transports.transport(for: configuration),
                environment: environment, clock: clock.transportClock, jitter: { 0 }
            )
            try await body(client, servers, clock)
        } catch {
            failure = error
        }
        try await transports.shutdown()
        for server in servers { try await server.stop() }
        if let failure { throw failure }
    }

    func withBackend(
        _ kind: TransportKind,
        configure: (inout BackendConfiguration) -> Void = { _ in },
        environment: [String: String] = [:],
        handler: @escaping FakeHTTPServer.Handler,
        _ body: (BackendClient, FakeHTTPServer, ManualClock) async throws -> Void
    ) async throws {
        try await withBackend(kind, configure: configure, environment: environment, handlers: [handler]) { client, servers, clock in
            try await body(client, servers[0], clock)
        }
    }

    /// Answers with `replies` in turn, then `{"value": 7}` for ever.
    func scripted(_ replies: [FakeHTTPServer.Reply]) -> FakeHTTPServer.Handler {
        let counter = CallCounter()
        return { _ in
            let index = counter.next()
            return index < replies.count ? replies[index] : .json(#"{"value": 7}"#)
        }
    }

    func ask(_ client: BackendClient) async throws -> Answer {
        try await client.post("/v1/x", body: Question(ask: 1), as: Answer.self)
    }

    // MARK: - Retried, then answered

    @Test("429 with retry-after-ms waits exactly that long, once", arguments: kinds)
    func retryAfterMilliseconds(kind: TransportKind) async throws {
        let handler = scripted([.json(#"{"error": {"message": "slow down", "type": "rate_limit"}}"#, status: 429, headers: ["retry-after-ms": "30", "retry-after": "9"])])
        try await withBackend(kind, handler: handler) { client, server, clock in
            let answer = try await ask(client)
            #expect(answer == Answer(value: 7))
            #expect(server.log.count == 2)
            #expect(clock.sleeps == [.milliseconds(30)])
            #expect(client.statistics == BackendStatistics(requests: 2, retries: 1, failures: 0, throttled: 1))
        }
    }

    @Test("429 with retry-after in seconds, then 503 with back-off", arguments: kinds)
    func retryAfterSecondsThenBackoff(kind: TransportKind) async throws {
        let handler = scripted([
            .json(#"{"error": "Model is overloaded", "error_type": "overloaded"}"#, status: 429, headers: ["retry-after": "2"]),
            .json(#"{"error": "server busy, please try again. maximum pending requests exceeded"}"#, status: 503),
            .json(#"{"error": "server busy"}"#, status: 503),
        ])
        try await withBackend(kind, handler: handler) { client, server, clock in
            let answer = try await ask(client)
            #expect(answer == Answer(value: 7))
            #expect(server.log.count == 4)
            // The server's 2 s, then back-off for the second and third retries.
            #expect(clock.sleeps == [.seconds(2), .seconds(1), .seconds(2)])
            #expect(client.statistics.retries == 3)
            #expect(client.statistics.throttled == 3)
        }
    }

    @Test("a slow answer past request_timeout is abandoned and retried", arguments: kinds)
    func timeout(kind: TransportKind) async throws {
        // Generous margins: a loaded CI machine must not make the fast second answer late too.
        let handler = scripted([.json(#"{"value": 1}"#, delay: .seconds(5))])
        try await withBackend(kind, configure: { $0.requestTimeout = 1.5 }, handler: handler) { client, server, clock in
            let answer = try await ask(client)
            #expect(answer == Answer(value: 7))
            #expect(server.log.count == 2)
            #expect(clock.sleeps == [.milliseconds(500)])
            #expect(client.statistics.retries == 1)
        }
    }

    @Test("dropped connections are retried", arguments: kinds)
    func dropped(kind: TransportKind) async throws {
        let handler = scripted([.dropConnection(), .dropConnection()])
        try await withBackend(kind, handler: handler) { client, server, clock in
            let answer = try await ask(client)
            #expect(answer == Answer(value: 7))
            #expect(server.log.count == 3)
            #expect(clock.sleeps == [.milliseconds(500), .seconds(1)])
            #expect(client.statistics.retries == 2)
        }
    }

    @Test("JSON cut short is retried", arguments: kinds)
    func truncated(kind: TransportKind) async throws {
        let handler = scripted([.truncated(status: 200, body: Data(#"{"value": 1}"#.utf8), keepBytes: 6)])
        try await withBackend(kind, handler: handler) { client, server, _ in
            let answer = try await ask(client)
            #expect(answer == Answer(value: 7))
            #expect(server.log.count == 2)
            #expect(client.statistics.retries == 1)
        }
    }

    @Test("a 2xx body that is not JSON is retried; JSON of the wrong shape is not", arguments: kinds)
    func undecodable(kind: TransportKind) async throws {
        let handler = scripted([.respond(status: 200, body: Data(#"{"value": "#.utf8)), .json(#"{"other": 1}"#)])
        try await withBackend(kind, handler: handler) { client, server, _ in
            let error = await #expect(throws: ClientError.self) { try await ask(client) }
            #expect(error?.code == .unexpectedResponse)
            #expect(error?.description.contains("expected shape") == true)
            #expect(server.log.count == 2)
            #expect(client.statistics == BackendStatistics(requests: 2, retries: 1, failures: 1, throttled: 0))
        }
    }

    // MARK: - Not retried, or given up

    @Test("400, 401 and 422 are not retried", arguments: kinds, [400, 401, 422])
    func permanent(kind: TransportKind, status: Int) async throws {
        let handler = scripted([.json(#"{"error": {"message": "no", "type": "invalid_request_error", "param": null, "code": null}}"#, status: status, headers: ["retry-after": "1"])])
        try await withBackend(kind, handler: handler) { client, server, clock in
            let error = await #expect(throws: ClientError.self) { try await ask(client) }
            #expect(error?.code == .httpStatus(UInt(status)))
            #expect(error?.description.contains("after 1 attempt") == true)
            #expect(server.log.count == 1)
            #expect(clock.sleeps.isEmpty)
            #expect(client.statistics == BackendStatistics(requests: 1, retries: 0, failures: 1, throttled: 0))
        }
    }

    @Test("retries run out after max_retries, keeping the status code", arguments: kinds)
    func exhausted(kind: TransportKind) async throws {
        let handler: FakeHTTPServer.Handler = { _ in
            .json(#"{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}"#, status: 529)
        }
        try await withBackend(kind, configure: { $0.maxRetries = 2 }, handler: handler) { client, server, clock in
            let error = await #expect(throws: ClientError.self) { try await ask(client) }
            #expect(error?.code == .httpStatus(529))
            #expect(error?.description.contains("after 3 attempts") == true)
            #expect(error?.description.contains("Overloaded") == true)
            #expect(server.log.count == 3)
            #expect(clock.sleeps == [.milliseconds(500), .seconds(1)])
            #expect(client.statistics == BackendStatistics(requests: 3, retries: 2, failures: 1, throttled: 3))
        }
    }

    @Test("quota 429 and a retry-after over 120 s end the call at once", arguments: kinds)
    func quotaAndLongWait(kind: TransportKind) async throws {
        let handler = scripted([
            .json(#"{"error": {"message": "You exceeded your current quota", "type": "insufficient_quota", "param": null, "code": "insufficient_quota"}}"#, status: 429),
            .json(#"{"error": {"message": "slow down", "type": "rate_limit"}}"#, status: 429, headers: ["retry-after": "300"]),
        ])
        try await withBackend(kind, handler: handler) { client, server, clock in
            let quota = await #expect(throws: ClientError.self) { try await ask(client) }
            #expect(quota?.description.contains("quota or spend limit") == true)
            let wait = await #expect(throws: ClientError.self) { try await ask(client) }
            #expect(wait?.description.contains("asked to wait 300 s") == true)
            #expect(server.log.count == 2)
            #expect(clock.sleeps.isEmpty)
        }
    }

    @Test("an API key echoed back by the server never reaches the error", arguments: kinds)
    func keyRedacted(kind: TransportKind) async throws {
        let key = "sk-test-9f8e7d/SECRETVALUE"
        let handler: FakeHTTPServer.Handler = { request in
            let sent = request.headers["authorization"] ?? ""
            let body = #"{"error": {"message": "Incorrect API key provided: \#(sent.dropFirst("Bearer ".count)).", "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}"#
            return .json(body, status: 401, headers: ["x-echo": sent])
        }
        try await withBackend(
            kind, configure: { $0.apiKeyEnv = "FAKE_API_KEY" }, environment: ["FAKE_API_KEY": key], handler: handler
        ) { client, server, _ in
            let error = await #expect(throws: ClientError.self) { try await ask(client) }
            #expect(server.log.first?.headers["authorization"] == "Bearer \(key)")
            let text = String(describing: try #require(error))
            #expect(!text.contains(key))
            #expect(!text.contains("SECRETVALUE"))
            #expect(text.contains("Incorrect API key provided: [redacted]"))
            #expect(text.contains("FAKE_API_KEY"))
            #expect(server.log.count == 1)
        }
    }

    @Test("credentials in a URL never reach the error", arguments: kinds)
    func urlCredentialsRemoved(kind: TransportKind) async throws {
        let handler: FakeHTTPServer.Handler = { _ in .json(#"{"object": "error", "message": "bad", "type": "BadRequestError", "param": null, "code": 400}"#, status: 400) }
        try await withBackend(
            kind, configure: { $0.urls = $0.urls.map { $0.replacingOccurrences(of: "http://", with: "http://user:hunter2@") } }, handler: handler
        ) { client, server, _ in
            let error = await #expect(throws: ClientError.self) { try await ask(client) }
            let text = String(describing: try #require(error))
            #expect(text.contains("\(server.baseURL)/v1/x"))
            #expect(text.contains("(BadRequestError)"))
            #expect(!text.contains("hunter2"))
            #expect(client.baseURL == server.baseURL)
        }
    }

    // MARK: - Limits

    @Test("never more requests in flight than concurrency", arguments: kinds)
    func concurrencyLimit(kind: TransportKind) async throws {
        let gauge = Shared((current: 0, peak: 0))
        let handler: FakeHTTPServer.Handler = { _ in
            gauge.withLock {
                $0.current += 1
                $0.peak = max($0.peak, $0.current)
            }
            try? await Task.sleep(for: .milliseconds(20))
            gauge.withLock { $0.current -= 1 }
            return .json(#"{"value": 7}"#)
        }
        try await withBackend(kind, configure: { $0.concurrency = 3 }, handler: handler) { client, server, _ in
            let answers = try await withThrowingTaskGroup(of: Answer.self) { group in
                for _ in 0..<12 { group.addTask { try await ask(client) } }
                var answers: [Answer] = []
                for try await answer in group { answers.append(answer) }
                return answers
            }
            #expect(answers == Array(repeating: Answer(value: 7), count: 12))
            #expect(server.log.count == 12)
            #expect(client.statistics == BackendStatistics(requests: 12, retries: 0, failures: 0, throttled: 0))
            let peak = gauge.value.peak
            #expect(peak >= 1 && peak <= 3)
        }
    }

    @Test("a 503 halves the concurrency window", arguments: kinds)
    func windowShrinks(kind: TransportKind) async throws {
        let handler = scripted([.json(#"{"error": "busy"}"#, status: 503)])
        try await withBackend(kind, configure: { $0.concurrency = 8 }, handler: handler) { client, _, _ in
            #expect(await client.concurrencyLimit == 8)
            let answer = try await ask(client)
            #expect(answer == Answer(value: 7))
            #expect(await client.concurrencyLimit == 4)
        }
    }

    @Test("two replicas share the load", arguments: kinds)
    func replicas(kind: TransportKind) async throws {
        let ok: FakeHTTPServer.Handler = { _ in .json(#"{"value": 7}"#) }
        try await withBackend(kind, handlers: [ok, ok]) { client, servers, _ in
            for _ in 0..<10 { _ = try await ask(client) }
            #expect(servers.map(\.log.count) == [5, 5])
            #expect(client.baseURL == servers[0].baseURL)
        }
    }

    @Test("a retry after a dropped connection goes to the other replica", arguments: kinds)
    func retryOnOtherReplica(kind: TransportKind) async throws {
        let dropping: FakeHTTPServer.Handler = { _ in .dropConnection() }
        let ok: FakeHTTPServer.Handler = { _ in .json(#"{"value": 7}"#) }
        try await withBackend(kind, handlers: [dropping, ok]) { client, servers, _ in
            let answer = try await ask(client)
            #expect(answer == Answer(value: 7))
            #expect(servers.map(\.log.count) == [1, 1])
        }
    }

    @Test("requests_per_minute waits on the injected clock", arguments: kinds)
    func requestsPerMinute(kind: TransportKind) async throws {
        let ok: FakeHTTPServer.Handler = { _ in .json(#"{"value": 7}"#) }
        try await withBackend(kind, configure: { $0.requestsPerMinute = 30 }, handler: ok) { client, server, clock in
            for _ in 0..<3 { _ = try await ask(client) }
            #expect(server.log.count == 3)
            #expect(clock.sleeps == [.seconds(2), .seconds(2)])
        }
    }
}
