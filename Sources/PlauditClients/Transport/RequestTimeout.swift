/// Bounds one exchange with a backend by `request_timeout`, on real time.
///
/// The transports also pass the limit to their HTTP stacks, but those differ in what they
/// bound (AsyncHTTPClient: a deadline; URLSession on Linux: idle time between bytes), and a
/// test transport may ignore it. This race makes the limit exact for any ``HTTPTransport``:
/// when time runs out the exchange is cancelled and ``RequestTimeout/Expired`` is thrown,
/// which the retry policy treats as a connection failure.
enum RequestTimeout {
    /// No complete answer arrived in time.
    struct Expired: Error, CustomStringConvertible {
        let limit: Duration
        var description: String { "no answer within \(limit)" }
    }

    /// Runs `operation`, cancelling it after `limit`.
    static func run<T: Sendable>(
        _ limit: Duration,
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw Expired(limit: limit)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }
}
