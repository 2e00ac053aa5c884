public import PlauditCore
import Synchronization

/// Progress of one phase done in chunks (embedding and clustering a large file part by part):
/// each chunk's updates, whatever phase they name, are shown as `phase` over the whole
/// `total`, after the units of the chunks before it; a chunk's own `finish` is held back until
/// ``finish()`` ends the whole phase.
public final class ChunkedProgress: ProgressReporter {
    let base: any ProgressReporter
    let phase: String
    let total: Int
    private let finished = Mutex((done: 0, cached: 0))

    public init(_ base: any ProgressReporter, phase: String, total: Int) {
        self.base = base
        self.phase = phase
        self.total = total
    }

    public func update(phase _: String, done: Int, total _: Int, failed: Int, cached: Int) {
        let before = finished.withLock { $0 }
        base.update(phase: phase, done: min(total, before.done + done), total: total, failed: failed, cached: before.cached + cached)
    }

    /// A chunk's phase ending is not the end of this one.
    public func finish(phase _: String) {}

    public func note(_ message: String) { base.note(message) }

    public func watch(retries: (@Sendable () -> Int)?) { base.watch(retries: retries) }

    /// A chunk of `units` is over, `cached` of them from a cache.
    public func completeChunk(units: Int, cached: Int) {
        let now = finished.withLock { state in
            state.done += units
            state.cached += cached
            return state
        }
        base.update(phase: phase, done: min(total, now.done), total: total, failed: 0, cached: now.cached)
    }

    /// The whole phase is over.
    public func finish() { base.finish(phase: phase) }
}
