import Foundation
import GRDB
import PlauditCore
import Testing

@testable import PlauditStore

/// The `embeddings` table: vectors stored and read back bit for bit, damaged rows read as
/// missing, the schema migration from version 1, and `stats`, `prune` and `clear` over vectors.
@Suite("Embedding store")
struct EmbeddingStoreTests {
    static let identity = EmbedderCacheIdentity(kind: "minilm", source: "sha256 test", model: "all-MiniLM-L6-v2", dimension: 384)

    static func entry(_ index: Int, dimension: Int = 384) -> EmbeddingEntry {
        let vector = (0..<dimension).map { Float(sin(Double(index * dimension + $0))) * 0.37 }
        return EmbeddingEntry(key: CacheKey(embedding: identity, text: "text \(index)"), namespace: identity.namespace, vector: vector)
    }

    @Test("Vectors read back bit for bit; unknown keys are omitted; storing again replaces")
    func roundTrip() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let cache = try await SQLiteResponseCache(path: dir.path("cache.sqlite"))
        let entries = (0..<500).map { Self.entry($0) }
        try await cache.store(vectors: entries)
        let unknown = CacheKey(embedding: Self.identity, text: "never stored")
        let found = try await cache.vectors(for: entries.map(\.key) + [unknown], dimension: 384)
        #expect(found.count == 500)
        for entry in entries {
            #expect(found[entry.key]?.map(\.bitPattern) == entry.vector.map(\.bitPattern))
        }
        var replaced = entries[0]
        replaced.vector = replaced.vector.map { -$0 }
        try await cache.store(vectors: [replaced])
        #expect(try await cache.vectors(for: [replaced.key], dimension: 384)[replaced.key] == replaced.vector)
        #expect(try await cache.vectors(for: [], dimension: 384).isEmpty)
        // A second instance on the file (a shard, a rerun) reads them too; answers are untouched.
        let again = try await SQLiteResponseCache(path: dir.path("cache.sqlite"))
        #expect(try await again.vectors(for: [entries[7].key], dimension: 384)[entries[7].key] == entries[7].vector)
        #expect(try await again.lookup(entries.map(\.key)).isEmpty)
        #expect(again.embeddings != nil)
    }

    @Test("A row of another dimension, a truncated blob, a NaN, a text value or a wrong dims column is a miss; storing repairs it")
    func damagedRows() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let cache = try await SQLiteResponseCache(path: dir.path("cache.sqlite"))
        let entries = (0..<6).map { Self.entry($0) }
        try await cache.store(vectors: entries)
        let keys = entries.map(\.key.hex)
        try await cache.pool.write { db in
            let table = CacheSchema.embeddingsTable
            try db.execute(sql: "UPDATE \(table) SET vector = substr(vector, 1, 100) WHERE key = ?", arguments: [keys[0]])
            try db.execute(sql: "UPDATE \(table) SET dims = 383 WHERE key = ?", arguments: [keys[1]])
            try db.execute(sql: "UPDATE \(table) SET vector = 'not a vector' WHERE key = ?", arguments: [keys[2]])
            var nan = EmbeddingBlob.encode(entries[3].vector)
            nan.replaceSubrange(0..<4, with: EmbeddingBlob.encode([.nan]))
            try db.execute(sql: "UPDATE \(table) SET vector = ? WHERE key = ?", arguments: [nan, keys[3]])
            try db.execute(sql: "UPDATE \(table) SET dims = 'many' WHERE key = ?", arguments: [keys[4]])
        }
        let found = try await cache.vectors(for: entries.map(\.key), dimension: 384)
        #expect(Set(found.keys) == [entries[5].key])
        // Asked with another dimension, even the good row is a miss.
        #expect(try await cache.vectors(for: [entries[5].key], dimension: 768).isEmpty)
        try await cache.store(vectors: Array(entries[0..<5]))
        #expect(try await cache.vectors(for: entries.map(\.key), dimension: 384).count == 6)
    }

    @Test("A version-1 cache is migrated: its answers kept, the embeddings table added, version 2 recorded")
    func migratesVersionOne() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.path("cache.sqlite")
        do {
            // The version-1 layout, as plaudit wrote it before vectors were cached.
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(
                    sql: "CREATE TABLE responses (key TEXT PRIMARY KEY NOT NULL, namespace TEXT NOT NULL, value BLOB NOT NULL, created_at INTEGER NOT NULL)")
                try db.execute(
                    sql: "INSERT INTO responses VALUES (?, 'score/test', ?, 1700000000)", arguments: [Fixtures.key(1).hex, Data("answer".utf8)])
                try db.execute(sql: "PRAGMA application_id = \(CacheSchema.applicationID)")
                try db.execute(sql: "PRAGMA user_version = 1")
            }
        }
        let cache = try await SQLiteResponseCache(path: path)
        #expect(try await cache.lookup([Fixtures.key(1)])[Fixtures.key(1)] == Data("answer".utf8))
        let version = try await cache.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == 2)
        try await cache.store(vectors: [Self.entry(1)])
        #expect(try await cache.vectors(for: [Self.entry(1).key], dimension: 384).count == 1)
    }

    @Test("stats counts vectors under their namespace; prune and clear remove them with the answers")
    func maintenance() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let clock = TestClock()
        let start = clock.now
        let cache = try await SQLiteResponseCache(path: dir.path("cache.sqlite"), clock: clock.closure)
        try await cache.store([Fixtures.entry(0, namespace: "score/a", size: 100)])
        try await cache.store(vectors: (0..<3).map { Self.entry($0) })
        clock.advance(by: 3_600)
        try await cache.store(vectors: [Self.entry(3)])
        let statistics = try await cache.statistics()
        #expect(statistics.namespaces.map(\.name) == ["embedding/minilm", "score/a"])
        let vectors = try #require(statistics.namespaces.first)
        #expect(vectors.entries == 4)
        #expect(vectors.bytes == 4 * 384 * 4)
        #expect(vectors.oldest == start && vectors.newest == start.addingTimeInterval(3_600))
        #expect(statistics.summary(path: cache.path).contains("embedding/minilm"))

        #expect(try await cache.prune(olderThan: start.addingTimeInterval(1_800), namespace: "embedding/minilm") == 3)
        #expect(try await cache.vectors(for: (0..<4).map { Self.entry($0).key }, dimension: 384).count == 1)
        #expect(try await cache.lookup([Fixtures.key(0)]).count == 1)
        #expect(try await cache.clear() == 2)
        #expect(try await cache.statistics().entries == 0)
    }
}
