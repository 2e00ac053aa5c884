import Foundation
import Synchronization

/// The last few kilobytes a child process wrote to stderr, for error messages when it dies.
final class OutputTail: Sendable {
    private let state = Mutex<(data: Data, finished: Bool)>((Data(), false))
    let keepBytes: Int

    init(keepBytes: Int) {
        self.keepBytes = keepBytes
    }

    func append(_ chunk: Data) {
        state.withLock { state in
            state.data.append(chunk)
            if state.data.count > keepBytes { state.data = Data(state.data.suffix(keepBytes)) }
        }
    }

    func finish() {
        state.withLock { $0.finished = true }
    }

    /// Waits up to `timeout` for the end of the stream, then returns what is kept, trimmed.
    func text(waitingUpTo timeout: Duration) async -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !state.withLock({ $0.finished }), clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        let data = state.withLock { $0.data }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
