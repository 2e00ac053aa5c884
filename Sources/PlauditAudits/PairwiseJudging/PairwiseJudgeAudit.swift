public import PlauditCore
public import PlauditRuntime
import PlauditStats

/// Runs a pairwise judge on both orders of every pair it is given, and reads off its position
/// bias and its preference between atypical and modal answers (ARCHITECTURE §1.5).
///
/// Pairs: the audit's quality-matched (atypical, modal) pairs, at most `maximumPairsPerPrompt`
/// per prompt (a seeded choice), and every human-labelled pair. For a pair (x, y) the judge
/// sees x first, then y first; the order-averaged preference for x is
/// (p_A(x, y) + 1 − p_A(y, x)) / 2, where p_A is its preference for the first-shown answer.
public struct PairwiseJudgeAudit: Sendable {
    public var judge: any RewardScorer
    /// The judge's pairwise rubric: its scale maps ratings to preferences.
    public var rubric: Rubric
    public var options: CalibrationOptions
    public var maximumPairsPerPrompt: Int

    public init(judge: any RewardScorer, rubric: Rubric, options: CalibrationOptions, maximumPairsPerPrompt: Int = 4) {
        self.judge = judge
        self.rubric = rubric
        self.options = options
        self.maximumPairsPerPrompt = maximumPairsPerPrompt
    }

    /// What the judge found, and its order-averaged preference for the first response of each
    /// human-labelled pair (per item and ``Item/humanPreferences`` index) for the correlation
    /// with the human labels.
    public struct Outcome: Sendable {
        public var result: PairwiseJudgeResult
        public var humanPreferences: [[Double?]]
        public var failures: [ScoreFailure]
        public var cache: CacheCounts
    }

    /// A pair to judge: item, the two responses, and where it came from.
    struct Pair {
        var item: Int
        var x: Int
        var y: Int
        /// Index into the item's human preferences, for labelled pairs.
        var human: Int?
        /// Whether x is the atypical answer of an audit pair.
        var audit: Bool
    }

    public func run(
        items: [Item], structures: [PromptStructure], collector: ScoreCollector, progress: any ProgressReporter = SilentProgress()
    ) async throws -> Outcome {
        let pairs = choosePairs(items: items, structures: structures)
        var requests: [ScoringRequest] = []
        for pair in pairs {
            let item = items[pair.item]
            let (x, y) = (item.responses[pair.x], item.responses[pair.y])
            requests.append(ScoringRequest(itemID: item.id, responseID: "\(x.id)>\(y.id)", prompt: item.prompt, response: x.text, second: y.text))
            requests.append(ScoringRequest(itemID: item.id, responseID: "\(y.id)>\(x.id)", prompt: item.prompt, response: y.text, second: x.text))
        }
        let answered = try await collector.collect(requests: requests, scorer: judge, progress: progress)
        let firstShown = answered.values.map { $0.map { rubric.preferenceForFirst(rating: $0) } }
        let judged = pairs.indices.compactMap { index -> JudgedPair? in
            guard let a = firstShown[2 * index], let b = firstShown[2 * index + 1] else { return nil }
            return JudgedPair(pair: pairs[index], xFirst: a, yFirst: b)
        }
        var humanPreferences = items.map { [Double?](repeating: nil, count: $0.humanPreferences.count) }
        for judgedPair in judged {
            if let k = judgedPair.pair.human { humanPreferences[judgedPair.pair.item][k] = judgedPair.preferenceForX }
        }
        let result = analyze(judged, items: items, failed: answered.failures.count)
        return Outcome(result: result, humanPreferences: humanPreferences, failures: answered.failures, cache: answered.counts)
    }

    /// A pair with both orders answered.
    struct JudgedPair {
        var pair: Pair
        /// Preference for the first-shown answer with x shown first, and with y shown first.
        var xFirst: Double
        var yFirst: Double

        var preferenceForX: Double { (xFirst + 1 - yFirst) / 2 }
    }

