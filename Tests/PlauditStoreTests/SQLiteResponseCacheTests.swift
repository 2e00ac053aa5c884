import Foundation
import GRDB
import PlauditCore
import Testing

@testable import PlauditStore

/// The `ResponseCache` contract on SQLite, and the file's settings.
@Suite("SQLiteResponseCache")
struct SQLiteResponseCacheTests {
    @Test("lookup after store returns the same bytes; unknown keys are omitted")
    func roundTrip() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let cache = try await SQLiteResponseCache(path: dir.path("cache.sqlite"))
        let entries = (0..<10).map { Fixtures.entry($0) } + [CacheEntry(key: Fixtures.key(99), namespace: "x", value: Data())]
        try await cache.store(entries)
        let unknown = Fixtures.key(1_000)
        let found = try await cache.lookup(entries.map(\.key) + [unknown])
        #expect(found.count == entries.count)
        for entry in entries {
            #expect(found[entry.key] == entry.value)
        }
        #expect(found[unknown] == nil)
    }

    @Test("Storing a key again replaces its value and namespace")
    func restoreReplaces() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let cache = try await SQLiteResponseCache(path: dir.path("cache.sqlite"))
        try await cache.store([Fixtures.entry(1), Fixtures.entry(2)])
        try await cache.store([Fixtures.entry(1)])
        let replacement = Fixtures.entry(1, namespace: "other", salt: "second")
        try await cache.store([replacement])
        let found = try await cache.lookup([Fixtures.key(1), Fixtures.key(2)])
        #expect(found[Fixtures.key(1)] == replacement.value)
        #expect(found[Fixtures.key(2)] == Fixtures.entry(2).value)
        let statistics = try await cache.statistics()
        #expect(statistics.entries == 2)
        #expect(statistics.namespaces.map(\.name) == ["other", "score/test"])
    }

    @Test("Empty inputs: nothing stored, nothing found; duplicate keys in one lookup are fine")
    func emptyInputs() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let cache = try await SQLiteResponseCache(path: dir.path("cache.sqlite"))
        try await cache.store([])
        #expect(try await cache.lookup([]).isEmpty)
        #expect(try await cache.lookup([Fixtures.key(1)]).isEmpty)
        try await cache.store([Fixtures.entry(1)])
        let found = try await cache.lookup([Fixtures.key(1), Fixtures.key(1)])
        #expect(found.count == 1)
    }

    @Test("10,000 entries round-trip in one store and one lookup, with either lookup strategy")
    func bulk() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let entries = (0..<10_000).map { Fixtures.entry($0, size: 300) }
        let keys = entries.map(\.key).shuffled() + (10_000..<10_100).map { Fixtures.key($0) }
        let expected = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value) })
        let path = dir.path("cache.sqlite")
        let cache = try await SQLiteResponseCache(path: path)
        try await cache.store(entries)
        #expect(try await cache.lookup(keys) == expected)
        for strategy in [LookupStrategy.pointPerKey, .chunked(size: 1), .chunked(size: 500)] {
            let other = try await SQLiteResponseCache(path: path, busyTimeout: 5, clock: { Date() }, lookupStrategy: strategy)
            #expect(try await other.lookup(keys) == expected, "\(strategy)")
        }
    }

    @Test("values(for:) answers in the keys' order: nil for unknown keys, repeats, empty values, the same bytes as lookup")
    func orderedValues() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let cache = try await SQLiteResponseCache(path: dir.path("cache.sqlite"))
        let entries = (0..<3_000).map { Fixtures.entry($0, size: $0 % 3 == 0 ? 8 : 700) } + [CacheEntry(key: Fixtures.key(5_000), namespace: "x", value: Data())]
        try await cache.store(entries)
        #expect(try await cache.values(for: []).isEmpty)
        let keys = (entries.map(\.key) + (3_000..<3_100).map { Fixtures.key($0) } + [Fixtures.key(7), Fixtures.key(7)]).shuffled()
        let values = try await cache.values(for: keys)
        let byKey = try await cache.lookup(keys)
        #expect(values.count == keys.count)
        #expect(values == keys.map { byKey[$0] })
        #expect(values.compactMap { $0 }.count == entries.count + 2)
        let stored = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value) })
        #expect(zip(keys, values).allSatisfy { stored[$0] == $1 })
        #expect(try await cache.values(for: [Fixtures.key(5_000)]) == [Data()])
    }

    @Test("Lookups while a writer stores: no errors, and every entry visible afterwards")
    func concurrentReadersAndWriter() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let cache = try await SQLiteResponseCache(path: dir.path("cache.sqlite"))
        let batches = 40
        let perBatch = 250
        try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for batch in 0..<batches {
                    try await cache.store((0..<perBatch).map { Fixtures.entry(batch * perBatch + $0) })
                }
                return 0
            }
            for reader in 0..<4 {
                group.addTask {
                    var seen = 0
                    for round in 0..<30 {
                        let keys = (0..<500).map { Fixtures.key((round * 331 + reader * 97 + $0 * 7) % (batches * perBatch)) }
                        let found = try await cache.lookup(keys)
                        for (key, value) in found {
                            // Whatever is visible is complete.
                            #expect(value.count == 64, "\(key)")
                        }
                        seen += found.count
                    }
                    return seen
                }
            }
            for try await _ in group {}
        }
        let all = (0..<(batches * perBatch)).map { Fixtures.key($0) }
        #expect(try await cache.lookup(all).count == batches * perBatch)
    }

    @Test("The file is in WAL mode with synchronous = NORMAL, and its header marks it as a plaudit cache")
    func fileSettings() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let cache = try await SQLiteResponseCache(path: dir.path("cache.sqlite"))
        try await cache.store([Fixtures.entry(1)])
        let (journal, synchronous, version, application) = try await cache.pool.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                try Int.fetchOne(db, sql: "PRAGMA user_version"), try Int32.fetchOne(db, sql: "PRAGMA application_id")
            )
        }
        #expect(journal == "wal")
        #expect(synchronous == 1)
        #expect(version == CacheSchema.version)
        #expect(application == CacheSchema.applicationID)
        let writerSynchronous = try await cache.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(writerSynchronous == 1)
    }

    @Test("The parent folders are created")
    func createsFolders() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.path("a/b/cache.sqlite")
        let cache = try await SQLiteResponseCache(path: path)
        try await cache.store([Fixtures.entry(1)])
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("A second instance (another process, another shard) sees the first one's entries, and back")
    func reopen() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.path("cache.sqlite")
        do {
            let first = try await SQLiteResponseCache(path: path)
            try await first.store((0..<100).map { Fixtures.entry($0) })
        }
        let second = try await SQLiteResponseCache(path: path)
        #expect(try await second.lookup((0..<100).map { Fixtures.key($0) }).count == 100)
        let third = try await SQLiteResponseCache(path: path)
        try await third.store([Fixtures.entry(500)])
        #expect(try await second.lookup([Fixtures.key(500)]) == [Fixtures.key(500): Fixtures.entry(500).value])
    }
}
