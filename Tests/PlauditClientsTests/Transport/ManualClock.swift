import Foundation
import PlauditClients
import Synchronization

/// A ``TransportClock`` for tests: sleeping returns at once, moves the clock's time forward by
/// the amount asked, and is recorded, so back-off and rate-limit waits can be checked exactly.
final class ManualClock: Sendable {
    private struct State {
        var now: Duration = .zero
        var sleeps: [Duration] = []
    }

    private let state = Mutex(State())
    /// The wall-clock time the clock reports (fixed plus elapsed time).
    let origin: Date

    init(origin: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        self.origin = origin
    }

    /// Every sleep asked for, in order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }
    var now: Duration { state.withLock { $0.now } }

    func advance(by duration: Duration) {
        state.withLock { $0.now += duration }
    }

    var transportClock: TransportClock {
        TransportClock(
            now: { self.now },
            sleep: { duration in
                self.state.withLock {
                    $0.sleeps.append(duration)
                    $0.now += duration
                }
            },
            date: {
                let (seconds, attoseconds) = self.now.components
                return self.origin.addingTimeInterval(Double(seconds) + Double(attoseconds) * 1e-18)
            }
        )
    }
}
