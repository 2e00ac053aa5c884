/// No connection to the server could be opened: nothing listens on the port, the host or its
/// network cannot be reached, the host name does not resolve, or `connect_timeout` ran out
/// before the server accepted.
///
/// Transports throw it instead of their HTTP stack's own error for these cases, so that
/// ``BackendClient`` can tell "there is no server at this address" (worth stopping the run at
/// once when the backend has never answered) from failures of a server that is up (a dropped
/// connection, a timeout after connecting), which are always retried.
public struct ConnectFailure: Error, CustomStringConvertible, Sendable {
    /// Why the connection was not opened.
    public enum Reason: Hashable, Sendable {
        /// The host answered that nothing listens on the port.
        case refused
        /// The HTTP stack could not connect and does not say why (URLSession's
        /// `cannotConnectToHost`: refused or unreachable).
        case couldNotConnect
        /// The host or its network cannot be reached.
        case unreachable
        /// The host name does not resolve.
        case unresolved
        /// The server did not accept within the connect timeout.
        case timedOut
    }

    public var reason: Reason
    /// What the HTTP stack said, for the error message (may hold the URL: redact it).
    public var detail: String

    public init(_ reason: Reason, detail: String) {
        self.reason = reason
        self.detail = detail
    }

    /// The reason in a few words, as an error message says it.
    public var summary: String {
        switch reason {
        case .refused: "connection refused"
        case .couldNotConnect: "could not connect"
        case .unreachable: "host unreachable"
        case .unresolved: "host name not found"
        case .timedOut: "no connection within the connect timeout"
        }
    }

    public var description: String { "\(summary) (\(detail))" }
}
