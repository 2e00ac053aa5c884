public import Foundation

/// The time source behind back-off, `retry-after` and rate-limit waits.
///
/// Injected so tests can run those waits instantly with exact expectations: a test clock
/// records each requested sleep and moves its own time forward by it. Request timeouts are
/// not driven by this clock; they always run on real time, because they bound real I/O.
public struct TransportClock: Sendable {
    /// Monotonic time since an arbitrary origin fixed for the clock's lifetime.
    public var now: @Sendable () -> Duration
    /// Waits for the given duration; throws `CancellationError` if the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// The wall-clock time, to read HTTP-date `retry-after` values.
    public var date: @Sendable () -> Date

    public init(
        now: @escaping @Sendable () -> Duration,
        sleep: @escaping @Sendable (Duration) async throws -> Void,
        date: @escaping @Sendable () -> Date
    ) {
        self.now = now
        self.sleep = sleep
        self.date = date
    }

    /// Real time: `ContinuousClock` and `Date()`.
    public static var system: TransportClock {
        let clock = ContinuousClock()
        let origin = clock.now
        return TransportClock(
            now: { clock.now - origin },
            sleep: { duration in
                if duration > .zero { try await clock.sleep(for: duration) }
            },
            date: { Date() }
        )
    }
}
