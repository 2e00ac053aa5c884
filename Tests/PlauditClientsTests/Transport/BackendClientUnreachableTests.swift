import Foundation
import PlauditClients
import PlauditCore
import PlauditTesting
import Testing

/// A backend whose server is down, over both transports: the call ends after one quick retry
/// with an error naming the backend and its URL; a server that has answered before, or that
/// answers with an error, is retried as before.
@Suite("BackendClient: a server that is down fails fast, a live one is retried")
struct BackendClientUnreachableTests {
    static let kinds: [TransportKind] = [.asyncHTTPClient, .urlSession]

    struct Answer: Decodable, Sendable, Equatable { let value: Int }
    struct Question: Encodable { let ask: Int }


    /// What each transport can tell of "nothing listens": AsyncHTTPClient sees the refusal,
    /// libcurl under URLSession only that it could not connect.
    static func refusal(_ kind: TransportKind) -> String {
        kind == .asyncHTTPClient ? "connection refused" : "could not connect"
    }

    func client(_ kind: TransportKind, urls: [String], clock: TransportClock, maxRetries: Int = 3) throws -> (BackendClient, SharedTransports) {
        let configuration = BackendConfiguration(
            name: "rm-a", kind: .vllm, urls: urls, concurrency: 8, requestTimeout: 30, maxRetries: maxRetries, transport: kind
        )
        let transports = SharedTransports(for: [configuration])
        let client = try BackendClient(
            configuration: configuration, transport: transports.transport(for: configuration), environment: [:], clock: clock, jitter: { 0 }
        )
        return (client, transports)
    }

    func ask(_ client: BackendClient) async throws -> Answer {
        try await client.post("/pooling", body: Question(ask: 1), as: Answer.self)
    }

    @Test("nothing listening: after one quick retry, an `unreachable` error naming the backend, its kind and URL, without credentials", arguments: kinds)
    func refused(kind: TransportKind) async throws {
        let closed = try ClosedLoopbackPort()
        let port = closed.port
        defer { withExtendedLifetime(closed) {} }
        let clock = ManualClock()
        let (client, transports) = try client(kind, urls: ["http://user:hunter2@127.0.0.1:\(port)"], clock: clock.transportClock)
        let error = await #expect(throws: ClientError.self) { try await ask(client) }
        try await transports.shutdown()
        let failure = try #require(error)
        #expect(failure.code == .unreachable)
        #expect(
            failure.description
                == "backend 'rm-a' (vllm at http://127.0.0.1:\(port)): \(Self.refusal(kind)) after 2 attempts — "
                + "is the server running? Start it, or correct the urls of 'rm-a' in the configuration.")
        #expect(!failure.description.contains("hunter2"))
        // One quick retry and no other wait: what keeps it fast, asserted without a wall clock
        // (a busy test run can hold Swift's cooperative pool for a minute).
        #expect(clock.sleeps == [.milliseconds(250)])
        #expect(client.statistics == BackendStatistics(requests: 2, retries: 1, failures: 1, throttled: 0))
    }

    @Test("the first requests of a run, all at once against a server that is down: every one ends quickly", arguments: kinds)
    func concurrentFirstRequests(kind: TransportKind) async throws {
        let closed = try ClosedLoopbackPort()
        let port = closed.port
        defer { withExtendedLifetime(closed) {} }
        let clock = ManualClock()
        let (client, transports) = try client(kind, urls: ["http://127.0.0.1:\(port)"], clock: clock.transportClock)
        let codes = await withTaskGroup(of: ClientError.Code?.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    do {
                        _ = try await ask(client)
                        return nil
                    } catch {
                        return (error as? ClientError)?.code
                    }
                }
            }
            var codes: [ClientError.Code?] = []
            for await code in group { codes.append(code) }
            return codes
        }
        try await transports.shutdown()
        #expect(codes == Array(repeating: .unreachable, count: 8))
        // Each request waited once, the quick retry's 250 ms, and nothing else.
        #expect(clock.sleeps == Array(repeating: .milliseconds(250), count: 8))
    }

    @Test("a server that answered, then went down and came back under the same URL: retried with back-off, answered", arguments: kinds)
    func restartedServer(kind: TransportKind) async throws {
        // The first server closes every connection after answering, so the next request must connect anew.
        let ok: FakeHTTPServer.Handler = { _ in .json(#"{"value": 7}"#, headers: ["connection": "close"]) }
        let first = try await FakeHTTPServer.start(handler: ok)
        let port = first.port
        let restarted = Shared<FakeHTTPServer?>(nil)
        let sleeps = Shared<[Duration]>([])
        // Back-off waits return at once, and the first one brings the server back.
        let clock = TransportClock(
            now: { .zero },
            sleep: { duration in
                sleeps.withLock { $0.append(duration) }
                if restarted.value == nil {
                    let server = try await FakeHTTPServer.start(port: port, handler: ok)
                    restarted.withLock { $0 = server }
                }
            },
            date: { Date(timeIntervalSince1970: 1_700_000_000) }
        )
        let (client, transports) = try client(kind, urls: [first.baseURL], clock: clock)
        var failure: (any Error)?
        do {
            #expect(try await ask(client) == Answer(value: 7))
            try await first.stop()
            #expect(try await ask(client) == Answer(value: 7))
        } catch {
            failure = error
        }
        try await transports.shutdown()
        try? await first.stop()
        try await restarted.value?.stop()
        if let failure { throw failure }
        // The ordinary first back-off, not the quick retry of a server never seen.
        #expect(sleeps.value == [.milliseconds(500)])
        #expect(restarted.value?.log.count == 1)
        #expect(client.statistics.retries == 1)
    }

    @Test("a live server answering 503 before its first success is retried with back-off, not taken for a dead one", arguments: kinds)
    func unavailableThenAnswered(kind: TransportKind) async throws {
        let counter = CallCounter()
        let server = try await FakeHTTPServer.start { _ in
            counter.next() < 2 ? .json(#"{"error": "loading model"}"#, status: 503) : .json(#"{"value": 7}"#)
        }
        let clock = ManualClock()
        let (client, transports) = try client(kind, urls: [server.baseURL], clock: clock.transportClock)
        var failure: (any Error)?
        do {
            #expect(try await ask(client) == Answer(value: 7))
        } catch {
            failure = error
        }
        try await transports.shutdown()
        try await server.stop()
        if let failure { throw failure }
        #expect(server.log.count == 3)
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1)])
    }
}
