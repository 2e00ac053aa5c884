import PlauditClients
import PlauditCore

/// The process's HTTP transports: one AsyncHTTPClient shared by every backend that uses it
/// (its per-host connection limit raised to the largest concurrency asked for), and one
/// URLSession transport for backends that ask for libcurl's conventions.
final class TransportPool: Sendable {
    let shared: SharedTransports
    /// Interim: the local scorers still use the old client until they move to BackendClient.
    let legacy: JSONHTTPClient

    init(backends: [BackendConfiguration]) {
        let largest = backends.map(\.concurrency).max() ?? 8
        shared = SharedTransports(for: backends)
        legacy = JSONHTTPClient(maxConnectionsPerHost: max(8, largest))
    }

    func transport(for backend: BackendConfiguration) throws -> any HTTPTransport {
        try shared.transport(for: backend)
    }

    func shutdown() async throws {
        try await shared.shutdown()
        try await legacy.shutdown()
    }
}
