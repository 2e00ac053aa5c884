public import Foundation
public import PlauditCore

/// The HTTP stacks of one process: one ``AsyncHTTPTransport`` shared by every backend that
/// uses it (the default), and one ``URLSessionTransport`` for backends with
/// `transport: urlsession`. Each is created only if some backend needs it.
///
/// Sharing keeps one connection pool and one event loop group per process. Each pool allows
/// as many connections per host as the largest `concurrency` among its backends (an
/// AsyncHTTPClient pool left at its default of 8 would silently cap concurrency), and the
/// AsyncHTTPClient connect timeout is the largest `connect_timeout` among them, so no backend
/// is cut short; per-request limits still come from each backend's `request_timeout`.
///
/// Create one at startup from every configured backend, make clients with
/// ``client(for:environment:)``, and call ``shutdown()`` once when no request is in flight.
public final class SharedTransports: Sendable {
    private let asyncHTTP: AsyncHTTPTransport?
    private let urlSession: URLSessionTransport?

    /// - Parameter configurations: every backend the process will talk to.
    public init(for configurations: [BackendConfiguration]) {
        let onAHC = configurations.filter { $0.transport == .asyncHTTPClient }
        let onURLSession = configurations.filter { $0.transport == .urlSession }
        asyncHTTP = onAHC.isEmpty ? nil : AsyncHTTPTransport(
            connectionsPerHost: onAHC.map(\.concurrency).max() ?? 1,
            connectTimeout: onAHC.map(\.connectTimeout).max() ?? 5
        )
        urlSession = onURLSession.isEmpty ? nil : URLSessionTransport(
            connectionsPerHost: onURLSession.map(\.concurrency).max() ?? 1,
            requestTimeout: onURLSession.map(\.requestTimeout).max() ?? 120
        )
    }

    /// The transport `configuration` asks for.
    /// - Throws: ``ClientError`` with code `.configuration` if `configuration` was not among
    ///   those this object was made for, with a transport kind none of them used.
    public func transport(for configuration: BackendConfiguration) throws -> any HTTPTransport {
        let found: (any HTTPTransport)? = switch configuration.transport {
        case .asyncHTTPClient: asyncHTTP
        case .urlSession: urlSession
        }
        guard let found else {
            throw ClientError(
                .configuration,
                "backend '\(configuration.name)': no shared \(configuration.transport.rawValue) transport; "
                    + "create SharedTransports with every backend's configuration"
            )
        }
        return found
    }

    /// A ``BackendClient`` for `configuration` on the shared transport it asks for.
    public func client(
        for configuration: BackendConfiguration,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> BackendClient {
        try BackendClient(configuration: configuration, transport: transport(for: configuration), environment: environment)
    }

    /// Closes every connection. Call once, when nothing is in flight.
    public func shutdown() async throws {
        try await asyncHTTP?.shutdown()
        try await urlSession?.shutdown()
    }
}
