import PlauditCore

/// Where the response cache lives by default, and opening it.
enum CacheLocation {
    static let defaultPath = ".plaudit/cache.sqlite"

    /// Interim: the SQLite cache is wired in with the store.
    static func open(_ path: String) throws -> (any ResponseCache)? {
        nil
    }
}
