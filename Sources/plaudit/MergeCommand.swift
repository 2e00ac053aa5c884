import ArgumentParser
import Foundation
import PlauditAudits
import PlauditCore
import PlauditRuntime

/// `plaudit merge`: the parts of a sharded audit, combined into the results an unsharded run
/// would have written.
struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the parts of an `audit --shard i/n` run into one results folder.",
        discussion: """
            Give every part's --out folder. The audit is run again on the recorded arguments with the parts' \
            scores instead of live scorers, so the statistics are exactly those of an unsharded run. Run it in \
            the folder the parts ran in (the dataset's SHA-256 is checked). No scorer is asked anything; the \
            responses are embedded again to cluster, from the parts' cache when it holds their vectors.
            """
    )

    @Argument(help: "The parts' output folders (each holds shard.json and scores.jsonl).")
    var parts: [String]

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let path = URL(fileURLWithPath: parts[0]).appendingPathComponent(ShardMerge.manifestName).path
        guard let bytes = FileManager.default.contents(atPath: path), let manifest = try? JSONDecoder().decode(ShardManifest.self, from: bytes) else {
            throw ConfigurationError("\(path): no readable shard manifest (is \(parts[0]) the --out of an `audit --shard i/n` run?)")
        }
        // The parts' options, read as the audit reads them: same defaults, same checks.
        let audit: AuditCommand
        do {
            audit = try AuditCommand.parse(manifest.arguments)
        } catch {
            throw ConfigurationError("the parts' recorded arguments do not parse: \(AuditCommand.message(for: error))")
        }
        let progress = ProgressDisplay(quiet: output.quiet || audit.output.quiet)
        let configuration = try audit.models.loadConfiguration()
        let models = audit.models.backends(
            configuration, scoring: audit.scoring, embedder: audit.embedding.embedder, embedderThreads: audit.embedding.embedderThreads)
        let request = audit.request(configuration, command: RecordedCommand(words: ["audit"] + manifest.arguments))
        let job = try CalibrationJob.plan(request, models: models, progress: progress, merging: true)
        let cache = try await audit.cacheOptions.open(configuration)
        let (results, scored) = try await job.merge(
            parts: parts, models: models, cache: cache, refresh: audit.cacheOptions.refresh, progress: progress)
        try AuditCommand.write(results, scored: scored, to: output.out)
    }
}
