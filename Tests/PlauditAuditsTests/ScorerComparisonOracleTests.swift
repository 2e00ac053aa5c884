import Foundation
import PlauditCore
import PlauditTesting
import Testing

@testable import PlauditAudits

/// The scorer comparison against numpy and scipy 1.17.1 (`Oracles/scorer_comparison_oracle.py`):
/// paired differences, their bootstrap interval, sign-flip p-values (exact at these sizes),
/// Benjamini–Hochberg across pairs, mean within-prompt Kendall τ-b and the worst-20 overlap.
@Suite("Scorer comparison against scipy")
struct ScorerComparisonOracleTests {
    struct Comparison: Decodable {
        var first, second: String
        var gapDifference, gapLower, gapUpper, gapSD, gapP, gapQ: Double
        var underDifference, underP, underQ: Double
        var kendallMean: Double
        var kendallPrompts, worstSize, worstShared: Int

        enum CodingKeys: String, CodingKey {
            case first, second
            case gapDifference = "gap_difference", gapLower = "gap_lower", gapUpper = "gap_upper", gapSD = "gap_sd"
            case gapP = "gap_p", gapQ = "gap_q", underDifference = "under_difference", underP = "under_p", underQ = "under_q"
            case kendallMean = "kendall_mean", kendallPrompts = "kendall_prompts", worstSize = "worst_size", worstShared = "worst_shared"
        }
    }

    struct Case: Decodable {
        var name: String
        var gaps: [String: [Double]]
        var unders: [String: [Double]]
        var scores: [String: [[Double?]]]
        var pairs: [[Int]]
        var comparisons: [Comparison]
    }

    struct Oracle: Decodable {
        var cases: [Case]
    }

    static func oracle() throws -> Oracle {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Oracles/scorer_comparison_oracle.json")
        return try JSONDecoder().decode(Oracle.self, from: Data(contentsOf: url))
    }

    /// ``compare(_:)`` on a thread of its own: 20,000 resamples per pair are seconds of CPU that
    /// would otherwise hold one of the cooperative pool's two threads on CI.
    static func comparedOffPool(_ c: Case) async -> [ScorerComparison] {
        await withTaskExecutorPreference(DedicatedExecutor(label: "scorer-comparison-oracle")) { compare(c) }
    }

    static func compare(_ c: Case) -> [ScorerComparison] {
        let prompts = c.gaps["a"]!.count
        let ids = (0..<prompts).map { "p\($0)" }
        let placeholder = Estimate(value: 0, lower: 0, upper: 0)
        let results = ["a", "b", "c"].map { name in
            ScorerResult(
                scorer: ScorerDescriptor(name: name, kind: .precomputed, backend: "dataset"), scored: 0, failed: 0,
                overall: GapEstimates(prompts: prompts, pairs: 0, gap: placeholder, rawGap: placeholder, underRewardRate: placeholder, flagged: false),
                categories: [:],
                prompts: ids.indices.map { p in
                    PromptGap(itemID: ids[p], category: nil, pairs: 4, gap: c.gaps[name]![p], rawGap: 0, underReward: c.unders[name]![p])
                })
        }
        let structures = ids.map { id in
            PromptStructure(
                itemID: id, category: nil, clusters: [0, 0, 0, 0, 1, 2], modalCluster: 0, typicality: Array(repeating: 0, count: 6),
                valid: Array(repeating: true, count: 6), pairs: c.pairs.map { .init(atypical: $0[0], modal: $0[1]) })
        }
        var options = CalibrationOptions(bootstrapResamples: 20_000, permutationResamples: 9_999, confidence: 0.95, seed: 5)
        options.examplesPerScorer = 0
        return ScorerComparisons(options: options).compare(
            results, structures: structures, itemIndex: Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) }), scores: c.scores)
    }

    @Test("differences, exact sign-flip p-values, BH q-values, Kendall τ-b and worst-pair overlap equal scipy's")
    func exactParts() async throws {
        for c in try Self.oracle().cases {
            let got = await Self.comparedOffPool(c)
            #expect(got.map { "\($0.first)-\($0.second)" } == c.comparisons.map { "\($0.first)-\($0.second)" }, "\(c.name)")
            for (mine, expected) in zip(got, c.comparisons) {
                let label = "\(c.name) \(expected.first)-\(expected.second)"
                #expect(abs(mine.gapDifference.value - expected.gapDifference) < 1e-12, "\(label)")
                #expect(abs(mine.underRewardDifference.value - expected.underDifference) < 1e-12, "\(label)")
                #expect(abs(mine.gapDifference.pValue! - expected.gapP) < 1e-12, "\(label): p \(mine.gapDifference.pValue!) vs \(expected.gapP)")
                #expect(abs(mine.underRewardDifference.pValue! - expected.underP) < 1e-12, "\(label)")
                #expect(abs(mine.gapDifference.qValue! - expected.gapQ) < 1e-12, "\(label): q \(mine.gapDifference.qValue!) vs \(expected.gapQ)")
                #expect(abs(mine.underRewardDifference.qValue! - expected.underQ) < 1e-12, "\(label)")
                #expect(abs(mine.agreement! - expected.kendallMean) < 1e-12, "\(label): τ \(mine.agreement!) vs \(expected.kendallMean)")
                #expect(mine.agreementPrompts == expected.kendallPrompts, "\(label)")
                #expect(mine.worstPairs == .init(size: expected.worstSize, shared: expected.worstShared), "\(label)")
                #expect(mine.prompts == c.gaps["a"]!.count)
                let significant = expected.gapQ < 0.05
                #expect((mine.finding != .noDifference) == significant, "\(label)")
                if significant {
                    #expect(mine.finding == (expected.gapDifference < 0 ? .firstUnderRewardsMore : .secondUnderRewardsMore), "\(label)")
                }
            }
        }
    }

    /// numpy draws 200,000 paired resamples, Swift 20,000 from its own generator; the tolerance of
    /// 0.1 bootstrap SD is about 5 combined Monte Carlo standard errors of a 2.5% quantile (see
    /// ClusterBootstrapTests). Seeds are fixed, so the check is deterministic.
    @Test("the paired cluster-bootstrap interval of ΔG agrees with numpy's within Monte Carlo error")
    func pairedBootstrap() async throws {
        for c in try Self.oracle().cases {
            for (mine, expected) in zip(await Self.comparedOffPool(c), c.comparisons) {
                let tolerance = 0.1 * expected.gapSD
                #expect(abs(mine.gapDifference.lower - expected.gapLower) <= tolerance, "\(c.name): lower \(mine.gapDifference.lower) vs \(expected.gapLower)")
                #expect(abs(mine.gapDifference.upper - expected.gapUpper) <= tolerance, "\(c.name): upper \(mine.gapDifference.upper) vs \(expected.gapUpper)")
            }
        }
    }
}
