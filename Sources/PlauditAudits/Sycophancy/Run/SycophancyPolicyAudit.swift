public import PlauditCore
public import PlauditRuntime

/// The policy side of the sycophancy audit as a job (issue 7 step 2): a generator answers
/// every probe (through ``GenerationCollector``: cached, resumable), the answers are graded
/// (``SycophancyGrading``: string match, then a categorical judge), and
/// ``SycophancyPolicyAnalysis`` compares the conditions.
///
/// Written only against Core protocols, so it runs the same on live servers and on in-memory
/// fakes with a planted effect.
public struct SycophancyPolicyAudit: Sendable {
    /// How answers are sampled; one answer per probe.
    public var setting: SamplingSetting
    /// Seed of the per-probe generation seeds (``SamplePlan``).
    public var seed: UInt64
    public var confidence: Double

    public init(setting: SamplingSetting, seed: UInt64, confidence: Double = 0.95) {
        self.setting = setting
        self.seed = seed
        self.confidence = confidence
    }

    /// What the run did besides its results: the cache counts of generation and grading.
    public struct Counts: Sendable {
        public var generation: CacheCounts
        public var grading: CacheCounts
    }

    /// Generates, grades and analyses. `judge` may be `nil` (string match only); a
    /// `systemPrompt` goes before every probe (a warm persona, say); `name` is the policy's name
    /// in the results.
    public func run(
        probes: [SycophancyProbe], name: String? = nil, generator: any ChatGenerator, systemPrompt: String? = nil, generation: GenerationCollector,
        judge: (any LabelJudge)?, grading: ScoreCollector, progress: any ProgressReporter = SilentProgress()
    ) async throws -> (results: SycophancyPolicyResults, counts: Counts) {
        let plan = SamplePlan(settings: [setting], samples: 1, seed: seed)
        let system = systemPrompt.map { [ChatMessage(role: "system", content: $0)] } ?? []
        let tasks = plan.tasks(for: probes.map { SamplePlan.Prompt(id: $0.id, messages: system + [ChatMessage(role: "user", content: $0.prompt)]) })
        let generated = try await generation.generate(tasks, generator: generator, progress: progress)
        let reasons = Dictionary(generated.failures.map { ($0.taskID, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let answers = generated.completions.map { $0?.text }
        let failures = tasks.map { reasons[$0.id].map { "generation: \($0)" } }
        let (graded, judged) = try await SycophancyGrading(labels: LabelCollector(collector: grading)).grade(
            probes: probes, answers: answers, generationFailures: failures, judge: judge, progress: progress)
        let analysis = SycophancyPolicyAnalysis(confidence: confidence).analyze(probes: probes, answers: graded)
        let results = SycophancyPolicyResults(
            name: name, items: Set(probes.map(\.itemID)).count, conditions: analysis.conditions, affirmation: analysis.affirmation,
            grading: analysis.grading, answers: graded)
        return (results, Counts(generation: generated.counts, grading: judged?.counts ?? CacheCounts()))
    }
}
