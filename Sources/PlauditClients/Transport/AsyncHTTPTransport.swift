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
/// Timeouts: `connectTimeout` bounds opening a connection; each request's
/// ``TransportRequest/timeout`` is its deadline.
///
/// A connection that cannot be opened fails the requests waiting for it at once (a refusal or an
/// unknown host as a ``ConnectFailure``, a TLS failure as itself): AsyncHTTPClient's own retrying
/// of connection establishment is off, because it held every request until `connectTimeout` ran
/// out and hid why (a server that was down cost 5 s per attempt, about a minute per run).
/// ``BackendClient`` and its ``RetryPolicy`` decide what happens next.
public final class AsyncHTTPTransport: HTTPTransport {
    let client: HTTPClient

    /// - Parameters:
    ///   - connectionsPerHost: at least the concurrency limit of any backend on one host.
    ///   - connectTimeout: seconds to open a connection (a host that never answers the connect).
    public init(connectionsPerHost: Int, connectTimeout: Double = 5) {
        var configuration = HTTPClient.Configuration()
        configuration.httpVersion = .http1Only
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, connectionsPerHost)
        )
        configuration.timeout = .init(connect: .milliseconds(Int64(connectTimeout * 1000)))
        configuration.connectionPool.retryConnectionEstablishment = false
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
        let response: HTTPClientResponse
        do {
            response = try await client.execute(outgoing, timeout: .milliseconds(seconds * 1000 + millis))
        } catch {
            throw Self.connectFailure(error) ?? error
        }
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
