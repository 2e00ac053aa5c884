public import Foundation
import GRDB

/// `plaudit cache stats|prune|clear`: what the file holds, and removing entries.
extension SQLiteResponseCache {
    /// Entries, value bytes and age per namespace, and the file's size on disk.
    /// Reads the whole table once (about a second per million entries).
    public func statistics() async throws -> CacheStatistics {
        let namespaces: [CacheStatistics.Namespace]
        do {
            namespaces = try await pool.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT namespace, count(*), sum(length(value)), min(created_at), max(created_at)
                        FROM \(CacheSchema.table) GROUP BY namespace ORDER BY namespace
                        """
                )
                return rows.map { row in
                    CacheStatistics.Namespace(
                        name: row[0], entries: row[1], bytes: row[2],
                        oldest: Date(timeIntervalSince1970: TimeInterval(row[3] as Int64)),
                        newest: Date(timeIntervalSince1970: TimeInterval(row[4] as Int64))
                    )
                }
            }
        } catch {
            throw CacheError.wrapping(error, path: path, doing: "read")
        }
        return CacheStatistics(namespaces: namespaces, fileBytes: fileBytes())
    }

    /// Deletes the entries stored before `cutoff` (in `namespace` only, when given), then gives
    /// the freed space back to the file system.
    ///
    /// - Returns: the number of entries deleted.
    @discardableResult
    public func prune(olderThan cutoff: Date, namespace: String? = nil) async throws -> Int {
        let seconds = Int64(cutoff.timeIntervalSince1970.rounded(.down))
        return try await delete(doing: "prune") { db in
            if let namespace {
                try db.execute(
                    sql: "DELETE FROM \(CacheSchema.table) WHERE created_at < ? AND namespace = ?",
                    arguments: [seconds, namespace]
                )
            } else {
                try db.execute(sql: "DELETE FROM \(CacheSchema.table) WHERE created_at < ?", arguments: [seconds])
            }
        }
    }

    /// Deletes every entry, then gives the space back to the file system.
    ///
    /// - Returns: the number of entries deleted.
    @discardableResult
    public func clear() async throws -> Int {
        try await delete(doing: "clear") { db in
            try db.execute(sql: "DELETE FROM \(CacheSchema.table)")
        }
    }

    /// Runs `statement` in one write transaction and returns the rows it changed; when it
    /// changed any, vacuums the file and truncates the write-ahead log.
    private func delete(
        doing: String,
        _ statement: @escaping @Sendable (Database) throws -> Void
    ) async throws -> Int {
        do {
            let deleted = try await pool.write { db in
                try statement(db)
                return db.changesCount
            }
            if deleted > 0 {
                try await pool.writeWithoutTransaction { db in
                    // VACUUM rewrites the file through the log; the checkpoint copies it back
                    // and truncates the log, so the file shrinks on disk.
                    try db.execute(sql: "VACUUM")
                    try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                }
            }
            return deleted
        } catch {
            throw CacheError.wrapping(error, path: path, doing: doing)
        }
    }

    /// The database file's and its log's bytes on disk.
    func fileBytes() -> Int {
        [path, path + "-wal"].reduce(0) { total, file in
            let size = try? URL(fileURLWithPath: file).resourceValues(forKeys: [.fileSizeKey]).fileSize
            return total + (size ?? 0)
        }
    }
}
