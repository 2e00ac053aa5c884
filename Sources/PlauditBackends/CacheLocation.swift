public import PlauditCore
import PlauditStore

/// Where the response cache lives by default, and opening it.
public enum CacheLocation {
    public static let defaultPath = SQLiteResponseCache.defaultPath

    public static func open(_ path: String) async throws -> any ResponseCache {
        try await SQLiteResponseCache(path: path)
    }
}
