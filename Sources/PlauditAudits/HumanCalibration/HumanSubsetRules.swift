import Foundation
import PlauditCore
import PlauditStats

/// The Artificial Hivemind subset rules (research/hivemind.md §1), as plaudit applies them.
///
/// - Absolute, similar quality: Tukey fences on the global quartiles of the mean ratings;
///   keep responses inside [Q1 − k·IQR, Q3 + k·IQR], bounds included.
/// - Absolute, disagreement: keep responses whose label entropy is at least the (100 − p)th
///   percentile (numpy's linear rule), so ties at the threshold are all kept.
/// - Pairwise, similar quality: order pairs by the number of "similar" (0) labels, most first,
///   and keep the first ⌊N·p/100⌋.
/// - Pairwise, disagreement: order pairs by percent agreement, least first, and keep the
///   first ⌊N·p/100⌋.
/// Ties in an ordering keep input order (a stable sort), so the rule is deterministic.
public enum HumanSubsetRules {
    public static let tukeyK: [Double] = [3, 2.5, 2, 1.5, 1, 0.5]
    public static let entropyTopPercent: [Double] = [16, 14, 12, 10, 8, 6, 4, 2]
    public static let pairwisePercent: [Double] = [95, 90, 85, 80, 75, 70, 65, 60]

    /// The rules in words, for reports.
    public static let descriptions = [
        "absolute, all: every response with human ratings; ρ = Spearman of score vs mean rating, pooled across prompts",
        "absolute, similar quality (Tukey k): mean rating within [Q1 − k·IQR, Q3 + k·IQR] of all rated responses",
        "absolute, disagreement (top p%): label entropy (bits) ≥ the (100 − p)th percentile; ties at the cut included",
        "pairwise, all: every labelled pair; ρ = Spearman of score(1) − score(2) (or a pairwise judge's preference) vs mean label",
        "pairwise, similar quality (top p%): the ⌊N·p/100⌋ pairs with the most 'similar' (0) labels; ties in input order",
        "pairwise, disagreement (lowest p%): the ⌊N·p/100⌋ pairs with the lowest max(n₁ + t/2, n₂ + t/2)/N; ties in input order",
    ]

    /// Subsets of the rated responses, as indices into `units`.
    static func absolute(_ units: [HumanLabelUnits.Rated]) -> [(HumanSubset, [Int])] {
        guard !units.isEmpty else { return [] }
        var out: [(HumanSubset, [Int])] = [(HumanSubset(family: "all", parameter: nil, label: "all", size: units.count), Array(units.indices))]
        let fences = TukeyFences(units.map(\.mean))
        for k in tukeyK {
            let kept = units.indices.filter { fences.contains(units[$0].mean, k: k) }
            out.append((HumanSubset(family: "similar-quality", parameter: k, label: "k = \(format(k))", size: kept.count), kept))
        }
        let entropies = units.map(\.entropy)
        for p in entropyTopPercent {
            let cut = Descriptive.quantile(entropies, (100 - p) / 100)
            let kept = units.indices.filter { units[$0].entropy >= cut }
            out.append((HumanSubset(family: "disagreement", parameter: p, label: "top \(format(p))%", size: kept.count), kept))
        }
        return out
    }

    /// Subsets of the labelled pairs, as indices into `units`.
    static func pairwise(_ units: [HumanLabelUnits.Pair]) -> [(HumanSubset, [Int])] {
        guard !units.isEmpty else { return [] }
        var out: [(HumanSubset, [Int])] = [(HumanSubset(family: "all", parameter: nil, label: "all", size: units.count), Array(units.indices))]
        let bySimilar = units.indices.sorted { (units[$0].similarVotes, $1) > (units[$1].similarVotes, $0) }
        let byAgreement = units.indices.sorted { (units[$0].agreement, $0) < (units[$1].agreement, $1) }
        for p in pairwisePercent {
            let count = Int(Double(units.count) * p / 100)
            out.append((HumanSubset(family: "similar-quality", parameter: p, label: "top \(format(p))%", size: count), Array(bySimilar.prefix(count))))
        }
        for p in pairwisePercent {
            let count = Int(Double(units.count) * p / 100)
            out.append((HumanSubset(family: "disagreement", parameter: p, label: "lowest \(format(p))%", size: count), Array(byAgreement.prefix(count))))
        }
        return out
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
