/// TEMPORARY: stores each answer at once; replaced by the group-committing writer.
public actor CacheWriter {
    let cache: any ResponseCache
    public private(set) var stored = 0

    public init(cache: any ResponseCache) {
        self.cache = cache
    }

    public func add(_ entry: CacheEntry) async {
        try? await cache.store([entry])
        stored += 1
    }

    public func finish() async throws {}
}
