public import Foundation

/// What a cache file holds, for `plaudit cache stats`.
public struct CacheStatistics: Hashable, Sendable {
    /// One namespace's share of the cache (see ``PlauditCore/CacheEntry/namespace``).
    public struct Namespace: Hashable, Sendable {
        public var name: String
        public var entries: Int
        /// The stored values' bytes (keys and SQLite's own overhead not included).
        public var bytes: Int
        /// When the oldest and the newest entry were stored, to the second.
        public var oldest: Date
        public var newest: Date

        public init(name: String, entries: Int, bytes: Int, oldest: Date, newest: Date) {
            self.name = name
            self.entries = entries
            self.bytes = bytes
            self.oldest = oldest
            self.newest = newest
        }
    }

    /// Sorted by name.
    public var namespaces: [Namespace]
    /// The size on disk: the database file plus its write-ahead log.
    public var fileBytes: Int

    public init(namespaces: [Namespace], fileBytes: Int) {
        self.namespaces = namespaces
        self.fileBytes = fileBytes
    }

    /// All entries.
    public var entries: Int { namespaces.reduce(0) { $0 + $1.entries } }
    /// All values' bytes.
    public var bytes: Int { namespaces.reduce(0) { $0 + $1.bytes } }
    /// The oldest entry's time, or nil for an empty cache.
    public var oldest: Date? { namespaces.map(\.oldest).min() }
    /// The newest entry's time, or nil for an empty cache.
    public var newest: Date? { namespaces.map(\.newest).max() }
}
