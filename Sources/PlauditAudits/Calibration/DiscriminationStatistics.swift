import Foundation
import PlauditCore
import PlauditStats

/// Measures ``ScorerDiscrimination`` for one scorer: per prompt, how well its scores separate the
/// valid responses from the invalid ones (and follow the human ratings), averaged over prompts
/// with a cluster-bootstrap interval, as the gap is.
struct DiscriminationStatistics {
    let options: CalibrationOptions
    let stream: UInt64

    /// - Parameters:
    ///   - structures: the audit's prompts (validity per response).
    ///   - scores: the scorer's scores, per item in `items` order.
    func measure(structures: [PromptStructure], items: [Item], itemIndex: [String: Int], scores: [[Double?]]) -> ScorerDiscrimination {
        var aucs: [Double] = []
        var rhos: [Double] = []
        for structure in structures {
            guard let i = itemIndex[structure.itemID], i < scores.count else { continue }
            let row = scores[i]
            if let auc = Self.auc(valid: structure.valid, scores: row) { aucs.append(auc) }
            let rated = row.indices.filter { row[$0] != nil && items[i].responses[$0].humanMean != nil }
            if rated.count >= 3 {
                let rho = Correlation.spearman(rated.map { row[$0]! }, rated.map { items[i].responses[$0].humanMean! }).coefficient
                if rho.isFinite { rhos.append(rho) }
            }
        }
        return ScorerDiscrimination(
            validityAUC: estimate(aucs, null: 0.5, salt: 0xA0C), aucPrompts: aucs.count,
            humanSpearman: estimate(rhos, null: 0, salt: 0x5EA), spearmanPrompts: rhos.count
        )
    }

    /// P(score(valid) > score(invalid)) over every valid × invalid pair of one prompt, ties ½;
    /// `nil` unless the prompt has both kinds with scores.
    static func auc(valid: [Bool], scores: [Double?]) -> Double? {
        let good = scores.indices.compactMap { valid[$0] ? scores[$0] : nil }
        let bad = scores.indices.compactMap { !valid[$0] ? scores[$0] : nil }
        guard !good.isEmpty, !bad.isEmpty else { return nil }
        var wins = 0.0
        for g in good {
            for b in bad { wins += g > b ? 1 : (g == b ? 0.5 : 0) }
        }
        return wins / Double(good.count * bad.count)
    }

    /// The mean of per-prompt values with a percentile interval over resampled prompts and a
    /// sign-flip p-value against `null`; `nil` with fewer than 2 prompts (no spread to resample).
    private func estimate(_ values: [Double], null: Double, salt: UInt64) -> Estimate? {
        guard values.count >= 2 else { return nil }
        let bootstrap = ClusterBootstrap(resamples: options.bootstrapResamples, confidence: options.confidence, seed: options.seed ^ stream ^ salt)
        let replicates = bootstrap.replicates(clusterCount: values.count) { indices in
            indices.reduce(0.0) { $0 + values[$1] } / Double(indices.count)
        }
        let interval = bootstrap.interval(replicates)
        let test = SignFlipPermutationTest(resamples: options.permutationResamples, seed: options.seed ^ stream ^ salt ^ 0x5157)
        return Estimate(
            value: Descriptive.mean(values), lower: interval.lower, upper: interval.upper,
            pValue: test.test(values.map { $0 - null }).pValue
        )
    }
}
