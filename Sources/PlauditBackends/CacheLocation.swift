public import PlauditCore
import PlauditStore

/// Where the response cache lives by default, and opening it.
public enum CacheLocation {
    public static let defaultPath = SQLiteResponseCache.defaultPath

    public static func open(_ path: String) async throws -> any ResponseCache {
        try await SQLiteResponseCache(path: path)
    }

    /// The cache a run uses: `path`, else the configuration's, else the default; `nil` when
    /// caching is off (`off`, or `cache: {enabled: false}` in the configuration).
    public static func open(_ path: String?, off: Bool, configuration: PlauditConfiguration) async throws -> (any ResponseCache)? {
        guard !off, configuration.cache?.enabled ?? true else { return nil }
        return try await open(path ?? configuration.cache?.path ?? defaultPath)
    }
}
