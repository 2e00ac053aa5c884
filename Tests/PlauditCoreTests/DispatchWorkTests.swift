import Foundation
import PlauditCore
import Synchronization
import Testing

/// ``DispatchWork`` keeps Swift's cooperative pool free: on Linux, work on Dispatch's global
/// queues took the pool's threads, and a test run's fake servers and HTTP clients stalled for a
/// minute behind the audits' statistics.
@Suite("DispatchWork runs beside the cooperative pool, not on it")
struct DispatchWorkTests {
    final class Flag: Sendable {
        let raised = Atomic(false)
    }

    /// Busy until the flag is raised or 20 s pass; true when the flag was raised. Spinning, not
    /// sleeping: a thread that blocks may be replaced by Dispatch, one that computes is not.
    static func spin(until flag: Flag) -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while !flag.raised.load(ordering: .relaxed) {
            if Date() > deadline { return false }
        }
        return true
    }

    @Test("twice as many busy workers as cores: a task on the pool still runs and releases them")
    func poolStaysFree() async {
        let workers = 2 * ProcessInfo.processInfo.activeProcessorCount
        let flag = Flag()
        async let busy = DispatchWork.map(workers, workers: workers) { _ in Self.spin(until: flag) }
        async let single = DispatchWork.run { Self.spin(until: flag) }
        // Let the workers start, then raise the flag from a fresh task on the pool. Had the
        // workers taken the pool's threads, this task would wait for their 20 s deadline.
        try? await Task.sleep(for: .milliseconds(200))
        await Task { flag.raised.store(true, ordering: .relaxed) }.value
        let released = await busy
        #expect(released == [Bool](repeating: true, count: workers))
        #expect(await single)
    }

    @Test("map returns every result in order, with the finished count reaching the total")
    func mapOrder() async {
        let finished = Flag()
        let values = await DispatchWork.map(1_000, workers: 3, finished: { total in
            if total == 1_000 { finished.raised.store(true, ordering: .relaxed) }
        }) { $0 * $0 }
        #expect(values == (0..<1_000).map { $0 * $0 })
        let reachedTotal = finished.raised.load(ordering: .relaxed)
        #expect(reachedTotal)
        #expect(await DispatchWork.map(0) { $0 }.isEmpty)
    }
}
