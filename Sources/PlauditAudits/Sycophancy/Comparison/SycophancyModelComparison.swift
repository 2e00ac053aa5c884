import PlauditCore
import PlauditStats

/// The model comparison of the policy side (issue 18): a policy (a warmth-tuned model, or the
/// same model under a warm system prompt) against a baseline (the original) on the same probes.
///
/// Per condition (context × belief), on the items graded CORRECT or INCORRECT by both: each
/// policy's accuracy, Δ (the policy's error rate minus the baseline's, in points), the
/// discordant counts b (baseline correct, policy incorrect) and c, McNemar's exact p, the odds
/// ratio b / c and Cohen's g (``McNemarEffectSizes``), and Benjamini–Hochberg q-values.
/// Pooled rows: all conditions, the emotional contexts, the incorrect-belief conditions. And the
/// interaction: Δ in a row minus Δ in none × none (does the policy's error rise more than the
/// baseline's when, say, a sad user holds a wrong belief?), with a cluster-bootstrap interval
/// over items.
///
/// The BH family: the conditions with at least one discordant pair. A condition without one has
/// exact p = 1 whatever the data, and given b + c the test's null distribution does not depend
/// on which conditions had discordant pairs, so leaving them out (independent filtering) keeps
/// the false discovery rate and does not dilute the family; it is also what the warm-models
/// study does, so its FDR values replay. The within-model table keeps such conditions (p = 1 in
/// its family), which is more conservative. The pooled rows share their items with the
/// conditions and are adjusted among themselves.
public struct SycophancyModelComparison: Sendable {
    /// Coverage of the bootstrap intervals.
    public var confidence: Double
    /// Bootstrap resamples of items, and their seed.
    public var resamples: Int
    public var seed: UInt64

    /// The context group whose contexts pool into the emotional row.
    public static let emotionGroup = "emotion"

    public init(confidence: Double = 0.95, resamples: Int = 2_000, seed: UInt64 = 20_251_121) {
        self.confidence = confidence
        self.resamples = resamples
        self.seed = seed
    }

    /// The comparisons of several policies: each against `baseline` when it is named, otherwise
    /// every pair in input order, the earlier policy as the baseline.
    public func compareAll(
        _ policies: [PolicyGrades], baseline: String?, conditions: [SycophancyCondition], groups: [String: String]
    ) -> [PolicyComparisonResult] {
        var pairs: [(PolicyGrades, PolicyGrades)] = []
        if let baseline, let reference = policies.first(where: { $0.name == baseline }) {
            pairs = policies.filter { $0.name != baseline }.map { (reference, $0) }
        } else {
            for i in policies.indices {
                for j in policies.indices where j > i { pairs.append((policies[i], policies[j])) }
            }
        }
        return pairs.map { compare(baseline: $0.0, policy: $0.1, conditions: conditions, groups: groups) }
    }

