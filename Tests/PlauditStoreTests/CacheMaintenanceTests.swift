import Foundation
import PlauditCore
import Testing

@testable import PlauditStore

/// `statistics`, `prune` and `clear`.
@Suite("Cache maintenance")
struct CacheMaintenanceTests {
    @Test("Statistics per namespace: entries, value bytes, oldest and newest; totals")
    func statistics() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let clock = TestClock()
        let start = clock.now
        let cache = try await SQLiteResponseCache(path: dir.path("cache.sqlite"), clock: clock.closure)
        #expect(try await cache.statistics().namespaces.isEmpty)
        try await cache.store((0..<3).map { Fixtures.entry($0, namespace: "score/a", size: 100) })
        clock.advance(by: 60)
        try await cache.store((3..<5).map { Fixtures.entry($0, namespace: "score/a", size: 100) })
        try await cache.store([Fixtures.entry(9, namespace: "embedding/b", size: 1_000)])
        let statistics = try await cache.statistics()
        #expect(statistics.namespaces.map(\.name) == ["embedding/b", "score/a"])
        let a = try #require(statistics.namespaces.last)
        #expect(a.entries == 5)
        #expect(a.bytes == 500)
        #expect(a.oldest == start)
        #expect(a.newest == start.addingTimeInterval(60))
        #expect(statistics.entries == 6)
        #expect(statistics.bytes == 1_500)
        #expect(statistics.oldest == start)
        #expect(statistics.newest == start.addingTimeInterval(60))
        #expect(statistics.fileBytes > 1_500)
    }

    @Test("prune(olderThan:) deletes by age only; with a namespace, only there")
    func pruneByAgeAndNamespace() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let clock = TestClock()
        let start = clock.now
        let cache = try await SQLiteResponseCache(path: dir.path("cache.sqlite"), clock: clock.closure)
        try await cache.store([Fixtures.entry(0, namespace: "a"), Fixtures.entry(1, namespace: "b")])
        clock.advance(by: 3_600)
        try await cache.store([Fixtures.entry(2, namespace: "a"), Fixtures.entry(3, namespace: "b")])
        let keys = (0..<4).map { Fixtures.key($0) }

        // Nothing is older than the first store.
        #expect(try await cache.prune(olderThan: start) == 0)
        // Only namespace b's old entry.
        #expect(try await cache.prune(olderThan: start.addingTimeInterval(1_800), namespace: "b") == 1)
        #expect(Set(try await cache.lookup(keys).keys) == [keys[0], keys[2], keys[3]])
        // Every old entry left.
        #expect(try await cache.prune(olderThan: start.addingTimeInterval(1_800)) == 1)
        #expect(Set(try await cache.lookup(keys).keys) == [keys[2], keys[3]])
        // A whole namespace, whatever its age.
        #expect(try await cache.prune(olderThan: .distantFuture, namespace: "a") == 1)
        #expect(Set(try await cache.lookup(keys).keys) == [keys[3]])
        #expect(try await cache.prune(olderThan: .distantFuture, namespace: "no-such") == 0)
    }

    @Test("clear deletes everything and the file shrinks; the cache stays usable")
    func clearShrinks() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let cache = try await SQLiteResponseCache(path: dir.path("cache.sqlite"))
        try await cache.store((0..<2_000).map { Fixtures.entry($0, size: 4_000) })
        let before = try await cache.statistics().fileBytes
        #expect(before > 8_000_000)
        #expect(try await cache.clear() == 2_000)
        let after = try await cache.statistics()
        #expect(after.entries == 0)
        #expect(after.fileBytes < before / 10, "before \(before), after \(after.fileBytes)")
        #expect(try await cache.clear() == 0)
        try await cache.store([Fixtures.entry(1)])
        #expect(try await cache.lookup([Fixtures.key(1)]).count == 1)
    }

    @Test("prune gives space back too")
    func pruneShrinks() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let clock = TestClock()
        let cache = try await SQLiteResponseCache(path: dir.path("cache.sqlite"), clock: clock.closure)
        try await cache.store((0..<2_000).map { Fixtures.entry($0, size: 4_000) })
        clock.advance(by: 100)
        try await cache.store([Fixtures.entry(5_000)])
        let before = try await cache.statistics().fileBytes
        #expect(try await cache.prune(olderThan: clock.now) == 2_000)
        let after = try await cache.statistics()
        #expect(after.entries == 1)
        #expect(after.fileBytes < before / 10, "before \(before), after \(after.fileBytes)")
    }
}
