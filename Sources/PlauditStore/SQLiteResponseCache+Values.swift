public import Foundation
import GRDB
import GRDBSQLite
public import PlauditCore

extension SQLiteResponseCache {
    /// The stored value of each key, in order (`nil` where none is stored), read in one
    /// transaction through one prepared point query, stepped through SQLite's C interface: no
    /// argument arrays, no row objects, no dictionary of hex strings to rebuild. A fully cached
    /// rerun reads every one of its keys here.
    public func values(for keys: [CacheKey]) async throws -> [Data?] {
        if keys.isEmpty { return [] }
        do {
            return try await pool.read { db in
                let statement = try db.makeStatement(sql: "SELECT value FROM \(CacheSchema.table) WHERE key = ?")
                let handle = statement.sqliteStatement
                var values: [Data?] = []
                values.reserveCapacity(keys.count)
                for key in keys {
                    let code = key.hex.withCString { text -> Int32 in
                        // SQLITE_STATIC (nil): the text stays valid until the reset below.
                        sqlite3_bind_text(handle, 1, text, Int32(key.hex.utf8.count), nil)
                        let code = sqlite3_step(handle)
                        if code == SQLITE_ROW {
                            let count = Int(sqlite3_column_bytes(handle, 0))
                            if count > 0, let bytes = sqlite3_column_blob(handle, 0) {
                                values.append(Data(bytes: bytes, count: count))
                            } else {
                                values.append(Data())
                            }
                        } else if code == SQLITE_DONE {
                            values.append(nil)
                        }
                        sqlite3_reset(handle)
                        return code
                    }
                    guard code == SQLITE_ROW || code == SQLITE_DONE else {
                        throw DatabaseError(
                            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                    }
                }
                return values
            }
        } catch {
            throw CacheError.wrapping(error, path: path, doing: "read")
        }
    }
}
