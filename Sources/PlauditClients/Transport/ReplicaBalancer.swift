import Synchronization

/// Spreads a backend's requests over its replicas (several `urls` serving the same model).
///
/// Each request goes to the replica with the fewest requests outstanding, so a slow or stalled
/// replica gets less work. Ties go round robin: the search starts just after the replica
/// chosen last, so one request at a time still alternates between idle replicas instead of
/// always hitting the first. A retry picks afresh, so it usually lands on another replica.
/// A `Mutex` around a few counters: the choice is short and synchronous.
final class ReplicaBalancer: Sendable {
    private struct State {
        var outstanding: [Int]
        var cursor = 0
    }

    private let state: Mutex<State>

    init(replicas: Int) {
        state = Mutex(State(outstanding: Array(repeating: 0, count: max(1, replicas))))
    }

    /// Requests outstanding per replica, in configuration order.
    var outstanding: [Int] { state.withLock { $0.outstanding } }

    /// Chooses a replica and counts a request against it; pair with ``finish(_:)``.
    func start() -> Int {
        state.withLock { state in
            let chosen = Self.choose(outstanding: state.outstanding, cursor: state.cursor)
            state.outstanding[chosen] += 1
            state.cursor = (chosen + 1) % state.outstanding.count
            return chosen
        }
    }

    /// The request on `replica` is over.
    func finish(_ replica: Int) {
        state.withLock { $0.outstanding[replica] -= 1 }
    }

    /// The replica with the fewest outstanding requests; among equals, the first at or after
    /// `cursor`, wrapping around.
    static func choose(outstanding: [Int], cursor: Int) -> Int {
        let count = outstanding.count
        var best = cursor % count
        for step in 1..<max(count, 1) {
            let index = (cursor + step) % count
            if outstanding[index] < outstanding[best] { best = index }
        }
        return best
    }
}
