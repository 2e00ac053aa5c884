import Synchronization

/// Counts calls across tasks.
final class CallCounter: Sendable {
    private let value = Mutex(0)
    /// Returns the number of calls before this one.
    func next() -> Int { value.withLock { v in defer { v += 1 }; return v } }
}

/// A value shared across tasks and closures (a `Mutex` cannot be captured by an escaping
/// closure, being non-copyable).
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }

    var value: Value { mutex.withLock { $0 } }
}
