import GRDB

/// The cache file's layout and its version checks.
///
/// A plaudit cache is marked in the SQLite header twice: `PRAGMA application_id` says the file
/// is a plaudit cache, and `PRAGMA user_version` says which schema it has. A file with another
/// application id, or with tables but no id, is refused rather than written into; a file with
/// a newer version is refused rather than misread. An empty database becomes a cache.
enum CacheSchema {
    /// "PLDT" as a big-endian 32-bit integer.
    static let applicationID: Int32 = 0x504C_4454
    /// The schema this code writes. Raise it with a migration step in ``prepare(_:path:)``.
    /// 1: `responses`; 2: `embeddings` added.
    static let version = 2
    static let table = "responses"
    /// Vectors per (embedder identity, text): `dims` floats, binary32 little-endian in `vector`.
    static let embeddingsTable = "embeddings"

    /// Refuses a file that is not a plaudit cache or has a newer schema; returns whether the
    /// file is an empty database that still needs the schema (or an older one to migrate).
    /// Reads only, so it can run before anything is written to a file that is not ours
    /// (opening a `DatabasePool` would switch it to WAL).
    @discardableResult
    static func validate(_ db: Database, path: String) throws -> (applicationID: Int32, userVersion: Int) {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if applicationID != Self.applicationID {
            let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            guard applicationID == 0, objects == 0, userVersion == 0 else {
                throw CacheError(
                    .notACache, path: path,
                    "\(path) is an SQLite database but not a plaudit cache; "
                        + "pass another file with --cache, or move this one away"
                )
            }
        }
        guard userVersion <= version else {
            throw CacheError(
                .newerSchema, path: path,
                "the cache \(path) has schema version \(userVersion), newer than this plaudit's "
                    + "\(version); upgrade plaudit, or use another --cache file"
            )
        }
        return (applicationID, userVersion)
    }

    /// Validates the file, then creates or migrates the schema. Runs in one write transaction,
    /// so several processes opening one fresh file create it once.
    static func prepare(_ db: Database, path: String) throws {
        let (applicationID, userVersion) = try validate(db, path: path)
        if userVersion < 1 {
            try db.execute(
                sql: """
                    CREATE TABLE \(table) (
                        key TEXT PRIMARY KEY NOT NULL,
                        namespace TEXT NOT NULL,
                        value BLOB NOT NULL,
                        created_at INTEGER NOT NULL
                    )
                    """
            )
        }
        if userVersion < 2 {
            try db.execute(
                sql: """
                    CREATE TABLE \(embeddingsTable) (
                        key TEXT PRIMARY KEY NOT NULL,
                        namespace TEXT NOT NULL,
                        dims INTEGER NOT NULL,
                        vector BLOB NOT NULL,
                        created_at INTEGER NOT NULL
                    )
                    """
            )
        }
        // Future versions migrate here, one `if userVersion < n` step each.
        if userVersion != version || applicationID != Self.applicationID {
            try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
            try db.execute(sql: "PRAGMA user_version = \(version)")
        }
    }
}
