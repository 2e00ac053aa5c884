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
            return try await SQLiteResponseCache(path: cache)
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Entries, size and age of the cache, by namespace.")

        @OptionGroup var location: Location

        func run() async throws {
            guard let cache = try await location.open() else { return }
            let statistics = try await cache.statistics()
            print(statistics.summary(path: cache.path))
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
            let deleted = try await cache.prune(olderThan: cutoff, namespace: namespace)
            let scope = [olderThan.map { "older than \($0)" }, namespace.map { "in \($0)" }].compactMap { $0 }
            print("deleted \(deleted) entries \(scope.joined(separator: " ")) from \(cache.path)")
            let statistics = try await cache.statistics()
            print(statistics.summary(path: cache.path))
        }
    }

    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete every entry, then shrink the file.")

        @OptionGroup var location: Location

        func run() async throws {
            guard let cache = try await location.open() else { return }
            let deleted = try await cache.clear()
            let statistics = try await cache.statistics()
            print("deleted \(deleted) entries from \(cache.path); \(CacheStatistics.megabytes(statistics.fileBytes)) MB on disk")
        }
    }
}
