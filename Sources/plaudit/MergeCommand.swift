import ArgumentParser
import Foundation
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
            the folder the parts ran in (the dataset's SHA-256 is checked). No scorer is asked anything; only a \
            configured embeddings backend is called again, to cluster.
            """
    )

    @Argument(help: "The parts' output folders (each holds shard.json and scores.jsonl).")
    var parts: [String]

    @Option(help: "Folder for results.json, report.md, report.html and scores.jsonl.")
    var out = "results"

    @Flag(help: "No progress output.")
    var quiet = false

    func run() async throws {
        let path = URL(fileURLWithPath: parts[0]).appendingPathComponent(ShardMerge.manifestName).path
        guard let bytes = FileManager.default.contents(atPath: path),
            let manifest = try? JSONDecoder().decode(ShardManifest.self, from: bytes)
        else {
            throw ExitStatus.fail("\(path): no readable shard manifest (is \(parts[0]) the --out of an `audit --shard i/n` run?)", code: ExitStatus.badInput)
        }
        var arguments = manifest.arguments + ["--out", out] + parts.flatMap { ["--merge-from", $0] }
        if quiet && !arguments.contains("--quiet") { arguments.append("--quiet") }
        let audit: AuditCommand
        do {
            audit = try AuditCommand.parse(arguments)
        } catch {
            throw ExitStatus.fail("the parts' recorded arguments do not parse: \(AuditCommand.message(for: error))", code: ExitStatus.badInput)
        }
        try await RecordedCommand.$current.withValue(RecordedCommand(words: ["audit"] + arguments)) {
            try await audit.run()
        }
    }
}
