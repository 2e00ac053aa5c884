public import Foundation
import GRDB

/// `plaudit cache stats|prune|clear`: what the file holds, and removing entries. Stored vectors
/// count as entries like answers, under their own namespaces (`embedding/minilm`).
extension SQLiteResponseCache {
    /// Entries, value bytes (a vector's: 4 per float) and age per namespace, answers and vectors
    /// together, and the file's size on disk. Reads both tables once (about a second per million
    /// entries).
    public func statistics() async throws -> CacheStatistics {
        let namespaces: [CacheStatistics.Namespace]
        do {
            namespaces = try await pool.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT namespace, count(*), sum(bytes), min(created_at), max(created_at) FROM (
                            SELECT namespace, length(value) AS bytes, created_at FROM \(CacheSchema.table)
                            UNION ALL
                            SELECT namespace, length(vector) AS bytes, created_at FROM \(CacheSchema.embeddingsTable)
                        ) GROUP BY namespace ORDER BY namespace
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

    /// Deletes the entries (answers and vectors) stored before `cutoff` (in `namespace` only,
    /// when given), then gives the freed space back to the file system.
    ///
    /// - Returns: the number of entries deleted.
    @discardableResult
    public func prune(olderThan cutoff: Date, namespace: String? = nil) async throws -> Int {
        let seconds = Int64(cutoff.timeIntervalSince1970.rounded(.down))
        return try await delete(doing: "prune") { db, table in
            if let namespace {
                try db.execute(sql: "DELETE FROM \(table) WHERE created_at < ? AND namespace = ?", arguments: [seconds, namespace])
            } else {
                try db.execute(sql: "DELETE FROM \(table) WHERE created_at < ?", arguments: [seconds])
            }
        }
    }

    /// Deletes every entry (answers and vectors), then gives the space back to the file system.
    ///
    /// - Returns: the number of entries deleted.
    @discardableResult
    public func clear() async throws -> Int {
        try await delete(doing: "clear") { db, table in
            try db.execute(sql: "DELETE FROM \(table)")
        }
    }

    /// Runs `statement` on each table in one write transaction and returns the rows it changed
    /// in all; when it changed any, vacuums the file and truncates the write-ahead log.
    private func delete(
        doing: String,
        _ statement: @escaping @Sendable (Database, _ table: String) throws -> Void
    ) async throws -> Int {
        do {
            let deleted = try await pool.write { db in
                var changed = 0
                for table in [CacheSchema.table, CacheSchema.embeddingsTable] {
                    try statement(db, table)
                    changed += db.changesCount
                }
                return changed
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
