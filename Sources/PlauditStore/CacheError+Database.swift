import GRDB

extension CacheError {
    /// `error`, thrown while `doing` something to the cache at `path`, as a `CacheError` that
    /// says what to do. A `CacheError` passes through unchanged, and so does a cancellation.
    static func wrapping(_ error: any Error, path: String, doing: String) -> any Error {
        if error is CacheError || error is CancellationError { return error }
        guard let database = error as? DatabaseError else {
            return CacheError(.unavailable, path: path, "cannot \(doing) the cache \(path): \(error)")
        }
        let detail = database.message ?? "\(database.resultCode)"
        switch database.resultCode {
        case .SQLITE_NOTADB:
            return CacheError(
                .notACache, path: path,
                "\(path) is not a plaudit cache (not an SQLite database: \(detail)); "
                    + "pass another file with --cache, or move this one away"
            )
        case .SQLITE_CORRUPT:
            return CacheError(
                .corrupt, path: path,
                "the cache \(path) is corrupt (\(detail)); delete it (and its -wal and -shm files) "
                    + "to start an empty cache: answers will be requested again"
            )
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return CacheError(
                .busy, path: path,
                "the cache \(path) stayed locked by another process (\(detail)); "
                    + "retry when the other plaudit run is done, or use another --cache file"
            )
        default:
            return CacheError(
                .unavailable, path: path,
                "cannot \(doing) the cache \(path): \(detail); check that the folder is writable and the disk is not full"
            )
        }
    }
}
