import Foundation
import PlauditCore
import PlauditStats

/// One prompt's contribution to a scorer's gap statistics: per-prompt pair means and the
/// demeaned cross-products of the typicality regression. Prompts are the resampling unit, so
/// everything the bootstrap needs is summarised here once.
struct PromptSample {
    /// Mean over the prompt's pairs of z(atypical) − z(modal).
    var gap: Double
    /// Same on the raw score scale.
    var rawGap: Double
    /// Mean over pairs of 1[s(a) < s(m)] + ½·1[s(a) = s(m)].
    var underReward: Double
    /// Mean over pairs of the human-rating z difference, when every pair has ratings.
    var humanGap: Double?
    var pairs: Int
    /// Within-prompt demeaned X'X (row-major) and X'y of the typicality regression.
    var crossX: [Double]
    var crossY: [Double]

    /// Builds the sample, or `nil` when the prompt has no pair with both scores.
    /// `useQuality` adds the human mean as a covariate of the typicality regression.
    /// `quality`: what pairs are matched on, per response (human mean or a quality judge's score).
    init?(structure: PromptStructure, item: Item, scores: [Double?], useQuality: Bool, quality: [Double?]? = nil) {
        let quality = quality ?? item.responses.map(\.humanMean)
        let validScored = scores.indices.filter { structure.valid[$0] && scores[$0] != nil }
        guard validScored.count >= 2 else { return nil }
        let z = Self.zScores(validScored.map { scores[$0]! }, at: validScored, count: scores.count)
        let usable = structure.pairs.filter { scores[$0.atypical] != nil && scores[$0.modal] != nil }
        guard !usable.isEmpty else { return nil }

        var gap = 0.0
        var raw = 0.0
        var under = 0.0
        for pair in usable {
            let a = scores[pair.atypical]!
            let m = scores[pair.modal]!
            gap += z[pair.atypical]! - z[pair.modal]!
            raw += a - m
            under += a < m ? 1 : (a == m ? 0.5 : 0)
        }
        let count = Double(usable.count)
        self.gap = gap / count
        self.rawGap = raw / count
        self.underReward = under / count
        self.pairs = usable.count

        let rated = structure.valid.indices.filter { structure.valid[$0] && item.responses[$0].humanMean != nil }
        let human = Self.zScores(rated.map { item.responses[$0].humanMean! }, at: rated, count: scores.count)
        if usable.allSatisfy({ human[$0.atypical] != nil && human[$0.modal] != nil }) {
            humanGap = usable.reduce(0.0) { $0 + human[$1.atypical]! - human[$1.modal]! } / count
        } else {
            humanGap = nil
        }

        // Typicality regression rows: valid scored responses; y = z-score; x = typicality
        // (standardised within prompt), log length, and quality when used.
        let typicality = Self.zScores(validScored.map { structure.typicality[$0] }, at: validScored, count: scores.count)
        var rows: [[Double]] = []
        var ys: [Double] = []
        for j in validScored {
            var x = [typicality[j]!, log(1 + Double(Self.wordCount(item.responses[j].text)))]
            if useQuality {
                guard let q = quality[j] else { continue }
                x.append(q)
            }
            rows.append(x)
            ys.append(z[j]!)
        }
        (crossX, crossY) = WithinItemRegression.crossProducts(rows: rows, ys: ys, k: useQuality ? 3 : 2)
    }

    /// z-scores (sample SD) placed at `indices` of an array of `count`; all zero when the
    /// values do not vary, so a constant scorer shows no gap rather than a division by zero.
    static func zScores(_ values: [Double], at indices: [Int], count: Int) -> [Double?] {
        var out = [Double?](repeating: nil, count: count)
        guard !values.isEmpty else { return out }
        let mean = Descriptive.mean(values)
        let sd = values.count >= 2 ? Descriptive.standardDeviation(values) : 0
        for (value, index) in zip(values, indices) {
            out[index] = sd > 0 && sd.isFinite ? (value - mean) / sd : 0
        }
        return out
    }

    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
