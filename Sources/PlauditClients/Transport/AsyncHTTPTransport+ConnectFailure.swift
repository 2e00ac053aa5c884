import AsyncHTTPClient
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension AsyncHTTPTransport {
    /// The ``ConnectFailure`` that AsyncHTTPClient's `error` stands for, or `nil` when the error
    /// came after a connection was open (or is not about connecting at all).
    ///
    /// SwiftNIO reports a failed connect as `NIOConnectionError` (one `IOError` per address
    /// tried, or the DNS errors when the name did not resolve); AsyncHTTPClient reports a connect
    /// timeout as `HTTPClientError.connectTimeout`.
    static func connectFailure(_ error: any Error) -> ConnectFailure? {
        let detail = String(describing: error)
        if let error = error as? HTTPClientError, error == .connectTimeout {
            return ConnectFailure(.timedOut, detail: detail)
        }
        if case ChannelError.connectTimeout = error {
            return ConnectFailure(.timedOut, detail: detail)
        }
        if let error = error as? NIOConnectionError {
            let reasons = error.connectionErrors.map { reason(of: $0.error) }
            if error.connectionErrors.isEmpty {
                return error.dnsAError != nil || error.dnsAAAAError != nil ? ConnectFailure(.unresolved, detail: detail) : nil
            }
            // Every address tried failed to connect; the most telling reason wins.
            for candidate in [ConnectFailure.Reason.refused, .unreachable, .timedOut] where reasons.contains(candidate) {
                return ConnectFailure(candidate, detail: detail)
            }
            return ConnectFailure(.couldNotConnect, detail: detail)
        }
        if let error = error as? IOError, let reason = reason(errno: error.errnoCode) {
            return ConnectFailure(reason, detail: detail)
        }
        return nil
    }

    private static func reason(of error: any Error) -> ConnectFailure.Reason? {
        if case ChannelError.connectTimeout = error { return .timedOut }
        if let error = error as? IOError { return reason(errno: error.errnoCode) }
        return nil
    }

    private static func reason(errno code: CInt) -> ConnectFailure.Reason? {
        switch code {
        case ECONNREFUSED: .refused
        case EHOSTUNREACH, ENETUNREACH, EHOSTDOWN, ENETDOWN, EADDRNOTAVAIL: .unreachable
        case ETIMEDOUT: .timedOut
        default: nil
        }
    }
}
