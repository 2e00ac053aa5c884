import Foundation
import PlauditClients
import PlauditCore
import PlauditTesting
import Synchronization

/// A fake server on 127.0.0.1 with a transport, and clients for it in any backend kind.
struct FakeBackend {
    let server: FakeHTTPServer
    let transport: AsyncHTTPTransport

    /// A client of `kind` for the fake server; no retries unless asked.
    func client(
        _ kind: BackendKind,
        model: String? = nil,
        options: [String: String] = [:],
        maxBatchSize: Int? = nil,
        maxRetries: Int = 0,
        apiKeyEnv: String? = nil,
        auth: AuthStyle? = nil,
        headers: [String: String] = [:],
        environment: [String: String] = [:]
    ) throws -> BackendClient {
        try BackendClient(configuration: configuration(kind, model: model, options: options, maxBatchSize: maxBatchSize, maxRetries: maxRetries, apiKeyEnv: apiKeyEnv, auth: auth, headers: headers), transport: transport, environment: environment)
    }

    func configuration(
        _ kind: BackendKind,
        model: String? = nil,
        options: [String: String] = [:],
        maxBatchSize: Int? = nil,
        maxRetries: Int = 0,
        apiKeyEnv: String? = nil,
        auth: AuthStyle? = nil,
        headers: [String: String] = [:]
    ) -> BackendConfiguration {
        BackendConfiguration(
            name: "fake-\(kind.rawValue)", kind: kind, urls: [server.baseURL], model: model, apiKeyEnv: apiKeyEnv, auth: auth,
            concurrency: 4, connectTimeout: 5, requestTimeout: 60, maxRetries: maxRetries, headers: headers,
            maxBatchSize: maxBatchSize, options: options
        )
    }

    /// Every request's JSON body, in arrival order.
    var bodies: [[String: Any]] { server.log.map { $0.json ?? [:] } }
}

/// Runs `body` against a fake server answering with `handler`, and stops both afterwards,
/// whether `body` returns or throws.
func withFakeBackend<T>(
    _ handler: @escaping FakeHTTPServer.Handler,
    body: (FakeBackend) async throws -> T
) async throws -> T {
    let server = try await FakeHTTPServer.start(handler: handler)
    let backend = FakeBackend(server: server, transport: AsyncHTTPTransport(connectionsPerHost: 4))
    do {
        let result = try await body(backend)
        try await backend.transport.shutdown()
        try await server.stop()
        return result
    } catch {
        try? await backend.transport.shutdown()
        try? await server.stop()
        throw error
    }
}

/// Answers with the scripted replies in turn, repeating the last one.
final class Script: Sendable {
    private let replies: [FakeHTTPServer.Reply]
    private let next = Mutex(0)

    init(_ replies: FakeHTTPServer.Reply...) {
        self.replies = replies
    }

    var handler: FakeHTTPServer.Handler {
        { _ in self.take() }
    }

    private func take() -> FakeHTTPServer.Reply {
        next.withLock { index in
            defer { index += 1 }
            return replies[min(index, replies.count - 1)]
        }
    }
}

/// Whether `keys` appear in `body` in the given order as JSON object keys.
func keysAppearInOrder(_ keys: [String], in body: Data) -> Bool {
    let text = String(decoding: body, as: UTF8.self)
    var positions: [String.Index] = []
    for key in keys {
        guard let range = text.range(of: "\"\(key)\":") else { return false }
        positions.append(range.lowerBound)
    }
    return positions == positions.sorted()
}
