public import PlauditCore
import PlauditStats

/// Builds each prompt's clusters, modal cluster, typicality, validity and quality-matched
/// pairs (ARCHITECTURE §1.1 steps 2–4).
public struct PromptStructureBuilder: Sendable {
    public var options: CalibrationOptions

    public init(options: CalibrationOptions) {
        self.options = options
    }

    /// One structure per item with at least three responses, in item order.
    /// `vectors[i][j]` is the embedding of item `i`'s response `j`.
    public func structures(items: [Item], vectors: [[[Float]]]) -> [PromptStructure] {
        zip(items, vectors).compactMap { item, vectors in
            item.responses.count >= 3 ? structure(item: item, vectors: vectors) : nil
        }
    }

    func structure(item: Item, vectors: [[Float]]) -> PromptStructure {
        let n = item.responses.count
        let distances = Cosine.distanceMatrix(vectors)
        let typicality: [Double] = (0..<n).map { i in
            var sum = 0.0
            for j in 0..<n where j != i { sum += 1 - distances[i][j] }
            return sum / Double(n - 1)
        }
        let clusters = clusterLabels(item: item, vectors: vectors, distances: distances)
        let modal = Self.modalCluster(clusters: clusters, typicality: typicality)
        let valid = item.responses.map { validity(of: $0) }
        let quality = options.quality(of: item)
        var pairs: [PromptStructure.Pair] = []
        for a in 0..<n where valid[a] && clusters[a] != modal {
            for m in 0..<n where valid[m] && clusters[m] == modal {
                if let qa = quality[a], let qm = quality[m], abs(qa - qm) > options.qualityTolerance {
                    continue
                }
                pairs.append(.init(atypical: a, modal: m))
            }
        }
        return PromptStructure(
            itemID: item.id, category: item.category, clusters: clusters, modalCluster: modal,
            typicality: typicality, valid: valid, pairs: pairs
        )
    }

    /// The largest cluster; among equally large ones, the one whose members are most typical.
    static func modalCluster(clusters: [Int], typicality: [Double]) -> Int {
        var size: [Int: Int] = [:]
        var typical: [Int: Double] = [:]
        for (c, t) in zip(clusters, typicality) {
            size[c, default: 0] += 1
            typical[c, default: 0] += t
        }
        return size.keys.max { a, b in
            if size[a]! != size[b]! { return size[a]! < size[b]! }
            let ta = typical[a]! / Double(size[a]!)
            let tb = typical[b]! / Double(size[b]!)
            return ta != tb ? ta < tb : a > b
        }!
    }

    func clusterLabels(item: Item, vectors: [[Float]], distances: [[Double]]) -> [Int] {
        switch options.clustering {
        case .agglomerative(let threshold):
            return AgglomerativeClustering(distanceThreshold: threshold).fit(distances: distances)
        case .kMeans(let k):
            let points = vectors.map { $0.map(Double.init) }
            return KMeans(k: min(k, points.count), seed: options.seed).fit(points).labels
        case .labels:
            var index: [String: Int] = [:]
            return item.responses.enumerated().map { j, response in
                // Unlabelled responses are singletons.
                let key = response.cluster ?? "\u{0}unlabelled-\(j)"
                if let existing = index[key] { return existing }
                index[key] = index.count
                return index[key]!
            }
        }
    }

    /// The `valid` flag; else human mean against the threshold; else valid (and the run notes
    /// that validity was assumed).
    func validity(of response: Response) -> Bool {
        if let valid = response.valid { return valid }
        if let threshold = options.humanValidityThreshold, let mean = response.humanMean { return mean >= threshold }
        return true
    }
}
