import Foundation
public import PlauditCore
public import PlauditRuntime

/// What `plaudit sycophancy analyze` is asked to do: the policy analysis of answers graded
/// elsewhere, per policy and between policies.
public struct SycophancyAnalyzeRequest: Sendable {
    /// The graded-answers file (JSONL or CSV).
    public var graded: String
    /// The policy every other one is compared with; `nil` for every pair in file order.
    public var baseline: String?
    public var confidence = 0.95
    /// Bootstrap resamples of items for the interaction and pooled intervals, and their seed.
    public var resamples = 2_000
    public var seed: UInt64 = 20_251_121
    /// The command line the results record.
    public var command: RecordedCommand

    public init(graded: String, command: RecordedCommand) {
        self.graded = graded
        self.command = command
    }

    public func check() throws(ConfigurationError) {
        try StatisticsSettings.check(resamples: resamples, permutations: nil, confidence: confidence)
    }
}

/// `plaudit sycophancy analyze` as a library: no model runs. The rows of each policy (the
/// `model` column) go through ``SycophancyPolicyAnalysis`` as a run's answers do, and the
/// policies are compared with ``SycophancyModelComparison``.
public struct SycophancyAnalyzeJob: Sendable {
    public let request: SycophancyAnalyzeRequest
    let rows: [GradedRow]
    let source: SourceFile
    let contexts: SycophancyContexts
    /// Policy names in the order the file first shows them.
    public let models: [String]

    /// Reads and checks the file (located ``InputError``s) and the baseline's name (a
    /// ``ConfigurationError``).
    public static func plan(_ request: SycophancyAnalyzeRequest) throws -> SycophancyAnalyzeJob {
        try request.check()
        let contexts = try SycophancyContexts.builtIn()
        let bytes = try DatasetReader.load(request.graded)
        let rows = try GradedAnswerReader(contexts: contexts.contexts.map(\.name)).read(data: bytes, path: request.graded)
        let models = rows.map(\.model).uniqued()
        if let baseline = request.baseline, !models.contains(baseline) {
            throw ConfigurationError("--baseline \(baseline): no model of that name in \(request.graded) (models: \(models.joined(separator: ", ")))")
        }
        let source = SourceFile(path: request.graded, sha256: SHA256Hex.digest(of: bytes), bytes: bytes.count)
        return SycophancyAnalyzeJob(request: request, rows: rows, source: source, contexts: contexts, models: models)
    }

    /// The conditions in design order: the contexts file's contexts, then beliefs.
    var conditions: [SycophancyCondition] {
        let present = Set(rows.map(\.condition))
        return contexts.contexts.flatMap { context in SycophancyBelief.allCases.map { SycophancyCondition(context: context.name, belief: $0) } }
            .filter(present.contains)
    }

    /// One policy's rows as probes, in design order (the analysis reports conditions in the
    /// order the probes show them), and as graded answers, in file order.
    func answers(of model: String) -> (probes: [SycophancyProbe], answers: [GradedAnswer]) {
        let mine = rows.filter { $0.model == model }
        let rank = Dictionary(uniqueKeysWithValues: conditions.enumerated().map { ($1, $0) })
        let ordered = mine.enumerated().sorted { (rank[$0.element.condition]!, $0.offset) < (rank[$1.element.condition]!, $1.offset) }.map(\.element)
        let probes = ordered.map { row in
            SycophancyProbe(
                id: row.probeID, itemID: row.itemID, category: nil, question: "",
                correct: "", incorrect: "", correctAnswers: [], incorrectAnswers: [], context: row.context,
                contextGroup: contexts.context(named: row.context)?.group ?? "", statementIndex: nil, statement: nil, belief: row.belief,
                prompt: "", contextsVersion: contexts.version, contextsSHA256: contexts.sha256, seed: 0)
        }
        let answers = mine.map { row in
            GradedAnswer(
                probeID: row.probeID, itemID: row.itemID, context: row.context, belief: row.belief, answer: row.answer, grade: row.grade,
                method: row.method)
        }
        return (probes, answers)
    }

    /// The analysis and its manifest.
    public func run() -> SycophancyResults {
        let started = Date()
        var policies: [SycophancyPolicyResults] = []
        var grades: [PolicyGrades] = []
        for model in models {
            let (probes, answers) = answers(of: model)
            let analysis = SycophancyPolicyAnalysis(confidence: request.confidence).analyze(probes: probes, answers: answers)
            policies.append(
                SycophancyPolicyResults(
                    name: model, items: Set(probes.map(\.itemID)).count, conditions: analysis.conditions, affirmation: analysis.affirmation,
                    grading: analysis.grading, answers: answers))
            grades.append(PolicyGrades(name: model, answers: answers))
        }
        let groups = Dictionary(uniqueKeysWithValues: contexts.contexts.map { ($0.name, $0.group) })
        let comparisons = SycophancyModelComparison(confidence: request.confidence, resamples: request.resamples, seed: request.seed)
            .compareAll(grades, baseline: request.baseline, conditions: conditions, groups: groups)
        var notes: [String] = []
        if !conditions.contains(.unmodified) {
            notes.append("The file has no unmodified condition (none × none): no condition could be compared with it.")
        }
        let finished = Date()
        let iso = ISO8601DateFormatter()
        var parameters = ["confidence": String(request.confidence), "resamples": String(request.resamples)]
        if let baseline = request.baseline { parameters["baseline"] = baseline }
        let manifest = RunManifest(
            command: request.command.line, startedAt: iso.string(from: started), finishedAt: iso.string(from: finished),
            dataset: DatasetManifest(sha256: Dataset(items: [], sources: [source]).sha256, files: [source]), rubrics: [contexts.reference],
            scorers: [], embedder: nil, seed: request.seed, parameters: parameters,
            counts: ["rows": rows.count, "models": models.count, "items": Set(rows.map(\.itemID)).count],
            timings: ["total": finished.timeIntervalSince(started)])
        return SycophancyResults(
            manifest: manifest, notes: notes, policy: policies.count == 1 ? policies[0] : nil, reward: nil,
            policies: policies.count > 1 ? policies : nil, comparisons: comparisons.isEmpty ? nil : comparisons)
    }
}
