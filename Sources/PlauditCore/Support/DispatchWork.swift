import Dispatch
import Foundation
import Synchronization

/// Runs seconds of CPU work on threads of its own and awaits it, so the work never occupies a
/// thread of Swift's cooperative pool (where it would starve tasks such as in-process servers,
/// HTTP exchanges and their timeouts).
///
/// Dedicated threads, not Dispatch's queues: on Linux the global queues, and concurrent queues
/// made with a label, draw on the same width-limited threads as the cooperative pool (measured:
/// two blocks spinning on `DispatchQueue.global()` delayed an unrelated `Task` by their whole
/// run on a 2-core machine; two dedicated threads delayed it by 0.2 ms). The calls are coarse
/// (a phase, or a chunk of prompts), so a thread per worker costs nothing that shows.
public enum DispatchWork {
    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }

    /// `body(0) … body(workers − 1)`, each on a thread of its own; returns when all have.
    public static func parallel(workers: Int, _ body: @escaping @Sendable (Int) -> Void) async {
        await run {
            let group = DispatchGroup()
            for worker in 1..<max(1, workers) {
                group.enter()
                Thread {
                    body(worker)
                    group.leave()
                }.start()
            }
            body(0)
            group.wait()
        }
    }

    /// `body(0) … body(count − 1)` spread over `workers` threads (`nil`: one per core), in order.
    /// `finished`, when given, is called from the worker threads with the number of calls done
    /// so far (not necessarily in increasing order).
    public static func map<T: Sendable>(
        _ count: Int, workers: Int? = nil, finished: (@Sendable (Int) -> Void)? = nil,
        _ body: @escaping @Sendable (Int) -> T
    ) async -> [T] {
        guard count > 0 else { return [] }
        let workers = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, count))
        let state = MapState<T>(count: count)
        await parallel(workers: workers) { worker in
            for index in stride(from: worker, to: count, by: workers) {
                let value = body(index)
                state.results.withLock { $0[index] = value }
                let total = state.done.add(1, ordering: .relaxed).newValue
                finished?(total)
            }
        }
        return state.results.withLock { $0.map { $0! } }
    }
}

/// The results of ``DispatchWork/map(_:workers:finished:_:)`` while its threads fill them.
private final class MapState<T: Sendable>: Sendable {
    let results: Mutex<[T?]>
    let done = Atomic<Int>(0)

    init(count: Int) {
        results = Mutex([T?](repeating: nil, count: count))
    }
}
