import Foundation
import PlauditCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// ``HTTPTransport`` on Foundation's URLSession (libcurl on Linux), for `transport: urlsession`.
///
/// Slower than ``AsyncHTTPTransport`` and it reconnects often (research/swift_stack.md §1.2),
/// but it follows libcurl's and the system's proxy and CA conventions, which some networks
/// require. An ephemeral session: no cookies, no cache, no credential store.
///
/// Timeouts: URLSession has no separate connect timeout, so `connect_timeout` is not used
/// here. URLSession's own limit is set one second past each request's
/// ``TransportRequest/timeout``: ``BackendClient`` bounds the whole exchange exactly and
/// cancels it first, and URLSession's timer is the backstop. (When both fired at the same
/// instant, swift-corelibs-foundation also failed the next requests at once with
/// `NSURLErrorTimedOut`; observed with Swift 6.3.1.)
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession
    /// Seconds added to URLSession's timeouts, so that the caller's exact limit fires first.
    private static let backstop: Double = 1

    /// - Parameters:
    ///   - connectionsPerHost: at least the concurrency limit of any backend on one host.
    ///   - requestTimeout: seconds, the longest any backend using this transport allows; the
    ///     session-wide limits are one second more.
    public init(connectionsPerHost: Int, requestTimeout: Double = 120) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = max(1, connectionsPerHost)
        configuration.timeoutIntervalForRequest = requestTimeout + Self.backstop
        configuration.timeoutIntervalForResource = requestTimeout + Self.backstop
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil
        session = URLSession(configuration: configuration)
    }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        guard let url = URL(string: request.url) else {
            throw ClientError(.configuration, "not a valid URL: \(URLCredentials.removing(from: request.url))")
        }
        var outgoing = URLRequest(url: url)
        outgoing.httpMethod = request.method
        outgoing.httpBody = request.body
        outgoing.timeoutInterval = request.timeout.inSeconds + Self.backstop
        for header in request.headers {
            outgoing.addValue(header.value, forHTTPHeaderField: header.name)
        }
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await session.data(for: outgoing)
        } catch let error as URLError {
            throw Self.connectFailure(error) ?? error
        }
        guard let http = response as? HTTPURLResponse else {
            throw ClientError(.unexpectedResponse, "not an HTTP answer from \(URLCredentials.removing(from: request.url))")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String {
                headers[name.lowercased()] = value
            }
        }
        return TransportResponse(status: http.statusCode, headers: headers, body: data)
    }

    public func shutdown() async throws {
        session.finishTasksAndInvalidate()
    }

    /// The ``ConnectFailure`` a URLSession error stands for (libcurl's "could not connect" and
    /// "could not resolve host" on Linux), or `nil`. A timeout is not one: URLSession does not say
    /// whether it came before or after connecting.
    static func connectFailure(_ error: URLError) -> ConnectFailure? {
        let detail = "URLError \(error.code.rawValue): \(error.localizedDescription)"
        switch error.code {
        case .cannotConnectToHost: return ConnectFailure(.couldNotConnect, detail: detail)
        case .cannotFindHost, .dnsLookupFailed: return ConnectFailure(.unresolved, detail: detail)
        case .notConnectedToInternet: return ConnectFailure(.unreachable, detail: detail)
        default: return nil
        }
    }
}
