import Foundation
import PlauditCore
import PlauditStats

/// Compares every pair of scorers that have a gap: paired differences of G and U by prompt,
/// Kendall τ-b agreement within prompt, and the overlap of their worst pairs.
struct ScorerComparisons {
    let options: CalibrationOptions
    /// Worst pairs compared per scorer.
    static let worstPairCount = 20

    /// - Parameters:
    ///   - results: the scorers' results, in report order; scorers without an overall gap are skipped.
    ///   - scores: each scorer's scores per item (in `items` order), by name.
    func compare(
        _ results: [ScorerResult], structures: [PromptStructure], itemIndex: [String: Int], scores: [String: [[Double?]]]
    ) -> [ScorerComparison] {
        let compared = results.filter { $0.overall != nil && scores[$0.scorer.name] != nil }
        guard compared.count >= 2 else { return [] }
        let worst = Dictionary(uniqueKeysWithValues: compared.map { result in
            (result.scorer.name, Self.worstPairs(scores[result.scorer.name]!, structures: structures, itemIndex: itemIndex))
        })
        var comparisons: [ScorerComparison] = []
        for a in compared.indices {
            for b in compared.indices where b > a {
                comparisons.append(
                    compare(compared[a], compared[b], structures: structures, itemIndex: itemIndex, scores: scores, worst: worst))
            }
        }
        let alpha = 1 - options.confidence
        let gapQ = BenjaminiHochberg.adjust(comparisons.map { $0.gapDifference.pValue ?? 1 })
        let underQ = BenjaminiHochberg.adjust(comparisons.map { $0.underRewardDifference.pValue ?? 1 })
        for index in comparisons.indices {
            comparisons[index].gapDifference.qValue = gapQ[index]
            comparisons[index].underRewardDifference.qValue = underQ[index]
            let difference = comparisons[index].gapDifference.value
            if gapQ[index] < alpha && difference != 0 {
                comparisons[index].finding = difference < 0 ? .firstUnderRewardsMore : .secondUnderRewardsMore
            }
        }
        return comparisons
    }

    private func compare(
        _ a: ScorerResult, _ b: ScorerResult, structures: [PromptStructure], itemIndex: [String: Int], scores: [String: [[Double?]]],
        worst: [String: [PairKey]]
    ) -> ScorerComparison {
        let second = Dictionary(b.prompts.map { ($0.itemID, $0) }, uniquingKeysWith: { first, _ in first })
        var gaps: [(Double, Double)] = []
        var unders: [(Double, Double)] = []
        for prompt in a.prompts {
            guard let other = second[prompt.itemID] else { continue }
            gaps.append((prompt.gap, other.gap))
            unders.append((prompt.underReward, other.underReward))
        }
        let stream = CalibrationAudit.stream(a.scorer.name + "\u{0}vs", b.scorer.name)
        let difference = Self.pairedDifferences(
            [gaps.map(\.0), unders.map(\.0)], [gaps.map(\.1), unders.map(\.1)],
            bootstrap: ClusterBootstrap(resamples: options.bootstrapResamples, confidence: options.confidence, seed: options.seed ^ stream),
            test: SignFlipPermutationTest(resamples: options.permutationResamples, seed: options.seed ^ stream ^ 0x5157)
        )
        let agreement = Self.meanKendall(
            scores[a.scorer.name]!, scores[b.scorer.name]!, rows: structures.compactMap { itemIndex[$0.itemID] })
        let (worstA, worstB) = (worst[a.scorer.name]!, worst[b.scorer.name]!)
        let size = min(worstA.count, worstB.count)
        let shared = Set(worstA.prefix(size)).intersection(worstB.prefix(size)).count
        return ScorerComparison(
            first: a.scorer.name, second: b.scorer.name, prompts: gaps.count, gapDifference: difference[0],
            underRewardDifference: difference[1], agreement: agreement.mean, agreementPrompts: agreement.prompts,
            worstPairs: .init(size: size, shared: shared)
        )
    }

    /// For each metric m, the mean over prompts of first[m][p] − second[m][p], with a percentile
    /// interval from resampling prompts (the same draws for every metric, so the differences
    /// stay paired) and a sign-flip p-value of the per-prompt differences. NaN bounds with
    /// fewer than 2 prompts.
    static func pairedDifferences(
        _ first: [[Double]], _ second: [[Double]], bootstrap: ClusterBootstrap, test: SignFlipPermutationTest
    ) -> [Estimate] {
        let differences = zip(first, second).map { a, b in zip(a, b).map { $0 - $1 } }
        let count = differences.first?.count ?? 0
        guard count >= 2 else {
            return differences.map { d in Estimate(value: d.isEmpty ? .nan : Descriptive.mean(d), lower: .nan, upper: .nan, pValue: nil) }
        }
        let replicates = bootstrap.replicates(clusterCount: count) { indices in
            differences.map { d in indices.reduce(0.0) { $0 + d[$1] } / Double(indices.count) }
        }
        return differences.indices.map { m in
            let interval = bootstrap.interval(replicates.map { $0[m] })
            return Estimate(
                value: Descriptive.mean(differences[m]), lower: interval.lower, upper: interval.upper,
                pValue: test.test(differences[m]).pValue)
        }
    }

    /// Mean Kendall τ-b between two scorers' scores over the given item rows, each row's
    /// responses scored by both; rows where τ-b is undefined (fewer than 2 such responses, or
    /// constant scores) are left out.
    static func meanKendall(_ a: [[Double?]], _ b: [[Double?]], rows: [Int]) -> (mean: Double?, prompts: Int) {
        var taus: [Double] = []
        for row in rows where row < a.count && row < b.count {
            let both = a[row].indices.filter { $0 < b[row].count && a[row][$0] != nil && b[row][$0] != nil }
            guard both.count >= 2 else { continue }
            let tau = Correlation.kendallTauB(both.map { a[row][$0]! }, both.map { b[row][$0]! }).coefficient
            if tau.isFinite { taus.append(tau) }
        }
        return (taus.isEmpty ? nil : Descriptive.mean(taus), taus.count)
    }

    /// One atypical–modal pair of one prompt.
    struct PairKey: Hashable {
        var row: Int
        var pair: PromptStructure.Pair
    }

    /// The scorer's pairs ordered from the lowest score(atypical) − score(modal) up, at most
    /// ``worstPairCount``; ties keep prompt and pair order.
    static func worstPairs(_ scores: [[Double?]], structures: [PromptStructure], itemIndex: [String: Int]) -> [PairKey] {
        var all: [(difference: Double, key: PairKey)] = []
        for structure in structures {
            guard let row = itemIndex[structure.itemID], row < scores.count else { continue }
            for pair in structure.pairs {
                guard let a = scores[row][pair.atypical], let m = scores[row][pair.modal] else { continue }
                all.append((a - m, PairKey(row: row, pair: pair)))
            }
        }
        let order = all.indices.sorted { all[$0].difference != all[$1].difference ? all[$0].difference < all[$1].difference : $0 < $1 }
        return order.prefix(worstPairCount).map { all[$0].key }
    }
}
