import Foundation
import GRDB
import PlauditCore

/// How a batch of keys is read inside one read transaction.
///
/// Both are kept so the choice can be measured (`PlauditStoreTests`, and the note in the
/// cache's commit): one cached point statement per key, or `IN (…)` lists of a fixed size.
enum LookupStrategy: Sendable {
    /// `SELECT value … WHERE key = ?`, once per key, through a cached statement.
    case pointPerKey
    /// `SELECT key, value … WHERE key IN (?, …)`, `size` keys per statement.
    case chunked(size: Int)

    static let `default` = LookupStrategy.pointPerKey

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
