import PlauditCore
import PlauditStats

/// The human-labelled units of a dataset: every rated response and every labelled pair, with
/// what the subset rules need (mean label, label entropy, agreement).
struct HumanLabelUnits {
    /// A response with human ratings.
    struct Rated {
        var item: Int
        var response: Int
        /// Mean rating.
        var mean: Double
        /// Shannon entropy (bits) of the ratings' distribution over their distinct values.
        var entropy: Double
    }

    /// A pair of responses with preference labels.
    struct Pair {
        var item: Int
        /// Index into the item's ``Item/humanPreferences``.
        var preference: Int
        var first: Int
        var second: Int
        /// Mean label, > 0 favouring the first response.
        var mean: Double
        /// Raters who said "similar" (label 0).
        var similarVotes: Int
        /// max(n₁ + t/2, n₂ + t/2) / N: n₁ and n₂ the raters preferring each side, t the ties.
        var agreement: Double
    }

    var rated: [Rated] = []
    var pairs: [Pair] = []

    init(items: [Item]) {
        for (i, item) in items.enumerated() {
            for (j, response) in item.responses.enumerated() {
                guard let mean = response.humanMean else { continue }
                rated.append(Rated(item: i, response: j, mean: mean, entropy: Self.entropy(response.humanRatings)))
            }
            let position = Dictionary(uniqueKeysWithValues: item.responses.enumerated().map { ($1.id, $0) })
            for (k, preference) in item.humanPreferences.enumerated() {
                guard let first = position[preference.first], let second = position[preference.second], !preference.labels.isEmpty else { continue }
                let forFirst = preference.labels.filter { $0 > 0 }.count
                let forSecond = preference.labels.filter { $0 < 0 }.count
                let ties = preference.labels.count - forFirst - forSecond
                let total = Double(preference.labels.count)
                let agreement = max(Double(forFirst) + Double(ties) / 2, Double(forSecond) + Double(ties) / 2) / total
                pairs.append(
                    Pair(item: i, preference: k, first: first, second: second, mean: preference.mean, similarVotes: ties, agreement: agreement))
            }
        }
    }

    /// Entropy in bits of the labels' empirical distribution.
    static func entropy(_ labels: [Double]) -> Double {
        var counts: [Double: Double] = [:]
        for label in labels { counts[label, default: 0] += 1 }
        return Entropy.shannon(counts: counts.keys.sorted().map { counts[$0]! }, base: 2)
    }
}
