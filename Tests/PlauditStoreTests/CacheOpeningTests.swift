import Foundation
import GRDB
import PlauditCore
import Testing

@testable import PlauditStore

/// Files that must not be opened as a cache, and the errors that say so.
@Suite("Opening a cache file")
struct CacheOpeningTests {
    @Test("A file that is not SQLite: notACache, naming the path")
    func notSQLite() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.path("results.jsonl")
        let text = String(repeating: "{\"not\": \"a database\"}\n", count: 200)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let error = await #expect(throws: CacheError.self) { try await SQLiteResponseCache(path: path) }
        #expect(error?.code == .notACache)
        #expect(error?.path == path)
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("--cache") == true)
        // The file is left as it was.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(text.utf8))
    }

    @Test("Another program's SQLite database: notACache, and nothing is written into it")
    func otherDatabase() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.path("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)") }
        }
        let error = await #expect(throws: CacheError.self) { try await SQLiteResponseCache(path: path) }
        #expect(error?.code == .notACache)
        #expect(error?.description.contains(path) == true)
        let queue = try DatabaseQueue(path: path)
        let tables = try await queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") }
        #expect(tables == ["notes"])
        // Not even switched to WAL.
        let journal = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "delete")
    }

    @Test("A cache with a newer schema version: newerSchema, naming the path and both versions")
    func newerSchema() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.path("cache.sqlite")
        do {
            let cache = try await SQLiteResponseCache(path: path)
            try await cache.store([Fixtures.entry(1)])
            try await cache.pool.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        }
        let error = await #expect(throws: CacheError.self) { try await SQLiteResponseCache(path: path) }
        #expect(error?.code == .newerSchema)
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("99") == true)
        #expect(error?.description.contains("upgrade plaudit") == true)
    }

    @Test("An empty file becomes a cache")
    func emptyFile() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.path("cache.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let cache = try await SQLiteResponseCache(path: path)
        try await cache.store([Fixtures.entry(1)])
        #expect(try await cache.lookup([Fixtures.key(1)]).count == 1)
    }

    @Test("A folder that cannot be created: unavailable, naming the path")
    func unwritableFolder() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let blocker = dir.path("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let path = blocker + "/cache.sqlite"
        let error = await #expect(throws: CacheError.self) { try await SQLiteResponseCache(path: path) }
        #expect(error?.code == .unavailable)
        #expect(error?.description.contains(path) == true)
    }
}
