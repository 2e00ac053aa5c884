import PlauditClients
import PlauditCore
import Testing

@Suite("SharedTransports")
struct SharedTransportsTests {
    @Test("one transport per kind, shared by every backend that uses it")
    func sharing() async throws {
        let a = BackendConfiguration(name: "a", kind: .vllm, urls: ["http://127.0.0.1:1"], concurrency: 4)
        let b = BackendConfiguration(name: "b", kind: .tei, urls: ["http://127.0.0.1:2"], concurrency: 16)
        var c = BackendConfiguration(name: "c", kind: .ollama, urls: ["http://127.0.0.1:3"])
        c.transport = .urlSession
        let shared = SharedTransports(for: [a, b])
        let first = try shared.transport(for: a)
        let second = try shared.transport(for: b)
        #expect(first as AnyObject === second as AnyObject)
        #expect(first is AsyncHTTPTransport)
        let error = #expect(throws: ClientError.self) { try shared.transport(for: c) }
        #expect(error?.code == .configuration)
        let client = try shared.client(for: b, environment: [:])
        #expect(client.baseURL == "http://127.0.0.1:2")
        try await shared.shutdown()

        let both = SharedTransports(for: [a, c])
        #expect(try both.transport(for: c) is URLSessionTransport)
        #expect(try both.transport(for: a) is AsyncHTTPTransport)
        try await both.shutdown()
    }
}
