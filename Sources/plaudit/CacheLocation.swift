import PlauditCore
import PlauditStore

/// Where the response cache lives by default, and opening it.
enum CacheLocation {
    static let defaultPath = SQLiteResponseCache.defaultPath

    static func open(_ path: String) async throws -> any ResponseCache {
        try await SQLiteResponseCache(path: path)
    }
}
