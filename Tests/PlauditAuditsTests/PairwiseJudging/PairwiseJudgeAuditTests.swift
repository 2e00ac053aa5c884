import Foundation
import PlauditAudits
import PlauditCore
import PlauditRuntime
import PlauditStats
import Synchronization
import Testing

/// A simulated pairwise judge on a 1–2 scale (1 = the first-shown answer is better): its
/// preference for A is a logistic function of the quality difference, plus a position bonus
/// for whatever is shown first and a penalty for atypical answers. Responses encode their
/// quality and kind in their text ("q=0.31 atypical").
struct SimulatedPairwiseJudge: RewardScorer {
    var positionBonus: Double
    var atypicalPenalty: Double
    var noiseSeed: UInt64 = 1

    var descriptor: ScorerDescriptor { ScorerDescriptor(name: "pw-sim", kind: .pairwiseJudge, backend: "test") }

    static func parse(_ text: String) -> (quality: Double, atypical: Bool) {
        let quality = Double(text.split(separator: " ")[0].dropFirst(2))!
        return (quality, text.hasSuffix("atypical"))
    }

    func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        let a = Self.parse(request.response)
        let b = Self.parse(request.second!)
        var logit = 3 * (a.quality - b.quality) + positionBonus
        logit -= atypicalPenalty * ((a.atypical ? 1 : 0) - (b.atypical ? 1 : 0))
        // Deterministic per request "noise", so both orders are not mirror images.
        let stable = (request.itemID + request.responseID).utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        var rng = SeededGenerator(seed: noiseSeed ^ stable)
        logit += 0.5 * rng.normal()
        let pFirst = 1 / (1 + exp(-logit))
        return .score(2 - pFirst)  // rating on 1…2: 1 means A
    }
}

@Suite("Pairwise judge audit: position bias and preference for atypical answers")
struct PairwiseJudgeAuditTests {
    static let rubric = Rubric(
        id: "pw", version: "1", template: "{{prompt}} A: {{response_a}} B: {{response_b}}", scale: 1...2, mode: .pairwise, sha256: "x")

    /// `prompts` prompts, each with 3 modal and 2 atypical responses of similar quality, all
    /// valid; structures pair every atypical with every modal one. The first two responses
    /// also carry human preference labels on the true quality difference.
    static func data(prompts: Int, seed: UInt64) -> ([Item], [PromptStructure]) {
        var rng = SeededGenerator(seed: seed)
        var items: [Item] = []
        var structures: [PromptStructure] = []
        for p in 0..<prompts {
            let qualities = (0..<5).map { _ in 0.3 * rng.normal() }
            let responses = qualities.enumerated().map { j, q in
                Response(id: "r\(j)", text: String(format: "q=%.4f ", q) + (j >= 3 ? "atypical" : "modal"))
            }
            let diff = qualities[0] - qualities[3]
            let labels = (0..<25).map { _ -> Double in max(-2, min(2, ((diff + 0.2 * rng.normal()) * 4).rounded())) }
            items.append(Item(id: "p\(p)", prompt: .text("prompt \(p)"), responses: responses,
                              humanPreferences: [HumanPreference(first: "r0", second: "r3", labels: labels)]))
            structures.append(
                PromptStructure(
                    itemID: "p\(p)", category: nil, clusters: [0, 0, 0, 1, 2], modalCluster: 0, typicality: [0.9, 0.9, 0.9, 0.2, 0.2],
                    valid: [true, true, true, true, true],
                    pairs: [3, 4].flatMap { a in [0, 1, 2].map { PromptStructure.Pair(atypical: a, modal: $0) } }))
        }
        return (items, structures)
    }

    func run(_ judge: SimulatedPairwiseJudge, prompts: Int = 40, seed: UInt64 = 3) async throws -> PairwiseJudgeAudit.Outcome {
        let (items, structures) = Self.data(prompts: prompts, seed: seed)
        let options = CalibrationOptions(bootstrapResamples: 500, permutationResamples: 999, seed: seed)
        return try await PairwiseJudgeAudit(judge: judge, rubric: Self.rubric, options: options, maximumPairsPerPrompt: 4)
            .run(items: items, structures: structures, collector: ScoreCollector(concurrency: 4))
    }

    @Test("an unbiased judge: first-position rate near ½, few flips, McNemar not significant, not flagged")
    func unbiased() async throws {
        let result = try await run(SimulatedPairwiseJudge(positionBonus: 0, atypicalPenalty: 0)).result
        #expect(result.pairs == 40 * 4 + 40)  // 4 audit pairs per prompt, plus each prompt's labelled pair
        #expect(result.auditPairs == 160 && result.auditPrompts == 40 && result.humanPairs == 40)
        #expect(result.firstPositionRate.lower <= 0.5 && 0.5 <= result.firstPositionRate.upper)
        #expect(abs(result.firstPositionRate.value - 0.5) < 0.05)
        #expect(result.flipRate.value < 0.25)
        #expect(result.positionTest.pValue > 0.01)
        #expect(!result.flagged)
        let u = try #require(result.underRewardRate)
        #expect(u.lower < 0.5 && 0.5 < u.upper)
    }

    @Test("a judge that favours the first-shown answer: high first-position rate and flip rate, McNemar b ≫ c")
    func positionBiased() async throws {
        let result = try await run(SimulatedPairwiseJudge(positionBonus: 2.5, atypicalPenalty: 0)).result
        #expect(result.firstPositionRate.lower > 0.75)
        #expect(result.flipRate.lower > 0.5)
        #expect(result.positionTest.b > 5 * max(1, result.positionTest.c))
        #expect(result.positionTest.pValue < 1e-6)
        // Order averaging cancels the position bonus: no spurious preference between kinds.
        #expect(!result.flagged)
    }

    @Test("a judge that penalises atypical answers is flagged even with a position bias; human-pair preferences track the labels")
    func underRewards() async throws {
        let outcome = try await run(SimulatedPairwiseJudge(positionBonus: 1.0, atypicalPenalty: 1.5))
        let u = try #require(outcome.result.underRewardRate)
        #expect(u.lower > 0.5)
        #expect(outcome.result.flagged)
        #expect(try #require(outcome.result.atypicalPreference).upper < 0.5)
        // One preference per labelled pair, correlated with the mean human label.
        let values = outcome.humanPreferences.map { $0[0]! }
        let (items, _) = Self.data(prompts: 40, seed: 3)
        let labels = items.map { $0.humanPreferences[0].mean }
        #expect(Correlation.spearman(values, labels).coefficient > 0.3)
    }
}
