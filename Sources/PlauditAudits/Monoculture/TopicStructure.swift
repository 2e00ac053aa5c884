import PlauditCore
import PlauditStats

/// One item's texts grouped by meaning: embedding-cluster ids (the topic attribute) and how alike
/// each side's texts are.
///
/// All of an item's texts, over every side, are clustered together (average-linkage
/// agglomerative clustering on cosine distance, cut at a threshold), so a cluster id means the
/// same thing on every side of the item and a side that keeps to one cluster is visibly narrower.
struct TopicStructure {
    /// Cluster id of each text, per side.
    var clusters: [String: [Int]]
    /// Mean cosine similarity over each side's pairs of texts (absent below two texts).
    var meanPairwiseCosine: [String: Double]

    /// `vectors[side]` are the embeddings of that side's texts, in order.
    init(vectors: [String: [[Float]]], sides: [String], threshold: Double) {
        let present = sides.filter { !(vectors[$0] ?? []).isEmpty }
        let all = present.flatMap { vectors[$0]! }
        let distances = Cosine.distanceMatrix(all)
        let labels = AgglomerativeClustering(distanceThreshold: threshold).fit(distances: distances)
        var clusters: [String: [Int]] = [:]
        var cosine: [String: Double] = [:]
        var offset = 0
        for side in present {
            let count = vectors[side]!.count
            clusters[side] = Array(labels[offset..<(offset + count)])
            if count >= 2 {
                var sum = 0.0
                for a in offset..<(offset + count) {
                    for b in (a + 1)..<(offset + count) { sum += 1 - distances[a][b] }
                }
                cosine[side] = sum / Double(count * (count - 1) / 2)
            }
            offset += count
        }
        self.clusters = clusters
        self.meanPairwiseCosine = cosine
    }

    /// Entropy (bits) of a side's cluster ids, and how many distinct ids it has.
    func entropy(_ side: String) -> (entropy: Double, clusters: Int)? {
        guard let ids = clusters[side], !ids.isEmpty else { return nil }
        let counts = Dictionary(grouping: ids, by: { $0 }).values.map { Double($0.count) }
        return (Entropy.shannon(counts: counts.sorted()), counts.count)
    }
}
