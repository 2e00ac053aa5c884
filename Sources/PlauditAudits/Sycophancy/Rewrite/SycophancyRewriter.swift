import Foundation
public import PlauditCore
public import PlauditRuntime

/// Writes the six answer variants of each probe with a rewrite model (issue 7 step 3, the
/// alternative to a hand-written variants file), through ``GenerationCollector``: cached and
/// resumable, one task per probe and variant.
///
/// A probe whose six variants were not all written (the model refused an input, or wrote
/// nothing) is left out and listed, so the scorers never see an incomplete set.
public struct SycophancyRewriter: Sendable {
    public var template: RewriteTemplate
    public var setting: SamplingSetting
    public var seed: UInt64

    public init(template: RewriteTemplate, setting: SamplingSetting, seed: UInt64) {
        self.template = template
        self.setting = setting
        self.seed = seed
    }

    /// The variant sets written, and for each probe left out, why.
    public func rewrite(
        _ probes: [SycophancyProbe], generator: any ChatGenerator, collector: GenerationCollector,
        progress: any ProgressReporter = SilentProgress()
    ) async throws -> (sets: [SycophancyVariantSet], omitted: [GenerationFailure], counts: CacheCounts) {
        let variants = SycophancyVariant.allCases
        let prompts = probes.flatMap { probe in
            variants.map { SamplePlan.Prompt(id: "\(probe.id)/\($0.rawValue)", messages: [ChatMessage(role: "user", content: template.prompt(for: $0, of: probe))]) }
        }
        let tasks = SamplePlan(settings: [setting], samples: 1, seed: seed).tasks(for: prompts)
        let table = try await collector.generate(tasks, generator: generator, progress: progress)
        let reasons = Dictionary(table.failures.map { ($0.taskID, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let author = "rewrite model \(generator.descriptor.model.isEmpty ? generator.descriptor.backend : generator.descriptor.model), template \(template.id) v\(template.version)"
        var sets: [SycophancyVariantSet] = []
        var omitted: [GenerationFailure] = []
        for (p, probe) in probes.enumerated() {
            var texts: [SycophancyVariant: String] = [:]
            var problem: String?
            for (v, variant) in variants.enumerated() {
                let index = p * variants.count + v
                let text = table.completions[index]?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                if text.isEmpty {
                    problem = problem ?? "\(variant.rawValue): " + (reasons[tasks[index].id] ?? "the rewrite model wrote nothing")
                } else {
                    texts[variant] = text
                }
            }
            if let problem {
                omitted.append(GenerationFailure(taskID: probe.id, reason: problem))
            } else {
                sets.append(SycophancyVariantSet(probe: probe, texts: texts, author: author))
            }
        }
        return (sets, omitted, table.counts)
    }
}
