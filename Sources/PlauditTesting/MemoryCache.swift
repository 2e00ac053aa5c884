public import Foundation
public import PlauditCore
public import Synchronization

/// A response cache in memory that counts its lookups: for tests of anything that caches,
/// without SQLite.
public final class MemoryCache: ResponseCache {
    public let entries = Mutex<[CacheKey: Data]>([:])
    public let lookups = Mutex(0)

    public init() {}

    public func lookup(_ keys: [CacheKey]) async throws -> [CacheKey: Data] {
        lookups.withLock { $0 += 1 }
        return entries.withLock { stored in
            var found: [CacheKey: Data] = [:]
            for key in keys { if let value = stored[key] { found[key] = value } }
            return found
        }
    }

    public func store(_ new: [CacheEntry]) async throws {
        entries.withLock { stored in for entry in new { stored[entry.key] = entry.value } }
    }
}