    /// `policy` against `baseline` on `conditions` (design order; none × none goes first);
    /// `groups` maps each context to its group (`emotion`, `relation`, …).
    public func compare(
        baseline: PolicyGrades, policy: PolicyGrades, conditions: [SycophancyCondition], groups: [String: String]
    ) -> PolicyComparisonResult {
        var order = conditions.uniqued()
        if let index = order.firstIndex(of: .unmodified) { order.insert(order.remove(at: index), at: 0) }
        var rows: [(label: String, condition: SycophancyCondition?, members: [SycophancyCondition])] =
            order.map { ($0.description, $0, [$0]) }
        let pools: [(String, (SycophancyCondition) -> Bool)] = [
            ("all conditions", { _ in true }),
            ("emotional contexts", { groups[$0.context] == Self.emotionGroup }),
            ("incorrect belief", { $0.belief == .incorrect }),
        ]
        for (label, member) in pools {
            let members = order.filter(member)
            if !members.isEmpty { rows.append((label, nil, members)) }
        }

        // Per item and row: paired count and (policy errors − baseline errors), cluster-major.
        let items = Set(baseline.grades.values.flatMap(\.keys)).union(policy.grades.values.flatMap(\.keys)).sorted()
        var pairs = [Double](repeating: 0, count: items.count * rows.count)
        var differences = pairs
        var counts = [(pairs: Int, b: Int, c: Int, baselineErrors: Int)](repeating: (0, 0, 0, 0), count: rows.count)
        for (k, item) in items.enumerated() {
            for (r, row) in rows.enumerated() {
                for condition in row.members {
                    guard let first = baseline.error(condition, item), let second = policy.error(condition, item) else { continue }
                    pairs[k * rows.count + r] += 1
                    differences[k * rows.count + r] += (second ? 1 : 0) - (first ? 1 : 0)
                    counts[r].pairs += 1
                    if !first && second { counts[r].b += 1 }
                    if first && !second { counts[r].c += 1 }
                    if first { counts[r].baselineErrors += 1 }
                }
            }
        }

        var result: [PolicyComparisonRow] = rows.indices.map { r in
            let (n, b, c, errors) = counts[r]
            let paired = n > 0
            return PolicyComparisonRow(
                label: rows[r].label, context: rows[r].condition?.context, belief: rows[r].condition?.belief,
                conditions: rows[r].members.count, pairs: n,
                baselineAccuracy: paired ? 1 - Double(errors) / Double(n) : nil,
                policyAccuracy: paired ? 1 - Double(errors + b - c) / Double(n) : nil,
                deltaPoints: paired ? 100 * Double(b - c) / Double(n) : nil, b: b, c: c,
                pValue: paired ? McNemarTest.exact(b: b, c: c).pValue : nil,
                oddsRatio: McNemarEffectSizes.oddsRatio(b: b, c: c), cohensG: McNemarEffectSizes.cohensG(b: b, c: c))
        }

        // BH: conditions with a discordant pair; pooled rows among themselves.
        let split = order.count
        for family in [0..<split, split..<rows.count] {
            let p = family.map { result[$0].b + result[$0].c > 0 ? result[$0].pValue ?? .nan : .nan }
            for (index, q) in zip(family, BenjaminiHochberg.adjust(p)) where q.isFinite { result[index].qValue = q }
        }

        // Bootstrap over items: Δ per row; the interaction against none × none.
        let bootstrap = ClusterBootstrap(resamples: resamples, confidence: confidence, seed: seed)
        let replicates = items.isEmpty ? [] : bootstrap.ratioReplicates(numerators: differences, denominators: pairs, statistics: rows.count)
        let reference = order.first == .unmodified ? 0 : nil
        for r in rows.indices {
            guard let delta = result[r].deltaPoints else { continue }
            if rows[r].condition == nil {
                let interval = bootstrap.interval(replicates.map { 100 * $0[r] })
                result[r].deltaInterval = Estimate(value: delta, lower: interval.lower, upper: interval.upper)
            }
            guard let reference, r != reference, let referenceDelta = result[reference].deltaPoints else { continue }
            let interval = bootstrap.interval(replicates.map { 100 * ($0[r] - $0[reference]) })
            result[r].interaction = Estimate(value: delta - referenceDelta, lower: interval.lower, upper: interval.upper)
        }

        let tested = result[0..<split].filter { $0.qValue != nil }.count
        let multipleTesting =
            "Benjamini–Hochberg over the \(tested) conditions with at least one discordant pair "
            + "(\(split - tested) left out: their exact p is 1 whatever the data, as in the warm-models study); "
            + "the pooled rows among themselves."
        return PolicyComparisonResult(
            baseline: baseline.name, policy: policy.name, conditions: Array(result[0..<split]), pooled: Array(result[split...]),
            multipleTesting: multipleTesting, confidence: confidence, resamples: resamples, seed: seed)
    }
}
