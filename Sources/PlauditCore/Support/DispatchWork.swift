import Dispatch
import Foundation
import Synchronization

/// Runs seconds of CPU work on Dispatch threads and awaits it, so the work does not occupy a
/// thread of Swift's cooperative pool (where it would starve tasks such as in-process servers in
/// parallel tests).
public enum DispatchWork {
    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }

    /// `body(0) … body(count − 1)` spread over `workers` Dispatch threads (`nil`: one per core), in order. `finished`, when given, is called from the worker threads with the
    /// number of calls done so far (not necessarily in increasing order).
    public static func map<T: Sendable>(
        _ count: Int, workers: Int? = nil, finished: (@Sendable (Int) -> Void)? = nil,
        _ body: @escaping @Sendable (Int) -> T
    ) async -> [T] {
        guard count > 0 else { return [] }
        let workers = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, count))
        return await run {
            let results = Mutex([T?](repeating: nil, count: count))
            let done = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: count, by: workers) {
                    let value = body(index)
                    results.withLock { $0[index] = value }
                    let total = done.add(1, ordering: .relaxed).newValue
                    finished?(total)
                }
            }
            return results.withLock { $0.map { $0! } }
        }
    }
}
