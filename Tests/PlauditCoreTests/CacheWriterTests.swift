import Foundation
import Testing

@testable import PlauditCore

/// An in-memory `ResponseCache` that records each `store` call, can hold stores until the test
/// releases them, and can fail one.
actor FakeResponseCache: ResponseCache {
    struct Failure: Error, Equatable {}

    private(set) var batches: [[CacheEntry]] = []
    private(set) var values: [CacheKey: Data] = [:]
    private var held = 0
    private var holding: [CheckedContinuation<Void, Never>] = []
    private var failOnStore: Int?
    /// One element per `store` call, when it starts.
    nonisolated let started: AsyncStream<Int>
    private let startedContinuation: AsyncStream<Int>.Continuation

    init() {
        (started, startedContinuation) = AsyncStream.makeStream(of: Int.self)
    }

    /// The next `count` stores wait for ``release()``.
    func hold(_ count: Int) { held = count }

    /// Lets the oldest held store finish.
    func release() {
        if !holding.isEmpty { holding.removeFirst().resume() }
    }

    /// The store call with this index (from 0) throws ``Failure`` (without storing).
    func fail(onStore index: Int) { failOnStore = index }

    func lookup(_ keys: [CacheKey]) async throws -> [CacheKey: Data] {
        values.filter { keys.contains($0.key) }
    }

    func store(_ entries: [CacheEntry]) async throws {
        let index = batches.count
        batches.append(entries)
        startedContinuation.yield(index)
        if held > 0 {
            held -= 1
            await withCheckedContinuation { holding.append($0) }
        }
        if index == failOnStore { throw Failure() }
        for entry in entries { values[entry.key] = entry.value }
    }
}

@Suite("CacheWriter")
struct CacheWriterTests {
    static func entry(_ index: Int) -> CacheEntry {
        CacheEntry(key: CacheKey(hex: String(format: "%064x", index)), namespace: "test", value: Data("\(index)".utf8))
    }

    @Test("Group commit: what arrives while a store runs goes in the next one, all together")
    func groupCommit() async throws {
        let cache = FakeResponseCache()
        await cache.hold(1)
        var started = cache.started.makeAsyncIterator()
        let writer = CacheWriter(cache: cache)
        try await writer.add(Self.entry(0))
        #expect(await started.next() == 0)
        for index in 1..<10 { try await writer.add(Self.entry(index)) }
        try await writer.add(contentsOf: (10..<20).map(Self.entry))
        await cache.release()
        try await writer.flush()
        let batches = await cache.batches
        #expect(batches.map { $0.map(\.key) } == [[Self.entry(0).key], (1..<20).map { Self.entry($0).key }])
        #expect(await writer.stored == 20)
        #expect(await cache.values.count == 20)
    }

    @Test("At a low rate each entry is stored on its own, without a flush")
    func lowRate() async throws {
        let cache = FakeResponseCache()
        var started = cache.started.makeAsyncIterator()
        let writer = CacheWriter(cache: cache)
        for index in 0..<3 {
            try await writer.add(Self.entry(index))
            #expect(await started.next() == index)
            try await writer.flush()
        }
        #expect(await cache.batches.map(\.count) == [1, 1, 1])
    }

    @Test("With a delay, entries gather into one store; flush ends the wait")
    func delayGathers() async throws {
        let cache = FakeResponseCache()
        let writer = CacheWriter(cache: cache, delay: .seconds(600))
        for index in 0..<5 { try await writer.add(Self.entry(index)) }
        for _ in 0..<50 { await Task.yield() }
        #expect(await cache.batches.isEmpty)
        try await writer.flush()
        #expect(await cache.batches.map(\.count) == [5])
        try await writer.add(Self.entry(5))
        try await writer.finish()
        #expect(await cache.batches.map(\.count) == [5, 1])
        #expect(await writer.stored == 6)
    }

    @Test("flush waits for the store in flight and for what was queued behind it")
    func flushWaits() async throws {
        let cache = FakeResponseCache()
        await cache.hold(2)
        var started = cache.started.makeAsyncIterator()
        let writer = CacheWriter(cache: cache)
        try await writer.add(Self.entry(0))
        #expect(await started.next() == 0)
        try await writer.add(Self.entry(1))
        let flushed = Task { try await writer.flush() }
        for _ in 0..<50 { await Task.yield() }
        #expect(await cache.values.isEmpty)
        await cache.release()
        #expect(await started.next() == 1)
        #expect(await cache.values.count == 1)
        await cache.release()
        try await flushed.value
        #expect(await cache.values.count == 2)
        // Nothing pending: returns at once.
        try await writer.flush()
        #expect(await writer.stored == 2)
    }

    @Test("maximumBatch splits a long queue into several stores")
    func maximumBatch() async throws {
        let cache = FakeResponseCache()
        await cache.hold(1)
        var started = cache.started.makeAsyncIterator()
        let writer = CacheWriter(cache: cache, maximumBatch: 4)
        try await writer.add(Self.entry(0))
        #expect(await started.next() == 0)
        try await writer.add(contentsOf: (1..<11).map(Self.entry))
        await cache.release()
        try await writer.finish()
        #expect(await cache.batches.map(\.count) == [1, 4, 4, 2])
        #expect(await writer.stored == 11)
    }

    @Test("A failed store is rethrown by flush, finish and later adds, and is not counted")
    func errorSurfaces() async throws {
        let cache = FakeResponseCache()
        await cache.fail(onStore: 1)
        await cache.hold(2)
        var started = cache.started.makeAsyncIterator()
        let writer = CacheWriter(cache: cache)
        try await writer.add(Self.entry(0))
        #expect(await started.next() == 0)
        try await writer.add(Self.entry(1))
        try await writer.add(Self.entry(2))
        await cache.release()
        #expect(await started.next() == 1)
        let flushed = Task { try await writer.flush() }
        await cache.release()
        await #expect(throws: FakeResponseCache.Failure.self) { try await flushed.value }
        await #expect(throws: FakeResponseCache.Failure.self) { try await writer.flush() }
        await #expect(throws: FakeResponseCache.Failure.self) { try await writer.add(Self.entry(3)) }
        await #expect(throws: FakeResponseCache.Failure.self) { try await writer.finish() }
        #expect(await writer.stored == 1)
        #expect(await cache.batches.count == 2)
    }

    @Test("finish stores everything, then refuses new entries")
    func finish() async throws {
        let cache = FakeResponseCache()
        let writer = CacheWriter(cache: cache)
        for index in 0..<100 { try await writer.add(Self.entry(index)) }
        try await writer.finish()
        #expect(await cache.values.count == 100)
        #expect(await writer.stored == 100)
        await #expect(throws: CacheWriter.FinishedError.self) { try await writer.add(Self.entry(100)) }
        try await writer.finish()
    }
}
