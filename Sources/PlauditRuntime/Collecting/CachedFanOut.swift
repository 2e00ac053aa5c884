public import Foundation
public import PlauditCore

/// The stages every collector shares (scores, labels, generations): what the cache already
/// holds is read in one bulk lookup, the rest is asked a bounded number of calls at a time, each
/// new answer is stored as soon as it arrives, and what was answered is stored even when the
/// run stops on an error. A killed run started again therefore asks only for what was missing.
///
/// The collectors decide what a unit of work is (one request, a batch, a generation task), how
/// answers are keyed and encoded, and what counts as a failure; this type owns the order of the
/// stages and the cache writer's lifetime.
public struct CachedFanOut: Sendable {
    /// Calls in flight at once.
    public var concurrency: Int
    /// Where answers are looked up and stored; `nil` for no caching.
    public var cache: (any ResponseCache)?
    /// Ignore stored answers (and replace them with fresh ones).
    public var refresh: Bool

    /// Keys per cache call: the call's fixed cost is then small, and one statement or answer
    /// never holds an unbounded list.
    static let lookupChunk = 10_000

    /// How long the cache writer gathers answers before a commit: zero (each answer committed as
    /// it arrives) by default. The score collector gathers 20 ms (``ScoreCollector``): one
    /// transaction per ~20 ms of cheap answers instead of one per answer, since each commit costs
    /// CPU and WAL pages a saturated run needs for its requests (`Benchmarks/http/run.sh`); a
    /// run killed mid-way then loses at most the last 20 ms of scores, which its rerun asks
    /// again. Generations, slow and costly, are committed one by one.
    public var writeDelay: Duration

    public init(concurrency: Int = 1, cache: (any ResponseCache)? = nil, refresh: Bool = false, writeDelay: Duration = .zero) {
        self.concurrency = max(1, concurrency)
        self.cache = cache
        self.refresh = refresh
        self.writeDelay = writeDelay
    }

    /// The stored answer for each key, in order (`nil` where none is stored). Nothing is found
    /// without a cache or when refreshing.
    public func lookup(_ keys: [CacheKey]) async throws -> [Data?] {
        guard let cache, !refresh, !keys.isEmpty else { return Array(repeating: nil, count: keys.count) }
        var values: [Data?] = []
        values.reserveCapacity(keys.count)
        for start in stride(from: 0, to: keys.count, by: Self.lookupChunk) {
            values.append(contentsOf: try await cache.values(for: Array(keys[start..<min(start + Self.lookupChunk, keys.count)])))
        }
        return values
    }

    /// Calls `work` for every unit in `0..<count`, at most ``concurrency`` at a time, and hands
    /// each result to `receive` on the calling task in completion order, with a ``Store`` that
    /// writes new answers to the cache under `namespace`. Returns how many answers were stored.
    /// The first error thrown by `work` or `receive` stops the run; what was already received is
    /// stored before it is rethrown.
    public func fanOut<Answer: Sendable>(
        count: Int,
        namespace: String,
        work: @escaping @Sendable (Int) async throws -> Answer,
        receive: (Int, Answer, Store) async throws -> Void
    ) async throws -> Int {
        try await storing(namespace: namespace) { store in
            try await BoundedConcurrency.forEach(count: count, limit: concurrency, work: work) { index, answer in
                try await receive(index, answer, store)
            }
        }
    }

    /// Like ``fanOut(count:namespace:work:receive:)`` for units found as the run goes (see
    /// ``BoundedConcurrency/forEach(limit:refill:work:receive:)``): `refill` runs on the
    /// calling task, typically looking up the next keys in the cache while earlier calls are in
    /// flight, and returns `nil` when there is nothing more. Returns how many answers were stored.
    public func fanOut<Unit: Sendable, Answer: Sendable>(
        namespace: String,
        refill: () async throws -> [Unit]?,
        work: @escaping @Sendable (Unit) async throws -> Answer,
        receive: (Unit, Answer, Store) async throws -> Void
    ) async throws -> Int {
        try await storing(namespace: namespace) { store in
            try await BoundedConcurrency.forEach(limit: concurrency, refill: refill, work: work) { unit, answer in
                try await receive(unit, answer, store)
            }
        }
    }

    /// Runs `body` with a ``Store`` under `namespace`, then finishes the cache writer (also when
    /// `body` throws, so what was received is kept) and returns how many answers it stored.
    private func storing(namespace: String, _ body: (Store) async throws -> Void) async throws -> Int {
        let writer = cache.map { CacheWriter(cache: $0, delay: writeDelay) }
        do {
            try await body(Store(writer: writer, namespace: namespace))
        } catch {
            try? await writer?.finish()
            throw error
        }
        guard let writer else { return 0 }
        try await writer.finish()
        return await writer.stored
    }

    /// Writes answers to the cache as they arrive (a no-op without a cache).
    public struct Store: Sendable {
        let writer: CacheWriter?
        let namespace: String

        /// Whether answers are written anywhere.
        public var isCaching: Bool { writer != nil }

        public func callAsFunction(_ key: CacheKey, _ value: Data) async throws {
            try await writer?.add(CacheEntry(key: key, namespace: namespace, value: value))
        }
    }
}
