import PlauditClients
import PlauditCore

/// The process's HTTP transports (one AsyncHTTPClient shared by every backend that uses it,
/// its per-host connection limit raised to the largest concurrency asked for; one URLSession
/// transport for backends that ask for libcurl's conventions), shut down once at the end.
final class TransportPool: Sendable {
    let shared: SharedTransports

    init(backends: [BackendConfiguration]) {
        shared = SharedTransports(for: backends)
    }

    func transport(for backend: BackendConfiguration) throws -> any HTTPTransport {
        try shared.transport(for: backend)
    }

    func shutdown() async throws {
        try await shared.shutdown()
    }
}
