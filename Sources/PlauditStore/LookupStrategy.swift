import Foundation
import GRDB
import PlauditCore

/// How a batch of keys is read inside one read transaction.
///
/// Both are kept so the choice can be measured again (`LookupThroughputTests`): one cached point
/// statement per key, or `IN (…)` lists of a fixed size. Measured on the project's 2-core VM
/// (shared, load 5–7), 100k cached keys with 1 KB values in one `lookup` call, release build:
/// - first session, three runs of each: point statements 93k–154k keys/s (median ≈109k),
///   `IN` lists of 200 104k–186k (median ≈146k), of 1,000 86k–171k, of 50 102k–136k;
/// - second session, five interleaved runs: point 149k–172k (median ≈169k), lists of 200
///   153k–184k (median ≈180k).
/// Lists of 200 are the default. The same keys in 100 calls of 1,000 ran at 175k–225k keys/s:
/// one call for 100k keys also holds 100 MB of values at once.
enum LookupStrategy: Sendable {
    /// `SELECT value … WHERE key = ?`, once per key, through a cached statement.
    case pointPerKey
    /// `SELECT key, value … WHERE key IN (?, …)`, `size` keys per statement.
    case chunked(size: Int)

    static let `default` = LookupStrategy.chunked(size: 200)

    func fetch(_ keys: [CacheKey], in db: Database) throws -> [CacheKey: Data] {
        var found = [CacheKey: Data](minimumCapacity: keys.count)
        switch self {
        case .pointPerKey:
            let statement = try db.cachedStatement(sql: "SELECT value FROM \(CacheSchema.table) WHERE key = ?")
            for key in keys {
                if let value = try Data.fetchOne(statement, arguments: [key.hex]) {
                    found[key] = value
                }
            }
        case .chunked(let size):
            var start = keys.startIndex
            while start < keys.endIndex {
                let end = min(start + size, keys.endIndex)
                let chunk = keys[start..<end]
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let statement = try db.cachedStatement(
                    sql: "SELECT key, value FROM \(CacheSchema.table) WHERE key IN (\(marks))"
                )
                let rows = try Row.fetchCursor(statement, arguments: StatementArguments(chunk.map(\.hex)))
                while let row = try rows.next() {
                    let hex: String = row[0]
                    let value: Data = row[1]
                    found[CacheKey(hex: hex)] = value
                }
                start = end
            }
        }
        return found
    }
}
