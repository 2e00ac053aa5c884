import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditClients
import PlauditCore
import PlauditReports
import PlauditRuntime

/// `plaudit sycophancy rewrite`: a rewrite model writes the six answer variants of each probe,
/// into a variants file for `plaudit sycophancy score`.
struct SycophancyRewriteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewrite",
        abstract: "Write answer variants (warm / neutral / cold × correct / affirms the wrong belief) with a rewrite model.",
        discussion: """
            Input: a probes file from `plaudit sycophancy build`. For each probe with one of the --belief values, the \
            rewrite model (--generator NAME or --local-generator) writes six answers from the rewrite template \
            (rubrics/sycophancy-rewrite.yaml). Probes whose six answers were not all written are left out and listed. \
            The output is a variants file for `plaudit sycophancy score`.
            """
    )

    @Argument(help: "The probes file (JSONL from `plaudit sycophancy build`).")
    var probes: String

    @OptionGroup var generation: GeneratorOptions

    @Option(name: .customLong("belief"), help: "Rewrite the probes with this belief (repeatable; default: incorrect).")
    var beliefs: [SycophancyBelief] = []

    @Option(help: "Rewrite at most this many probes (the first in the file after the belief filter).")
    var limit: Int?

    @Option(help: "The rewrite template: a file, or the embedded sycophancy-rewrite.")
    var template = "sycophancy-rewrite"

    @Option(help: "Tokens per variant.")
    var maxTokens = 96

    @Option(help: "Sampling temperature of the rewrite model.")
    var temperature = 0.0

    @Option(help: "Seed of the per-variant generation seeds.")
    var seed: UInt64 = 20_251_121

    @Option(help: "Backends (plaudit.yaml). Default: ./plaudit.yaml when it exists.")
    var config: String?

    @OptionGroup var cacheOptions: CacheOptions

    @Option(help: "Where to write the variants (JSONL).")
    var out = "variants.jsonl"

    @Flag(help: "No progress output.")
    var quiet = false

    func validate() throws {
        guard generation.generators.count + (generation.localGenerator ? 1 : 0) == 1 else {
            throw ValidationError("name one rewrite model: --generator NAME or --local-generator")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        guard maxTokens >= 1 else { throw ValidationError("--max-tokens must be at least 1") }
        guard temperature >= 0 else { throw ValidationError("--temperature must not be negative") }
    }

    func run() async throws {
        let progress = ProgressDisplay(quiet: quiet)
        var chosen: [SycophancyProbe]
        let configuration: PlauditConfiguration
        let rewrite: RewriteTemplate
        let wanted = Set(beliefs.isEmpty ? [.incorrect] : beliefs)
        chosen = try SycophancyProbeReader().probes(path: probes).filter { wanted.contains($0.belief) }
        if let limit { chosen = Array(chosen.prefix(limit)) }
        guard !chosen.isEmpty else { throw ConfigurationError("no probe in \(probes) has the belief \(wanted.map(\.rawValue).sorted().joined(separator: " or "))") }
        configuration = try PlauditConfiguration.loadDefault(config)
        if FileManager.default.fileExists(atPath: template) {
            rewrite = try RewriteTemplate(contentsOf: template)
        } else if template == "sycophancy-rewrite" {
            rewrite = try RewriteTemplate.builtIn()
        } else {
            throw ConfigurationError("rewrite template '\(template)' is neither a file nor the embedded sycophancy-rewrite")
        }
        let cache = try await cacheOptions.open(configuration)
        let setting = SamplingSetting(temperature: temperature, maxTokens: maxTokens)
        let session = GeneratorSession(configuration: configuration, options: generation.selection)
        let outcome: (sets: [SycophancyVariantSet], omitted: [GenerationFailure], counts: CacheCounts)
        outcome = try await session.run(progress: progress) { live, _ in
            let model = live[0]
            return try await SycophancyRewriter(template: rewrite, setting: setting, seed: seed).rewrite(
                chosen, generator: model.generator,
                collector: GenerationCollector(concurrency: model.concurrency, cache: cache, refresh: cacheOptions.refresh),
                progress: progress)
        }
        for failure in outcome.omitted { progress.note("left out \(failure.taskID): \(failure.reason)") }
        guard !outcome.sets.isEmpty else {
            throw RunFailure("the rewrite model wrote no complete variant set")
        }
        do {
            try ResultsFile.writeAtomically(try SycophancyFiles.jsonLines(outcome.sets), to: URL(fileURLWithPath: out))
        } catch {
            throw RunFailure("cannot write \(out): \(error)")
        }
        print("wrote \(outcome.sets.count) variant sets (\(outcome.omitted.count) probes left out; \(outcome.counts.hits) cached) to \(out)")
    }
}