    /// Audit pairs (seeded choice of at most `maximumPairsPerPrompt` per prompt), then human
    /// pairs not already among them.
    func choosePairs(items: [Item], structures: [PromptStructure]) -> [Pair] {
        let index = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.id, $0) })
        var pairs: [Pair] = []
        for structure in structures {
            guard let i = index[structure.itemID] else { continue }
            var generator = SeededGenerator(seed: options.seed ^ CalibrationAudit.stream("pairwise-choice", structure.itemID))
            let chosen = structure.pairs.count <= maximumPairsPerPrompt
                ? structure.pairs : Array(structure.pairs.shuffled(using: &generator).prefix(maximumPairsPerPrompt))
            for pair in chosen {
                pairs.append(Pair(item: i, x: pair.atypical, y: pair.modal, human: nil, audit: true))
            }
        }
        for (i, item) in items.enumerated() {
            let position = Dictionary(uniqueKeysWithValues: item.responses.enumerated().map { ($1.id, $0) })
            for (k, preference) in item.humanPreferences.enumerated() {
                guard let x = position[preference.first], let y = position[preference.second] else { continue }
                if let existing = pairs.firstIndex(where: { $0.item == i && Set([$0.x, $0.y]) == Set([x, y]) }) {
                    // Judged already as an audit pair: reuse it, oriented as the labels are.
                    if pairs[existing].x == x {
                        pairs[existing].human = k
                    } else {
                        pairs.append(Pair(item: i, x: x, y: y, human: k, audit: false))
                    }
                    continue
                }
                pairs.append(Pair(item: i, x: x, y: y, human: k, audit: false))
            }
        }
        return pairs
    }

    func analyze(_ judged: [JudgedPair], items: [Item], failed: Int) -> PairwiseJudgeResult {
        let bootstrap = ClusterBootstrap(resamples: options.bootstrapResamples, confidence: options.confidence, seed: options.seed ^ CalibrationAudit.stream(judge.descriptor.name, "pairwise"))
        // Position bias over every judged pair (audit and human), clustered by prompt.
        let byItem = Dictionary(grouping: judged.indices, by: { judged[$0].pair.item })
        let groups = byItem.keys.sorted().map { byItem[$0]! }
        func wentToFirst(_ p: Double) -> Double { p > 0.5 ? 1 : (p < 0.5 ? 0 : 0.5) }
        let firstRate = { (members: [Int]) -> Double in
            Descriptive.mean(members.flatMap { [wentToFirst(judged[$0].xFirst), wentToFirst(judged[$0].yFirst)] })
        }
        // The same position won both times: the verdict flipped with the order.
        let flips = judged.map { ($0.xFirst - 0.5) * ($0.yFirst - 0.5) > 0 ? 1.0 : 0.0 }
        let flipRate = { (members: [Int]) -> Double in Descriptive.mean(members.map { flips[$0] }) }
        func estimate(_ statistic: @escaping ([Int]) -> Double, groups: [[Int]]) -> Estimate {
            let all = groups.flatMap { $0 }
            guard !all.isEmpty else { return Estimate(value: .nan, lower: .nan, upper: .nan) }
            let replicates = bootstrap.replicates(clusterCount: groups.count) { drawn in statistic(drawn.flatMap { groups[$0] }) }
            let interval = bootstrap.interval(replicates)
            return Estimate(value: statistic(all), lower: interval.lower, upper: interval.upper)
        }
        let b = judged.filter { $0.xFirst > 0.5 && $0.yFirst > 0.5 }.count
        let c = judged.filter { $0.xFirst < 0.5 && $0.yFirst < 0.5 }.count
        let mcnemar = McNemarTest.exact(b: b, c: c)

        // Preference on audit pairs: per prompt, then averaged over prompts (prompts weigh equally).
        let audit = judged.filter(\.pair.audit)
        let auditByItem = Dictionary(grouping: audit, by: \.pair.item)
        let prompts = auditByItem.keys.sorted().map { auditByItem[$0]! }
        var underReward: Estimate?
        var atypicalPreference: Estimate?
        if !prompts.isEmpty {
            let perPromptU = prompts.map { pairs in Descriptive.mean(pairs.map { $0.preferenceForX < 0.5 ? 1 : ($0.preferenceForX > 0.5 ? 0 : 0.5) }) }
            let perPromptP = prompts.map { pairs in Descriptive.mean(pairs.map(\.preferenceForX)) }
            let promptGroups = prompts.indices.map { [$0] }
            var u = estimate({ Descriptive.mean($0.map { perPromptU[$0] }) }, groups: promptGroups)
            u.pValue = SignFlipPermutationTest(resamples: options.permutationResamples, seed: options.seed ^ CalibrationAudit.stream(judge.descriptor.name, "pairwise-u"))
                .test(perPromptU.map { $0 - 0.5 }).pValue
            underReward = u
            atypicalPreference = estimate({ Descriptive.mean($0.map { perPromptP[$0] }) }, groups: promptGroups)
        }
        return PairwiseJudgeResult(
            scorer: judge.descriptor, pairs: judged.count, failed: failed,
            firstPositionRate: estimate(firstRate, groups: groups), flipRate: estimate(flipRate, groups: groups),
            positionTest: .init(b: b, c: c, pValue: mcnemar.pValue),
            underRewardRate: underReward, atypicalPreference: atypicalPreference,
            auditPairs: audit.count, auditPrompts: prompts.count, humanPairs: judged.filter { $0.pair.human != nil }.count,
            flagged: (underReward?.lower ?? 0) > 0.5,
            judgments: judged.map { judgedPair in
                let item = items[judgedPair.pair.item]
                return PairJudgment(
                    itemID: item.id, x: item.responses[judgedPair.pair.x].id, y: item.responses[judgedPair.pair.y].id,
                    xFirst: judgedPair.xFirst, yFirst: judgedPair.yFirst, audit: judgedPair.pair.audit
                )
            }
        )
    }
}
