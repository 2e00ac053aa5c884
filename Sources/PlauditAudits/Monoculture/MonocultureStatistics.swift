import Foundation
import PlauditCore
import PlauditStats

/// The monoculture metrics over items whose attributes are known (ARCHITECTURE §1.3): per item
/// and side, then per side, then each configuration against the source, with cluster-bootstrap
/// intervals over items for the headline numbers. Pure and synchronous.
struct MonocultureStatistics {
    let options: MonocultureOptions

    /// Per item: the statistics of each side that has at least one rated text.
    func itemResults(
        dataset: MonocultureDataset, sentiments: SentimentTable, topics: [TopicStructure?]
    ) -> [MonocultureItemResult] {
        dataset.items.enumerated().map { i, item in
            var sides: [String: ItemSideStatistics] = [:]
            for (side, values) in sentiments.values[i] {
                guard var statistics = Self.itemSide(values.compactMap { $0 }) else { continue }
                if let topic = topics[i], let (entropy, clusters) = topic.entropy(side) {
                    statistics.topicEntropy = entropy
                    statistics.topicClusters = clusters
                    statistics.meanPairwiseCosine = topic.meanPairwiseCosine[side]
                }
                sides[side] = statistics
            }
            return MonocultureItemResult(id: item.id, title: item.title, sides: sides)
        }
    }

    /// One side of one item, or `nil` without a rated text.
    static func itemSide(_ values: [TextSentiment]) -> ItemSideStatistics? {
        guard !values.isEmpty else { return nil }
        let positive = values.filter { $0.label == .positive }.count
        let negative = values.filter { $0.label == .negative }.count
        let neutral = values.count - positive - negative
        let indicator = values.map { $0.label == .positive ? 1.0 : 0.0 }
        let compounds = values.compactMap(\.compound)
        return ItemSideStatistics(
            texts: values.count, positive: positive, neutral: neutral, negative: negative,
            positiveShare: Descriptive.mean(indicator),
            standardDeviation: Descriptive.standardDeviation(indicator, ddof: 0),
            entropy: Entropy.shannon(counts: [Double(negative), Double(neutral), Double(positive)]),
            meanCompound: compounds.count == values.count ? Descriptive.mean(compounds) : nil
        )
    }

    /// A side over all items that have it.
    func side(_ name: String, items: [MonocultureItemResult], wording: WordingSummary?) -> SideSummary? {
        let rows = items.compactMap { $0.sides[name] }
        guard !rows.isEmpty else { return nil }
        let statistics: ([Int]) -> [Double] = { indices in
            var positive = 0
            var texts = 0
            var entropy = 0.0
            for i in indices {
                positive += rows[i].positive
                texts += rows[i].texts
                entropy += rows[i].entropy
            }
            return [Double(positive) / Double(texts), entropy / Double(indices.count)]
        }
        let (point, intervals) = bootstrap(count: rows.count, stream: name, statistics)
        let shares = rows.map(\.positiveShare)
        let compounds = rows.compactMap(\.meanCompound)
        let topicEntropies = rows.compactMap(\.topicEntropy)
        let clusters = rows.compactMap(\.topicClusters).map(Double.init)
        let cosines = rows.compactMap(\.meanPairwiseCosine)
        return SideSummary(
            name: name, items: rows.count, texts: rows.reduce(0) { $0 + $1.texts },
            positiveShare: estimate(point[0], intervals[0]),
            meanItemPositiveShare: Descriptive.mean(shares),
            meanItemStandardDeviation: Descriptive.mean(rows.map(\.standardDeviation)),
            meanItemEntropy: estimate(point[1], intervals[1]),
            histogram: Histogram.counts(shares, edges: options.bins),
            meanCompound: compounds.count == rows.count ? Descriptive.mean(compounds) : nil,
            meanTopicEntropy: topicEntropies.isEmpty ? nil : Descriptive.mean(topicEntropies),
            meanTopicClusters: clusters.isEmpty ? nil : Descriptive.mean(clusters),
            meanPairwiseCosine: cosines.isEmpty ? nil : Descriptive.mean(cosines),
            wording: wording
        )
    }

