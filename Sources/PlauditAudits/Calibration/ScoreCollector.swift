public import PlauditCore

/// Asks a live scorer for every response of every item, a bounded number at a time.
public struct ScoreCollector: Sendable {
    public var concurrency: Int

    public init(concurrency: Int = 1) {
        self.concurrency = max(1, concurrency)
    }

    /// Scores per item and response (`nil` where the scorer failed), and the failures.
    /// Requests go out grouped by item, so servers that cache the prompt prefix reuse it.
    public func collect(
        items: [Item],
        scorer: any RewardScorer,
        progress: any ProgressReporter
    ) async throws -> (scores: [[Double?]], failures: [ScoreFailure]) {
        let jobs = items.indices.flatMap { i in items[i].responses.indices.map { (i, $0) } }
        var scores = items.map { [Double?](repeating: nil, count: $0.responses.count) }
        var failures: [ScoreFailure] = []
        let phase = "scoring \(scorer.descriptor.name)"
        try await withThrowingTaskGroup(of: (Int, Int, ScoreOutcome).self) { group in
            var next = 0
            func launch() {
                let (i, j) = jobs[next]
                next += 1
                let request = ScoringRequest(
                    itemID: items[i].id, responseID: items[i].responses[j].id, prompt: items[i].prompt,
                    response: items[i].responses[j].text
                )
                group.addTask { (i, j, try await scorer.score(request)) }
            }
            while next < min(concurrency, jobs.count) { launch() }
            var done = 0
            while let (i, j, outcome) = try await group.next() {
                done += 1
                switch outcome {
                case .score(let value) where value.isFinite:
                    scores[i][j] = value
                case .score(let value):
                    failures.append(.init(scorer: scorer.descriptor.name, itemID: items[i].id, responseID: items[i].responses[j].id, reason: "non-finite score \(value)"))
                case .failure(let reason):
                    failures.append(.init(scorer: scorer.descriptor.name, itemID: items[i].id, responseID: items[i].responses[j].id, reason: reason))
                }
                progress.update(phase: phase, done: done, total: jobs.count, failed: failures.count, cached: 0)
                if next < jobs.count { launch() }
            }
        }
        progress.finish(phase: phase)
        return (scores, failures)
    }
}
