public import Foundation

/// Sends one HTTP request and returns the whole answer. The seam between backends and the
/// HTTP stack: AsyncHTTPClient by default, URLSession where libcurl's conventions are needed,
/// and anything a test wants.
///
/// Contract: any status is returned, not thrown; a thrown error means no complete answer
/// arrived (connection refused or dropped, timeout, body cut short). A connection that could not
/// be opened at all is thrown as ``ConnectFailure``, so that a server that is down can be told
/// from one that failed mid-answer. Implementations are shared by every backend of the process
/// and must allow many calls at once.
public protocol HTTPTransport: Sendable {
    func send(_ request: TransportRequest) async throws -> TransportResponse
    /// Closes connections; call once, when nothing is in flight.
    func shutdown() async throws
}

/// One request as the transport sends it.
public struct TransportRequest: Sendable {
    public var method: String
    public var url: String
    /// Header names as given; values may be secrets and must never be logged.
    public var headers: [(name: String, value: String)]
    public var body: Data?
    /// The whole exchange must finish within this.
    public var timeout: Duration

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: Data? = nil, timeout: Duration) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// A complete answer.
public struct TransportResponse: Sendable {
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
