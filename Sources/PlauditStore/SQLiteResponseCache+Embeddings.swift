import Foundation
import GRDB
public import PlauditCore

/// Vectors in the cache file's `embeddings` table, next to the answers.
extension SQLiteResponseCache: EmbeddingCache {
    /// This file keeps vectors too.
    public var embeddings: (any EmbeddingCache)? { self }

    /// The stored vectors of those `keys` whose row has `dimension` floats and a blob of exactly
    /// that many finite floats, read in one transaction, `IN` lists of 200 keys per statement.
    /// Any other row is left out, so its vector is computed and stored again.
    public func vectors(for keys: [CacheKey], dimension: Int) async throws -> [CacheKey: [Float]] {
        if keys.isEmpty { return [:] }
        do {
            return try await pool.read { db in
                var found = [CacheKey: [Float]](minimumCapacity: keys.count)
                for start in stride(from: 0, to: keys.count, by: 200) {
                    let chunk = keys[start..<min(start + 200, keys.count)]
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    let statement = try db.cachedStatement(
                        sql: "SELECT key, dims, vector FROM \(CacheSchema.embeddingsTable) WHERE key IN (\(marks))"
                    )
                    let rows = try Row.fetchCursor(statement, arguments: StatementArguments(chunk.map(\.hex)))
                    while let row = try rows.next() {
                        // Read through DatabaseValue: a row of unexpected types is a miss, not
                        // GRDB's fatal conversion error.
                        let dims = Int.fromDatabaseValue(row[1] as DatabaseValue)
                        guard dims == dimension, case .blob(let blob) = (row[2] as DatabaseValue).storage,
                            let vector = EmbeddingBlob.decode(blob, dimension: dimension), let hex = String.fromDatabaseValue(row[0] as DatabaseValue)
                        else { continue }
                        found[CacheKey(hex: hex)] = vector
                    }
                }
                return found
            }
        } catch {
            throw CacheError.wrapping(error, path: path, doing: "read")
        }
    }

    /// Stores `entries` in one write transaction, replacing any vector already stored under a
    /// key, stamped with the clock's current time. An empty list costs nothing.
    public func store(vectors entries: [EmbeddingEntry]) async throws {
        if entries.isEmpty { return }
        let createdAt = Int64(clock().timeIntervalSince1970.rounded(.down))
        do {
            try await pool.write { db in
                let statement = try db.cachedStatement(
                    sql: "INSERT OR REPLACE INTO \(CacheSchema.embeddingsTable) (key, namespace, dims, vector, created_at) VALUES (?, ?, ?, ?, ?)"
                )
                for entry in entries {
                    try statement.execute(
                        arguments: [entry.key.hex, entry.namespace, entry.vector.count, EmbeddingBlob.encode(entry.vector), createdAt])
                }
            }
        } catch {
            throw CacheError.wrapping(error, path: path, doing: "write")
        }
    }
}