    /// A configuration against the source over the items that have both.
    func comparison(_ name: String, items: [MonocultureItemResult]) -> SideComparison? {
        let pairs = items.compactMap { item -> (source: ItemSideStatistics, generated: ItemSideStatistics)? in
            guard let source = item.sides[MonocultureDataset.sourceName], let generated = item.sides[name] else { return nil }
            return (source, generated)
        }
        guard !pairs.isEmpty else { return nil }
        let hasCompound = pairs.allSatisfy { $0.source.meanCompound != nil && $0.generated.meanCompound != nil }
        let hasTopics = pairs.allSatisfy { $0.source.topicEntropy != nil && $0.generated.topicEntropy != nil }
        let cosinePairs = pairs.indices.filter { pairs[$0].source.meanPairwiseCosine != nil && pairs[$0].generated.meanPairwiseCosine != nil }
        let statistics: ([Int]) -> [Double] = { indices in
            var delta = 0.0
            var absolute = 0.0
            var compoundAbsolute = 0.0
            var topic = 0.0
            var cosine = 0.0
            var cosineCount = 0
            var source: [Double] = []
            var generated: [Double] = []
            var sourceCompound: [Double] = []
            var generatedCompound: [Double] = []
            for i in indices {
                let (s, g) = pairs[i]
                delta += g.positiveShare - s.positiveShare
                absolute += abs(g.positiveShare - s.positiveShare)
                source.append(s.positiveShare)
                generated.append(g.positiveShare)
                if hasCompound {
                    compoundAbsolute += abs(g.meanCompound! - s.meanCompound!)
                    sourceCompound.append(s.meanCompound!)
                    generatedCompound.append(g.meanCompound!)
                }
                if hasTopics { topic += g.topicEntropy! - s.topicEntropy! }
                if let gc = g.meanPairwiseCosine, let sc = s.meanPairwiseCosine {
                    cosine += gc - sc
                    cosineCount += 1
                }
            }
            let n = Double(indices.count)
            return [
                delta / n, absolute / n, Wasserstein.distance(generated, source),
                hasCompound ? compoundAbsolute / n : .nan,
                hasCompound ? Wasserstein.distance(generatedCompound, sourceCompound) : .nan,
                hasTopics ? topic / n : .nan,
                cosineCount > 0 ? cosine / Double(cosineCount) : .nan,
            ]
        }
        let (point, intervals) = bootstrap(count: pairs.count, stream: "compare\u{0}" + name, statistics)
        func optional(_ s: Int) -> Estimate? {
            point[s].isFinite ? estimate(point[s], intervals[s]) : nil
        }
        return SideComparison(
            configuration: name, sharedItems: pairs.count,
            meanDelta: estimate(point[0], intervals[0]), meanAbsoluteDelta: estimate(point[1], intervals[1]),
            wasserstein: estimate(point[2], intervals[2]),
            compoundMeanAbsoluteDelta: optional(3), compoundWasserstein: optional(4),
            topicEntropyDifference: optional(5), pairwiseCosineDifference: cosinePairs.isEmpty ? nil : optional(6)
        )
    }

    /// The statistics on all units, and the percentile interval of each from a seeded cluster
    /// bootstrap over units; each `stream` (a side or a comparison) has its own seed.
    private func bootstrap(
        count: Int, stream: String, _ statistics: ([Int]) -> [Double]
    ) -> (point: [Double], intervals: [(lower: Double, upper: Double)]) {
        let point = statistics(Array(0..<count))
        let bootstrap = ClusterBootstrap(
            resamples: options.bootstrapResamples, confidence: options.confidence,
            seed: options.seed ^ CalibrationAudit.stream("monoculture", stream))
        let replicates = bootstrap.replicates(clusterCount: count, statistics: statistics)
        let intervals = point.indices.map { s in
            ClusterBootstrap.percentileInterval(replicates.map { $0[s] }, confidence: options.confidence)
        }
        return (point, intervals)
    }

    private func estimate(_ value: Double, _ interval: (lower: Double, upper: Double)) -> Estimate {
        Estimate(value: value, lower: interval.lower, upper: interval.upper)
    }
}
