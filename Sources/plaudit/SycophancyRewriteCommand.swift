import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditCore
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

    @OptionGroup var models: ModelOptions

    @OptionGroup var cacheOptions: CacheOptions

    @Option(help: "Where to write the variants (JSONL).")
    var out = "variants.jsonl"

    @Flag(help: "No progress output.")
    var quiet = false

    func validate() throws {
        do {
            try request.check()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let progress = ProgressDisplay(quiet: quiet)
        let configuration = try models.loadConfiguration()
        let backends = models.backends(configuration)
        try models.installAssetsIfAsked(backends.assets, progress: progress)
        let job = try SycophancyRewriteJob.plan(request, models: backends)
        let cache = try await cacheOptions.open(configuration)
        let outcome = try await job.run(models: backends, cache: cache, refresh: cacheOptions.refresh, progress: progress)
        do {
            try AtomicFile.write(try JSONLines.encode(outcome.sets), to: URL(fileURLWithPath: out))
        } catch {
            throw RunFailure("cannot write \(out): \(error)")
        }
        print("wrote \(outcome.sets.count) variant sets (\(outcome.omitted.count) probes left out; \(outcome.cache.hits) cached) to \(out)")
    }

    /// The request these options make.
    var request: SycophancyRewriteJob.Request {
        var request = SycophancyRewriteJob.Request(probes: probes)
        request.model = generation.selection(models)
        request.beliefs = beliefs
        request.limit = limit
        request.template = template
        request.maxTokens = maxTokens
        request.temperature = temperature
        request.seed = seed
        return request
    }
}
