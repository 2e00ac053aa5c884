import ArgumentParser
import Foundation
import PlauditBackends
import PlauditClients
import PlauditCore
import PlauditRuntime
import PlauditText

/// `plaudit embed`: vectors for texts, with the embedder the audit would use.
struct EmbedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Embed texts (JSONL or one per line) and write JSONL with an `embedding` per text."
    )

    @OptionGroup var source: TextInputOptions

    @Option(help: "Embedder: auto (MiniLM when installed, else lexical), minilm or lexical.")
    var embedder: EmbedderChoice = .auto

    @Option(help: "Threads for the MiniLM encoder.")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    /// MiniLM's vectors are cached per text (the lexical embedder's never are: they depend on
    /// the whole input).
    @OptionGroup var cacheOptions: CacheOptions

    func run() async throws {
        let records: [TextInput.Record]
        let chosen: any Embedder
        records = try source.read()
        chosen = try embedder.make(assets: LocalAssets(), threads: threads)
        if source.shard != nil && !EmbedderChoice.isPerText(chosen) {
            throw ConfigurationError(
                "--shard: the lexical embedder weighs words by their frequency over all texts, so parts would not add up to the whole; use --embedder minilm, or no --shard"
            )
        }
        let cache = try await cacheOptions.open(PlauditConfiguration())
        let embedded = try await EmbeddingCollector(cache: cache, refresh: cacheOptions.refresh).embed(
            records.map(\.text), embedder: chosen, progress: ProgressDisplay(quiet: false))
        let vectors = embedded.vectors
        let cached = embedded.counts.hits > 0 ? " (\(embedded.counts.hits) from the cache)" : ""
        FileHandle.standardError.write(Data("embedded \(records.count) texts with \(chosen.descriptor.name)\(cached)\n".utf8))
        var out = ""
        for (record, vector) in zip(records, vectors) {
            var object: [String: Any] = ["embedding": vector.map { Double($0) }]
            if let id = record.id { object["id"] = id }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            out += String(decoding: data, as: UTF8.self) + "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
