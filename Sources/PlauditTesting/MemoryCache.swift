public import Foundation
public import PlauditCore
public import Synchronization

/// A response cache in memory that counts its lookups: for tests of anything that caches,
/// without SQLite. It keeps vectors too, as the SQLite cache does: as stored blobs with their
/// length, so a test can damage one.
public final class MemoryCache: ResponseCache, EmbeddingCache {
    /// A stored vector: its length as recorded, and its bytes (see ``EmbeddingBlob``).
    public struct StoredVector: Hashable, Sendable {
        public var dims: Int
        public var blob: Data

        public init(dims: Int, blob: Data) {
            self.dims = dims
            self.blob = blob
        }
    }

    public let entries = Mutex<[CacheKey: Data]>([:])
    public let lookups = Mutex(0)
    /// Stored vectors by key.
    public let vectors = Mutex<[CacheKey: StoredVector]>([:])
    /// Calls of ``vectors(for:dimension:)``.
    public let vectorLookups = Mutex(0)

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

    public var embeddings: (any EmbeddingCache)? { self }

    public func vectors(for keys: [CacheKey], dimension: Int) async throws -> [CacheKey: [Float]] {
        vectorLookups.withLock { $0 += 1 }
        return vectors.withLock { stored in
            var found: [CacheKey: [Float]] = [:]
            for key in keys {
                guard let row = stored[key], row.dims == dimension, let vector = EmbeddingBlob.decode(row.blob, dimension: dimension) else { continue }
                found[key] = vector
            }
            return found
        }
    }

    public func store(vectors new: [EmbeddingEntry]) async throws {
        vectors.withLock { stored in
            for entry in new { stored[entry.key] = StoredVector(dims: entry.vector.count, blob: EmbeddingBlob.encode(entry.vector)) }
        }
    }
}
