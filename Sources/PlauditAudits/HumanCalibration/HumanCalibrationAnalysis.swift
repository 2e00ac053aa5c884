public import PlauditCore
import PlauditStats

/// Correlates every scorer with the human labels on the Artificial Hivemind subsets, each ρ
/// with a cluster-bootstrap interval that resamples prompts (responses and pairs of one prompt
/// stay together, because they are not independent).
public struct HumanCalibrationAnalysis: Sendable {
    public var bootstrapResamples: Int
    public var confidence: Double
    public var seed: UInt64

    public init(bootstrapResamples: Int = 2_000, confidence: Double = 0.95, seed: UInt64 = 20_251_022) {
        self.bootstrapResamples = bootstrapResamples
        self.confidence = confidence
        self.seed = seed
    }

    /// A scorer's answers: pointwise scores per item and response, or a pairwise judge's
    /// preference for the first response per item and labelled pair.
    public enum ScorerValues: Sendable {
        case pointwise([[Double?]])
        case preferences([[Double?]])
    }

    /// `nil` when the data has no human labels at all.
    public func analyze(items: [Item], scorers: [(ScorerDescriptor, ScorerValues)]) -> HumanCalibrationResults? {
        let units = HumanLabelUnits(items: items)
        guard !units.rated.isEmpty || !units.pairs.isEmpty else { return nil }
        let absoluteSubsets = HumanSubsetRules.absolute(units.rated)
        let pairwiseSubsets = HumanSubsetRules.pairwise(units.pairs)
        var results: [ScorerHumanCalibration] = []
        for (descriptor, values) in scorers {
            var absolute: [SubsetCorrelation] = []
            var pairwise: [SubsetCorrelation] = []
            switch values {
            case .pointwise(let scores):
                let x = units.rated.map { scores[$0.item][$0.response] }
                absolute = absoluteSubsets.map { subset, members in
                    correlate(subset, members: members, x: x, y: units.rated.map(\.mean), clusters: units.rated.map(\.item), stream: descriptor.name)
                }
                let differences = units.pairs.map { pair -> Double? in
                    guard let a = scores[pair.item][pair.first], let b = scores[pair.item][pair.second] else { return nil }
                    return a - b
                }
                pairwise = pairwiseSubsets.map { subset, members in
                    correlate(subset, members: members, x: differences, y: units.pairs.map(\.mean), clusters: units.pairs.map(\.item), stream: descriptor.name)
                }
            case .preferences(let preferences):
                let x = units.pairs.map { preferences[$0.item][$0.preference] }
                pairwise = pairwiseSubsets.map { subset, members in
                    correlate(subset, members: members, x: x, y: units.pairs.map(\.mean), clusters: units.pairs.map(\.item), stream: descriptor.name)
                }
            }
            results.append(ScorerHumanCalibration(scorer: descriptor.name, kind: descriptor.kind, absolute: absolute, pairwise: pairwise))
        }
        return HumanCalibrationResults(
            ratedResponses: units.rated.count, labelledPairs: units.pairs.count, rules: HumanSubsetRules.descriptions,
            scorers: results, classes: Self.classSeries(results))
    }

    /// `results` with more scorers analysed on the same items (pairwise judges, judged after
    /// the pointwise scorers), and the class series recomputed.
    public func adding(_ scorers: [(ScorerDescriptor, ScorerValues)], items: [Item], to results: HumanCalibrationResults?) -> HumanCalibrationResults? {
        guard let extra = analyze(items: items, scorers: scorers) else { return results }
        guard var merged = results else { return extra }
        merged.scorers += extra.scorers
        merged.classes = Self.classSeries(merged.scorers)
        return merged
    }

    /// Pooled Spearman ρ over the members with a value, and its prompt-bootstrap interval.
    func correlate(_ subset: HumanSubset, members: [Int], x: [Double?], y: [Double], clusters: [Int], stream: String) -> SubsetCorrelation {
        // Group the scored members by prompt: the bootstrap draws prompts.
        var byPrompt: [Int: [Int]] = [:]
        var order: [Int] = []
        for m in members where x[m] != nil {
            if byPrompt[clusters[m]] == nil { order.append(clusters[m]) }
            byPrompt[clusters[m], default: []].append(m)
        }
        let groups = order.map { byPrompt[$0]! }
        let scored = groups.flatMap { $0 }
        let rho = Self.rho(scored, x: x, y: y)
        guard scored.count >= 3, rho.isFinite else {
            return SubsetCorrelation(subset: subset, n: scored.count, rho: rho, lower: .nan, upper: .nan)
        }
        let bootstrap = ClusterBootstrap(
            resamples: bootstrapResamples, confidence: confidence,
            seed: seed ^ CalibrationAudit.stream(stream, "human/\(subset.family)/\(subset.label)"))
        let replicates: [Double]
        if let fast = ClusteredSpearman(
            x: scored.map { x[$0]! }, y: scored.map { y[$0] },
            cluster: groups.enumerated().flatMap { g, members in Array(repeating: g, count: members.count) }, clusterCount: groups.count)
        {
            replicates = bootstrap.replicates(clusterCount: groups.count) { fast.rho(drawn: $0) }
        } else {
            replicates = bootstrap.replicates(clusterCount: groups.count) { drawn in
                Self.rho(drawn.flatMap { groups[$0] }, x: x, y: y)
            }
        }
        let interval = bootstrap.interval(replicates)
        return SubsetCorrelation(subset: subset, n: scored.count, rho: rho, lower: interval.lower, upper: interval.upper)
    }

    static func rho(_ members: [Int], x: [Double?], y: [Double]) -> Double {
        guard members.count >= 3 else { return .nan }
        return Correlation.spearman(members.map { x[$0]! }, members.map { y[$0] }).coefficient
    }

    /// Mean ρ per scorer class and subset (over the scorers where ρ is defined).
    static func classSeries(_ results: [ScorerHumanCalibration]) -> [ScorerClassSeries] {
        let kinds = results.map(\.kind).reduce(into: [ScorerDescriptor.Kind]()) { if !$0.contains($1) { $0.append($1) } }
        return kinds.map { kind in
            let members = results.filter { $0.kind == kind }
            func points(_ series: (ScorerHumanCalibration) -> [SubsetCorrelation]) -> [ScorerClassSeries.ClassPoint] {
                guard let template = members.map(series).first(where: { !$0.isEmpty }) else { return [] }
                return template.indices.map { index in
                    let values = members.map(series).filter { $0.count == template.count }.map { $0[index].rho }.filter(\.isFinite)
                    return ScorerClassSeries.ClassPoint(subset: template[index].subset, meanRho: values.isEmpty ? .nan : Descriptive.mean(values))
                }
            }
            return ScorerClassSeries(kind: kind, scorers: members.map(\.scorer), absolute: points(\.absolute), pairwise: points(\.pairwise))
        }
    }
}
