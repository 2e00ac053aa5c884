/// Stores answers as they arrive, in group commits: one `store` at a time, and whatever arrived
/// while it ran goes in the next one.
///
/// At a low rate each answer is stored alone, so it is durable within one commit of arriving;
/// at a high rate batches form by themselves, so a cache whose calls cost about 100 µs keeps up
/// with any request rate. Callers never wait for the disk: ``add(_:)`` queues and returns.
///
/// ```swift
/// let writer = CacheWriter(cache: cache)
/// // for each answer, from any task:
/// try await writer.add(CacheEntry(key: key, namespace: "score/vllm", value: body))
/// // at the end of the run (or before reporting progress as durable):
/// try await writer.finish()
/// let stored = await writer.stored
/// ```
///
/// Errors are kept, not dropped: the first failed `store` stops the writer, and that error is
/// rethrown by every later ``add(_:)``, ``flush()`` and ``finish()``. The failed batch and
/// what is still queued are not stored (their requests will simply be sent again next run).
/// Call ``finish()`` before the writer goes away; entries still queued then are lost.
public actor CacheWriter {
    /// Thrown by ``add(_:)`` after ``finish()``.
    public struct FinishedError: Error, CustomStringConvertible, Sendable {
        public var description: String { "the cache writer is finished; no more entries can be added" }
    }

    private let cache: any ResponseCache
    private let maximumBatch: Int
    private let delay: Duration
    /// The wait before a write cycle's first store, while it runs (cancelled by a flush).
    private var gathering: Task<Void, any Error>?
    private var queue: [CacheEntry] = []
    /// Entries added since the start, and entries handed to a `store` that succeeded; both
    /// count in the order of `add`, so "everything added so far is stored" is
    /// `storedThrough >= added at that moment`.
    private var added = 0
    private var storedThrough = 0
    private var writing = false
    private var failure: (any Error)?
    private var finished = false
    private var waiters: [(through: Int, continuation: CheckedContinuation<Void, any Error>)] = []

    /// Entries stored so far (for ``CacheCounts/stored``).
    public private(set) var stored = 0

    /// - Parameters:
    ///   - cache: where entries go.
    ///   - maximumBatch: the most entries one `store` takes, to bound a transaction's length
    ///     after a long stall; the rest go in the following ones.
    ///   - delay: how long an entry that finds the writer idle waits for others before the
    ///     store (zero: at once). A commit costs tens of microseconds of CPU and WAL pages
    ///     whatever its size, so at a few thousand answers a second a short delay (say 50 ms)
    ///     stores hundreds per transaction instead of one; an answer is then durable within
    ///     about `delay`, and ``flush()``, ``finish()`` or `maximumBatch` entries end the wait.
    public init(cache: any ResponseCache, maximumBatch: Int = 10_000, delay: Duration = .zero) {
        precondition(maximumBatch > 0, "maximumBatch must be positive")
        self.cache = cache
        self.maximumBatch = maximumBatch
        self.delay = delay
    }

    /// Queues `entry` and returns at once; it is stored with the next commit.
    ///
    /// - Throws: the error of an earlier failed `store`, or ``FinishedError`` after ``finish()``.
    public func add(_ entry: CacheEntry) throws {
        if let failure { throw failure }
        guard !finished else { throw FinishedError() }
        queue.append(entry)
        added += 1
        if queue.count >= maximumBatch { gathering?.cancel() }
        startWritingIfIdle()
    }

    /// Queues several entries at once; see ``add(_:)``.
    public func add(contentsOf entries: [CacheEntry]) throws {
        if let failure { throw failure }
        guard !finished else { throw FinishedError() }
        if entries.isEmpty { return }
        queue.append(contentsOf: entries)
        added += entries.count
        if queue.count >= maximumBatch { gathering?.cancel() }
        startWritingIfIdle()
    }

    /// Returns when everything added before this call is stored.
    ///
    /// - Throws: the error of a failed `store`, if one failed before or while waiting.
    public func flush() async throws {
        if let failure { throw failure }
        let target = added
        if storedThrough >= target { return }
        gathering?.cancel()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            waiters.append((target, continuation))
        }
    }

    /// Flushes, then refuses further entries. Calling it again only flushes again.
    public func finish() async throws {
        finished = true
        try await flush()
    }

    // MARK: - The write loop

    private func startWritingIfIdle() {
        guard !writing else { return }
        writing = true
        Task { await self.writeUntilEmpty() }
    }

    /// Stores the queue, batch after batch, until it is empty or a store fails. Runs on the
    /// actor, but the actor is free for `add` while each `store` is awaited.
    private func writeUntilEmpty() async {
        if delay > .zero && queue.count < maximumBatch && waiters.isEmpty {
            let delay = self.delay
            let gathering = Task { try await Task.sleep(for: delay) }
            self.gathering = gathering
            _ = try? await gathering.value
            self.gathering = nil
        }
        while !queue.isEmpty && failure == nil {
            let batch: [CacheEntry]
            if queue.count <= maximumBatch {
                batch = queue
                queue = []
            } else {
                batch = Array(queue.prefix(maximumBatch))
                queue.removeFirst(maximumBatch)
            }
            do {
                try await cache.store(batch)
                stored += batch.count
                storedThrough += batch.count
                resumeWaiters()
            } catch {
                failure = error
                queue = []
                resumeWaiters()
            }
        }
        writing = false
    }

    private func resumeWaiters() {
        var waiting: [(through: Int, continuation: CheckedContinuation<Void, any Error>)] = []
        for waiter in waiters {
            if let failure {
                waiter.continuation.resume(throwing: failure)
            } else if waiter.through <= storedThrough {
                waiter.continuation.resume()
            } else {
                waiting.append(waiter)
            }
        }
        waiters = waiting
    }
}
