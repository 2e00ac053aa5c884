/// The scorer options `plaudit audit` shares with `plaudit sycophancy score` (``ScorerOptions``),
/// under the names the audit's code uses.
extension AuditCommand {
    var localJudge: Bool { scoring.localJudge }
    var localPerplexity: Bool { scoring.localPerplexity }
    var rubric: String { scoring.rubric }
    var llamaURL: String? { scoring.llamaURL }
    var threads: Int { scoring.threads }
    var installAssets: Bool { scoring.installAssets }
    var config: String? { scoring.config }
    var scorerNames: [String] { scoring.scorerNames }
    var concurrency: Int? { scoring.concurrency }
    var verbose: Bool { scoring.verbose }
}
