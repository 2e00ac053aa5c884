import Foundation
public import PlauditCore
public import PlauditRuntime

/// `plaudit sycophancy rewrite` as a library: one rewrite model writes the six answer variants
/// of each chosen probe (seeded, cached, resumable), for `plaudit sycophancy score`.
public struct SycophancyRewriteJob: Sendable {
    /// What the command line asks for.
    public struct Request: Sendable {
        /// The probes file (JSONL from `plaudit sycophancy build`).
        public var probes: String
        /// The rewrite model: exactly one generator.
        public var model = GeneratorSelection()
        /// Rewrite the probes with these beliefs (empty: incorrect).
        public var beliefs: [SycophancyBelief] = []
        /// At most this many probes, the first in the file after the belief filter.
        public var limit: Int?
        /// The rewrite template: a file, or the embedded sycophancy-rewrite.
        public var template = "sycophancy-rewrite"
        public var maxTokens = 96
        public var temperature = 0.0
        public var seed: UInt64 = 20_251_121

        public init(probes: String) {
            self.probes = probes
        }

        /// The settings' rules: the command line checks its options with them, a job its request.
        public func check() throws(ConfigurationError) {
            guard model.generators.count + (model.localGenerator ? 1 : 0) == 1 else {
                throw ConfigurationError("name one rewrite model: --generator NAME or --local-generator")
            }
            if let limit, limit < 1 { throw ConfigurationError("--limit must be at least 1") }
            guard maxTokens >= 1 else { throw ConfigurationError("--max-tokens must be at least 1") }
            guard temperature >= 0 else { throw ConfigurationError("--temperature must not be negative") }
        }
    }

    /// The variant sets written, the probes left out (and why), and what the cache did.
    public struct Output: Sendable {
        public var sets: [SycophancyVariantSet]
        public var omitted: [GenerationFailure]
        public var cache: CacheCounts
    }

    public let request: Request
    let probes: [SycophancyProbe]
    let template: RewriteTemplate

    /// Reads the probes and the template and checks the model before anything starts.
    public static func plan(_ request: Request, models: any ModelProvider) throws -> SycophancyRewriteJob {
        try request.check()
        let wanted = Set(request.beliefs.isEmpty ? [.incorrect] : request.beliefs)
        var chosen = try SycophancyProbeReader().probes(path: request.probes).filter { wanted.contains($0.belief) }
        if let limit = request.limit { chosen = Array(chosen.prefix(limit)) }
        guard !chosen.isEmpty else {
            throw ConfigurationError("no probe in \(request.probes) has the belief \(wanted.map(\.rawValue).sorted().joined(separator: " or "))")
        }
        let template: RewriteTemplate
        if FileManager.default.fileExists(atPath: request.template) {
            template = try RewriteTemplate(contentsOf: request.template)
        } else if request.template == "sycophancy-rewrite" {
            template = try RewriteTemplate.builtIn()
        } else {
            throw ConfigurationError("rewrite template '\(request.template)' is neither a file nor the embedded sycophancy-rewrite")
        }
        _ = try models.configuredGenerators(request.model)
        return SycophancyRewriteJob(request: request, probes: chosen, template: template)
    }

    /// Writes the variants. Throws ``AuditError`` when no probe got all six.
    public func run(models: any ModelProvider, cache: (any ResponseCache)?, refresh: Bool = false, progress: any ProgressReporter) async throws -> Output {
        let setting = SamplingSetting(temperature: request.temperature, maxTokens: request.maxTokens)
        let outcome = try await models.withGenerators(request.model, progress: progress) { live in
            try await SycophancyRewriter(template: template, setting: setting, seed: request.seed).rewrite(
                probes, generator: live[0].generator,
                collector: GenerationCollector(concurrency: live[0].concurrency, cache: cache, refresh: refresh),
                progress: progress)
        }
        for failure in outcome.omitted { progress.note("left out \(failure.taskID): \(failure.reason)") }
        guard !outcome.sets.isEmpty else { throw AuditError("the rewrite model wrote no complete variant set") }
        return Output(sets: outcome.sets, omitted: outcome.omitted, cache: outcome.counts)
    }
}
