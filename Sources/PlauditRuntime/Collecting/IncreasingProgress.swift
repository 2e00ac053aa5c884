import PlauditCore
import Synchronization

/// One phase's progress, forwarded only when `done` grows: an embedder reports from several
/// threads, and a chunk's own report follows its embedder's last one, so without this a count
/// could be printed twice or go backwards.
final class IncreasingProgress: Sendable {
    let reporter: any ProgressReporter
    let phase: String
    let total: Int
    let cached: Int
    private let last = Mutex(-1)

    init(_ reporter: any ProgressReporter, phase: String, total: Int, cached: Int) {
        self.reporter = reporter
        self.phase = phase
        self.total = total
        self.cached = cached
    }

    /// Reports `done` (at most `total`) when it is more than anything reported before; under
    /// the lock, so reports leave in increasing order.
    func report(_ done: Int) {
        let done = min(done, total)
        last.withLock { last in
            guard done > last else { return }
            last = done
            reporter.update(phase: phase, done: done, total: total, failed: 0, cached: cached)
        }
    }
}
