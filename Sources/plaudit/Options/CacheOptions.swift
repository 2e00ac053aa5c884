import ArgumentParser
import PlauditBackends
import PlauditCore

/// The response-cache options every job that sends requests takes.
struct CacheOptions: ParsableArguments {
    @Option(help: "The response cache (SQLite). Default: the configuration's, else .plaudit/cache.sqlite.")
    var cache: String?

    @Flag(help: "Neither read nor write the response cache.")
    var noCache = false

    @Flag(help: "Ask again for answers already in the cache, and store the new ones.")
    var refresh = false

    func validate() throws {
        if noCache && refresh { throw ValidationError("--no-cache and --refresh exclude each other") }
    }

    /// The cache to use, or `nil` when caching is off (`--no-cache`, or `cache: {enabled: false}`).
    func open(_ configuration: PlauditConfiguration) async throws -> (any ResponseCache)? {
        try await CacheLocation.open(cache, off: noCache, configuration: configuration)
    }
}
