import ArgumentParser
import Foundation
import PlauditCore
import PlauditStore

/// `plaudit cache stats|prune|clear`: look into the response cache and remove answers from it.
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show, prune or clear the response cache (answers already paid for).",
        subcommands: [Stats.self, Prune.self, Clear.self]
    )

    struct Location: ParsableArguments {
        @Option(help: "The cache file.")
        var cache = SQLiteResponseCache.defaultPath

        /// The open cache, or nil (after saying so) when there is no file: these commands
        /// never create one.
        func open() async throws -> SQLiteResponseCache? {
            guard FileManager.default.fileExists(atPath: cache) else {
                print("no cache at \(cache)")
                return nil
            }
            return try await CacheCommand.run { try await SQLiteResponseCache(path: cache) }
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Entries, size and age of the cache, by namespace.")

        @OptionGroup var location: Location

        func run() async throws {
            guard let cache = try await location.open() else { return }
            let statistics = try await CacheCommand.run { try await cache.statistics() }
            print(CacheCommand.render(statistics, path: cache.path))
        }
    }

    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete old entries (and/or one namespace's), then shrink the file."
        )

        @OptionGroup var location: Location

        @Option(name: .customLong("older-than"), help: "Delete entries stored longer ago than this: 90m, 12h, 30d, 2w.")
        var olderThan: String?

        @Option(help: "Delete only entries of this namespace (see `plaudit cache stats`).")
        var namespace: String?

        func run() async throws {
            var cutoff = Date.distantFuture
            if let olderThan {
                guard let age = CacheAge(olderThan) else {
                    throw ConfigurationError("--older-than '\(olderThan)': expected a whole number and a unit, such as 90m, 12h, 30d or 2w")
                }
                cutoff = Date().addingTimeInterval(-age.seconds)
            } else if namespace == nil {
                throw ConfigurationError("say which entries to prune with --older-than and/or --namespace (or use `plaudit cache clear`)")
            }
            guard let cache = try await location.open() else { return }
            let deleted = try await CacheCommand.run { try await cache.prune(olderThan: cutoff, namespace: namespace) }
            let scope = [olderThan.map { "older than \($0)" }, namespace.map { "in \($0)" }].compactMap { $0 }
            print("deleted \(deleted) entries \(scope.joined(separator: " ")) from \(cache.path)")
            let statistics = try await CacheCommand.run { try await cache.statistics() }
            print(CacheCommand.render(statistics, path: cache.path))
        }
    }

    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete every entry, then shrink the file.")

        @OptionGroup var location: Location

        func run() async throws {
            guard let cache = try await location.open() else { return }
            let deleted = try await CacheCommand.run { try await cache.clear() }
            let statistics = try await CacheCommand.run { try await cache.statistics() }
            print("deleted \(deleted) entries from \(cache.path); \(CacheCommand.megabytes(statistics.fileBytes)) MB on disk")
        }
    }

    /// Runs `body`, turning a cache error into the exit status: 2 when the file is not a
    /// usable cache (the wrong path, a newer schema, a damaged file), 1 otherwise.
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        return try await body()
    }

    /// A summary line, then one line per namespace.
    static func render(_ statistics: CacheStatistics, path: String) -> String {
        var lines = [
            "\(path): \(statistics.entries) entries, \(megabytes(statistics.bytes)) MB of answers, "
                + "\(megabytes(statistics.fileBytes)) MB on disk"
        ]
        guard !statistics.namespaces.isEmpty else { return lines[0] }
        let width = max(9, statistics.namespaces.map(\.name.count).max() ?? 0)
        func pad(_ text: String, _ count: Int, left: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, count - text.count))
            return left ? text + fill : fill + text
        }
        lines.append(pad("namespace", width, left: true) + pad("entries", 11) + pad("MB", 10) + "  oldest                 newest")
        for namespace in statistics.namespaces {
            lines.append(
                pad(namespace.name, width, left: true) + pad("\(namespace.entries)", 11)
                    + pad(megabytes(namespace.bytes), 10) + "  " + timestamp(namespace.oldest) + "   "
                    + timestamp(namespace.newest)
            )
        }
        return lines.joined(separator: "\n")
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_000_000)
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
