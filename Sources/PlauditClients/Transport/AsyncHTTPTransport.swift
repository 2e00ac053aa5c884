import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// ``HTTPTransport`` on AsyncHTTPClient, the default.
///
/// Measured at about 4.8x URLSession's requests per second and 64 connections instead of
/// about 3,800 for 20,000 requests (research/swift_stack.md §1). AsyncHTTPClient's per-host
/// connection limit defaults to 8, which would silently cap concurrency; it is set here to the
/// largest concurrency any backend asks for. Get the process's shared instance from
/// ``SharedTransports`` rather than making one per backend.
///
/// Timeouts: `connectTimeout` bounds opening a connection (keep it short: a TLS failure only
/// surfaces when it runs out, research/swift_stack.md §1.6); each request's
/// ``TransportRequest/timeout`` is its deadline.
public final class AsyncHTTPTransport: HTTPTransport {
    let client: HTTPClient

    /// - Parameters:
    ///   - connectionsPerHost: at least the concurrency limit of any backend on one host.
    ///   - connectTimeout: seconds to open a connection; short, because a TLS failure only
    ///     surfaces when it runs out.
    public init(connectionsPerHost: Int, connectTimeout: Double = 5) {
        var configuration = HTTPClient.Configuration()
        configuration.httpVersion = .http1Only
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, connectionsPerHost)
        )
        configuration.timeout = .init(connect: .milliseconds(Int64(connectTimeout * 1000)))
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(data: body))
        }
        let seconds = request.timeout.components.seconds
        let millis = request.timeout.components.attoseconds / 1_000_000_000_000_000
        let response = try await client.execute(outgoing, timeout: .milliseconds(seconds * 1000 + millis))
        let buffer = try await response.body.collect(upTo: 256 << 20)
        var headers: [String: String] = [:]
        for header in response.headers {
            headers[header.name.lowercased()] = header.value
        }
        return TransportResponse(status: Int(response.status.code), headers: headers, body: Data(buffer: buffer))
    }

    public func shutdown() async throws {
        try await client.shutdown()
    }
}
