import Foundation

/// Writes lines to a child's stdin on a serial queue of its own: a write blocks while the
/// pipe is full (the program is busy), and that must not block the cooperative pool.
final class StdinWriter: Sendable {
    private let handle: FileHandle
    private let queue: DispatchQueue

    init(handle: FileHandle, label: String) {
        self.handle = handle
        self.queue = DispatchQueue(label: label)
    }

    /// Queues `data`; `failed` is called if the write fails (the program closed its stdin or
    /// exited).
    func write(_ data: Data, failed: @escaping @Sendable (any Error) -> Void) {
        queue.async { [handle] in
            do {
                try handle.write(contentsOf: data)
            } catch {
                failed(error)
            }
        }
    }

    /// Closes stdin after the queued writes, so the program sees the end of its input.
    func close() {
        queue.async { [handle] in
            try? handle.close()
        }
    }
}
