/// Average-linkage agglomerative clustering cut at a distance threshold, reproducing
/// `sklearn.cluster.AgglomerativeClustering(n_clusters=None, distance_threshold=t, linkage="average",
/// metric="precomputed" | "cosine")`.
///
/// Used to group near-duplicate responses (by embedding distance) without fixing the number of groups.
///
/// Semantics: the full dendrogram is built, merges are ordered by linkage distance, and only the merges whose
/// distance is strictly below the threshold are kept (a merge at exactly `distanceThreshold` is not made), as
/// sklearn does by counting merges at or above the threshold.
///
/// Tie rule: exact ties between linkage distances are resolved as scipy's nearest-neighbour-chain algorithm
/// (which sklearn calls) resolves them. The chain starts at the lowest-indexed active cluster; the chain tip's
/// nearest neighbour is found by scanning clusters in index order, keeping the previous chain element unless a
/// strictly closer cluster appears; a merged cluster takes the slot of the larger index; merges are then sorted
/// stably by distance. Merged-cluster distances use the same Lance–Williams update
/// (nₓ·d(x, i) + n_y·d(y, i)) / (nₓ + n_y), so equal inputs give equal floating-point heights.
public struct AgglomerativeClustering: Sendable {
    /// Merges at or above this linkage distance are not made.
    public let distanceThreshold: Double

    /// Configures average linkage cut at `distanceThreshold`.
    public init(distanceThreshold: Double) {
        self.distanceThreshold = distanceThreshold
    }

    /// Cluster labels 0..<k for a precomputed distance matrix, numbered in order of first appearance.
    ///
    /// Only the upper triangle `distances[i][j]`, i < j, is read (as sklearn does). A NaN distance is treated as
    /// +infinity (sklearn rejects it); pairs at infinite distance are never merged below a finite threshold.
    public func fit(distances: [[Double]]) -> [Int] {
        let n = distances.count
        if n <= 1 { return [Int](repeating: 0, count: n) }
        precondition(distances.allSatisfy { $0.count == n }, "distance matrix must be square")
        let merges = Self.dendrogram(distances)
        let kept = merges.filter { $0.distance < distanceThreshold }.count
        var components = UnionFind(count: n)
        for merge in merges.prefix(kept) {
            components.union(merge.first, merge.second)
        }
        var labelOfRoot: [Int: Int] = [:]
        return (0..<n).map { i in
            let root = components.find(i)
            if let label = labelOfRoot[root] { return label }
            let label = labelOfRoot.count
            labelOfRoot[root] = label
            return label
        }
    }

    /// Cluster labels for embedding vectors under cosine distance (``Cosine/distanceMatrix(_:)``).
    public func fit(vectors: [[Float]]) -> [Int] {
        fit(distances: Cosine.distanceMatrix(vectors))
    }

    private static func firstActive(_ size: [Int], other x: Int) -> Int {
        size.indices.first { size[$0] > 0 && $0 != x }!
    }

    struct Merge: Sendable {
        var first: Int
        var second: Int
        var distance: Double
    }

    /// All n − 1 merges of average linkage, sorted stably by distance; `first`/`second` name a point in each side.
    static func dendrogram(_ input: [[Double]]) -> [Merge] {
        let n = input.count
        var distances = CondensedMatrix(input)
        var size = [Int](repeating: 1, count: n)
        var chain: [Int] = []
        chain.reserveCapacity(n)
        var merges: [Merge] = []
        merges.reserveCapacity(n - 1)

        for _ in 0..<(n - 1) {
            if chain.isEmpty, let start = size.firstIndex(where: { $0 > 0 }) {
                chain.append(start)
            }
            var x = 0
            var y = 0
            var nearest = Double.infinity
            while true {
                x = chain[chain.count - 1]
                if chain.count > 1 {
                    y = chain[chain.count - 2]
                } else {
                    // With finite distances this is what a strict scan from +infinity picks first; it also keeps
                    // the chain well defined when every remaining distance is infinite.
                    y = firstActive(size, other: x)
                }
                nearest = distances[x, y]
                for i in 0..<n where size[i] > 0 && i != x {
                    let d = distances[x, i]
                    if d < nearest {
                        nearest = d
                        y = i
                    }
                }
                if chain.count > 1 && y == chain[chain.count - 2] { break }
                chain.append(y)
            }
            chain.removeLast(2)
            if x > y { swap(&x, &y) }
            let nx = Double(size[x])
            let ny = Double(size[y])
            merges.append(Merge(first: x, second: y, distance: nearest))
            size[y] += size[x]
            size[x] = 0
            for i in 0..<n where size[i] > 0 && i != y {
                distances[i, y] = (nx * distances[i, x] + ny * distances[i, y]) / (nx + ny)
            }
        }
        // Stable sort by distance, like numpy's mergesort.
        return merges.enumerated()
            .sorted {
                $0.element.distance < $1.element.distance
                    || ($0.element.distance == $1.element.distance && $0.offset < $1.offset)
            }
            .map(\.element)
    }
}

/// The strict upper triangle of a symmetric matrix, stored row by row.
private struct CondensedMatrix {
    private var storage: [Double]
    private let n: Int

    init(_ full: [[Double]]) {
        n = full.count
        storage = []
        storage.reserveCapacity(n * (n - 1) / 2)
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                let d = full[i][j]
                storage.append(d.isNaN ? .infinity : d)
            }
        }
    }

    private func offset(_ i: Int, _ j: Int) -> Int {
        let (a, b) = i < j ? (i, j) : (j, i)
        return n * a - a * (a + 1) / 2 + (b - a - 1)
    }

    subscript(i: Int, j: Int) -> Double {
        get { storage[offset(i, j)] }
        set { storage[offset(i, j)] = newValue }
    }
}

/// Disjoint sets over 0..<count with path halving.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) {
        parent = Array(0..<count)
    }

    mutating func find(_ i: Int) -> Int {
        var i = i
        while parent[i] != i {
            parent[i] = parent[parent[i]]
            i = parent[i]
        }
        return i
    }

    mutating func union(_ a: Int, _ b: Int) {
        let rootA = find(a)
        let rootB = find(b)
        if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
    }
}
