import Dispatch

/// Runs seconds of CPU work on a Dispatch thread and awaits it, so the work does not occupy a
/// thread of Swift's cooperative pool (where it would starve tasks such as in-process servers in
/// parallel tests).
public enum DispatchWork {
    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
