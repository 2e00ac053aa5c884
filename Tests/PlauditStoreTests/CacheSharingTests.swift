import Foundation
import GRDB
import PlauditCore
import Testing

@testable import PlauditStore

/// One file shared by several caches (shards of one run), and the busy timeout.
@Suite("Sharing a cache file")
struct CacheSharingTests {
    @Test("Two caches on one file store at the same time: no busy errors, everything stored")
    func concurrentWriters() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.path("cache.sqlite")
        let first = try await SQLiteResponseCache(path: path)
        let second = try await SQLiteResponseCache(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (shard, cache) in [first, second].enumerated() {
                group.addTask {
                    for batch in 0..<20 {
                        try await cache.store((0..<100).map { Fixtures.entry(shard * 10_000 + batch * 100 + $0) })
                    }
                }
            }
            try await group.waitForAll()
        }
        let keys = (0..<2).flatMap { shard in (0..<2_000).map { Fixtures.key(shard * 10_000 + $0) } }
        #expect(try await first.lookup(keys).count == 4_000)
        #expect(try await second.lookup(keys).count == 4_000)
    }

    @Test("A write waits for another connection's write within the busy timeout, and fails with busy after it")
    func busyTimeout() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.path("cache.sqlite")
        let holder = try await SQLiteResponseCache(path: path)
        let patient = try await SQLiteResponseCache(path: path, busyTimeout: 30)
        let hasty = try await SQLiteResponseCache(path: path, busyTimeout: 0.05)
        let (locked, lockedContinuation) = AsyncStream.makeStream(of: Void.self)
        let holding = Task {
            try await holder.pool.write { db in
                try db.execute(sql: "INSERT INTO responses VALUES ('held', 'x', x'00', 0)")
                lockedContinuation.yield()
                Thread.sleep(forTimeInterval: 1.5)
            }
        }
        var iterator = locked.makeAsyncIterator()
        await iterator.next()
        let error = await #expect(throws: CacheError.self) { try await hasty.store([Fixtures.entry(1)]) }
        #expect(error?.code == .busy)
        #expect(error?.description.contains(path) == true)
        try await patient.store([Fixtures.entry(2)])
        try await holding.value
        #expect(try await hasty.lookup([Fixtures.key(1), Fixtures.key(2)]).keys.sorted() == [Fixtures.key(2)])
    }

    @Test("A damaged file: reading it gives corrupt, naming the path")
    func corruptFile() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.path("cache.sqlite")
        do {
            let cache = try await SQLiteResponseCache(path: path)
            try await cache.store((0..<500).map { Fixtures.entry($0, size: 500) })
            try await cache.pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
        // Overwrite everything after the header page.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 4_096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size) - 4_096))
        try handle.close()
        let error = await #expect(throws: CacheError.self) {
            let cache = try await SQLiteResponseCache(path: path)
            _ = try await cache.lookup((0..<500).map { Fixtures.key($0) })
        }
        #expect(error?.code == .corrupt)
        #expect(error?.description.contains(path) == true)
    }
}
