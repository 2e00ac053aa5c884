import Synchronization
import Foundation
import PlauditClients
import PlauditCore
import PlauditTesting
import Testing

@Suite("BackendClient over the fake server")
struct BackendClientSmokeTests {
    struct Answer: Decodable, Sendable { let value: Int }
    struct Question: Encodable { let ask: Int }

    @Test("posts JSON, retries a dropped connection and a cut-short body, then decodes")
    func retriesFaults() async throws {
        let server = try await FakeHTTPServer.start { request in
            let attempt = request.json?["ask"] as? Int ?? 0
            _ = attempt
            return .json(#"{"value": 7}"#)
        }
        let counter = Counter()
        let faulty = try await FakeHTTPServer.start { _ in
            switch counter.next() {
            case 0: return .dropConnection()
            case 1: return .truncated(status: 200, body: Data(#"{"value": 9}"#.utf8), keepBytes: 5)
            default: return .json(#"{"value": 9}"#)
            }
        }
        let transport = AsyncHTTPTransport(connectionsPerHost: 4)
        let ok = try BackendClient(configuration: .init(name: "ok", kind: .openai, urls: [server.baseURL]), transport: transport, environment: [:])
        let flaky = try BackendClient(configuration: .init(name: "flaky", kind: .openai, urls: [faulty.baseURL]), transport: transport, environment: [:])
        let first = try await ok.post("/x", body: Question(ask: 1), as: Answer.self)
        let second = try await flaky.post("/x", body: Question(ask: 2), as: Answer.self)
        try await transport.shutdown()
        try await server.stop()
        try await faulty.stop()
        #expect(first.value == 7)
        #expect(second.value == 9)
        #expect(faulty.log.count == 3)
        #expect(flaky.statistics.retries == 2)
        #expect(server.log.first?.path == "/x")
        #expect(server.log.first?.json?["ask"] as? Int == 1)
    }
}

@Suite("BackendClient cache identity")
struct BackendClientCacheURLTests {
    @Test("configured headers change the cache URL (a gateway may route on them); credentials never appear")
    func headersInCacheURL() throws {
        let transport = AsyncHTTPTransport(connectionsPerHost: 1)
        defer { Task { try? await transport.shutdown() } }
        func client(_ headers: [String: String], url: String = "http://user:pw@127.0.0.1:9/v1") throws -> BackendClient {
            try BackendClient(configuration: .init(name: "b", kind: .openai, urls: [url], headers: headers), transport: transport, environment: [:])
        }
        let plain = try client([:])
        #expect(plain.cacheURL == "http://127.0.0.1:9/v1")
        let routed = try client(["X-Route": "model-a", "anthropic-version": "2023-06-01"])
        let same = try client(["anthropic-version": "2023-06-01", "x-route": "model-a"])
        let other = try client(["X-Route": "model-b", "anthropic-version": "2023-06-01"])
        #expect(routed.cacheURL.hasPrefix("http://127.0.0.1:9/v1#headers="))
        #expect(routed.cacheURL == same.cacheURL)
        #expect(routed.cacheURL != other.cacheURL)
        #expect(!routed.cacheURL.contains("pw") && !routed.cacheURL.contains("model-a"))
    }
}

final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { v in defer { v += 1 }; return v } }
}
