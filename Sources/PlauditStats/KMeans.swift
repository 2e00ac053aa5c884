import Foundation

/// A k-means partition: labels, centroids and the within-cluster sum of squares.
public struct KMeansResult: Sendable, Equatable {
    /// Cluster of each point, 0..<k, numbered in order of first appearance.
    public let labels: [Int]
    /// Centroid of each cluster (the mean of its points), indexed by label.
    public let centroids: [[Double]]
    /// Sum of squared Euclidean distances of the points to their centroids (sklearn's `inertia_`).
    public let inertia: Double

    /// Bundles a partition with its centroids and inertia.
    public init(labels: [Int], centroids: [[Double]], inertia: Double) {
        self.labels = labels
        self.centroids = centroids
        self.inertia = inertia
    }
}

/// Seeded k-means: greedy k-means++ seeding, Lloyd iterations polished by Hartigan single-point moves, best of
/// several restarts by inertia.
///
/// Used to group response embeddings or score profiles into a fixed number of clusters reproducibly. It follows
/// sklearn's `KMeans(init="k-means++", n_init=restarts, algorithm="lloyd")` in method, not in random stream:
/// partitions agree with sklearn on well-separated data. Each run is iterated to a fixed point (no tolerance
/// cut-off) and then refined by Hartigan moves, which can only lower the inertia, so on overlapping data the
/// result is typically as good as or better than sklearn's.
public struct KMeans: Sendable {
    /// Requested number of clusters.
    public let k: Int
    /// Number of independent seedings; the lowest-inertia run is kept (the first among equals).
    public let restarts: Int
    /// Upper bound on Lloyd iterations per run; a run stops earlier when no label changes.
    public let maxIterations: Int
    /// Seed of the stream shared by all restarts.
    public let seed: UInt64

    /// Configures the clustering; `k`, `restarts` and `maxIterations` must be positive.
    public init(k: Int, restarts: Int = 10, maxIterations: Int = 300, seed: UInt64) {
        precondition(k > 0 && restarts > 0 && maxIterations > 0, "k, restarts and maxIterations must be positive")
        self.k = k
        self.restarts = restarts
        self.maxIterations = maxIterations
        self.seed = seed
    }

    /// Clusters `points` (rows of equal width). With fewer points than `k`, k is reduced to the number of points;
    /// an empty input gives an empty result with zero inertia. Distance ties go to the lower-numbered centroid.
    public func fit(_ points: [[Double]]) -> KMeansResult {
        let n = points.count
        guard n > 0 else { return KMeansResult(labels: [], centroids: [], inertia: 0) }
        let width = points[0].count
        precondition(points.allSatisfy { $0.count == width }, "points must have equal width")
        let clusters = min(k, n)
        var generator = SeededGenerator(seed: seed)
        var best: KMeansResult?
        for _ in 0..<restarts {
            let centres = seedCentres(points, clusters: clusters, generator: &generator)
            let run = lloyd(points, centres: centres)
            if best == nil || run.inertia < best!.inertia {
                best = run
            }
        }
        return canonical(best!)
    }

    /// Greedy k-means++: each new centre is the best (lowest resulting potential) of 2 + ⌊ln k⌋ candidates
    /// drawn with probability proportional to squared distance to the nearest chosen centre.
    private func seedCentres(
        _ points: [[Double]], clusters: Int, generator: inout SeededGenerator
    ) -> [[Double]] {
        let n = points.count
        let trials = 2 + Int(log(Double(clusters)))
        var centres = [points[generator.nextInt(upperBound: n)]]
        var closest = points.map { squaredDistance($0, centres[0]) }
        var potential = closest.reduce(0, +)
        while centres.count < clusters {
            var bestCandidate = -1
            var bestPotential = Double.infinity
            var bestClosest = closest
            for _ in 0..<trials {
                let candidate = sampleProportional(closest, total: potential, generator: &generator)
                var updated = closest
                var sum = 0.0
                for i in 0..<n {
                    updated[i] = min(updated[i], squaredDistance(points[i], points[candidate]))
                    sum += updated[i]
                }
                if sum < bestPotential {
                    bestPotential = sum
                    bestCandidate = candidate
                    bestClosest = updated
                }
            }
            centres.append(points[bestCandidate])
            closest = bestClosest
            potential = bestPotential
        }
        return centres
    }

    /// An index drawn with probability weights[i] / total (uniform when every weight is zero).
    private func sampleProportional(_ weights: [Double], total: Double, generator: inout SeededGenerator) -> Int {
        guard total > 0 else { return generator.nextInt(upperBound: weights.count) }
        let target = generator.nextUnitDouble() * total
        var cumulative = 0.0
        for (i, weight) in weights.enumerated() {
            cumulative += weight
            if target < cumulative { return i }
        }
        return weights.lastIndex { $0 > 0 } ?? (weights.count - 1)
    }

    private func lloyd(_ points: [[Double]], centres initial: [[Double]]) -> KMeansResult {
        var centres = initial
        let clusters = centres.count
        let width = points[0].count
        var labels = [Int](repeating: -1, count: points.count)
        for _ in 0..<maxIterations {
            var changed = false
            for (i, point) in points.enumerated() {
                let label = nearest(point, centres)
                if label != labels[i] {
                    labels[i] = label
                    changed = true
                }
            }
            if !changed { break }
            centres = means(points, labels: &labels, clusters: clusters, width: width, previous: centres)
        }
        if hartigan(points, labels: &labels, centres: &centres) {
            centres = means(points, labels: &labels, clusters: clusters, width: width, previous: centres)
        }
        var inertia = 0.0
        for (i, point) in points.enumerated() {
            inertia += squaredDistance(point, centres[labels[i]])
        }
        return KMeansResult(labels: labels, centroids: centres, inertia: inertia)
    }

    /// Hartigan's single-point refinement of a Lloyd fixed point: moves a point to another cluster whenever that
    /// lowers the total within-cluster sum of squares once both centroids are updated. Lloyd's rule ignores the
    /// centroid shift a move causes, so its fixed points can still be improved this way; every move strictly
    /// lowers the inertia. Returns whether any point moved.
    private func hartigan(_ points: [[Double]], labels: inout [Int], centres: inout [[Double]]) -> Bool {
        var counts = [Int](repeating: 0, count: centres.count)
        for label in labels { counts[label] += 1 }
        var movedAny = false
        for _ in 0..<maxIterations {
            var moved = false
            for (i, point) in points.enumerated() {
                let from = labels[i]
                let nFrom = Double(counts[from])
                guard counts[from] > 1 else { continue }
                let removalGain = nFrom / (nFrom - 1) * squaredDistance(point, centres[from])
                var target = -1
                var bestCost = removalGain * (1 - 1e-12)
                for c in centres.indices where c != from {
                    let nTo = Double(counts[c])
                    let cost = nTo / (nTo + 1) * squaredDistance(point, centres[c])
                    if cost < bestCost {
                        bestCost = cost
                        target = c
                    }
                }
                guard target >= 0 else { continue }
                let nTo = Double(counts[target])
                for d in point.indices {
                    centres[from][d] = (nFrom * centres[from][d] - point[d]) / (nFrom - 1)
                    centres[target][d] = (nTo * centres[target][d] + point[d]) / (nTo + 1)
                }
                counts[from] -= 1
                counts[target] += 1
                labels[i] = target
                moved = true
                movedAny = true
            }
            if !moved { break }
        }
        return movedAny
    }

    /// Cluster means; an emptied cluster is re-seeded with the point farthest from its own centre.
    private func means(
        _ points: [[Double]], labels: inout [Int], clusters: Int, width: Int, previous: [[Double]]
    ) -> [[Double]] {
        var sums = [[Double]](repeating: [Double](repeating: 0, count: width), count: clusters)
        var counts = [Int](repeating: 0, count: clusters)
        for (i, point) in points.enumerated() {
            counts[labels[i]] += 1
            for d in 0..<width { sums[labels[i]][d] += point[d] }
        }
        for c in 0..<clusters where counts[c] == 0 {
            var farthest = -1
            var farthestDistance = -1.0
            for (i, point) in points.enumerated() where counts[labels[i]] > 1 {
                let distance = squaredDistance(point, previous[labels[i]])
                if distance > farthestDistance {
                    farthestDistance = distance
                    farthest = i
                }
            }
            guard farthest >= 0 else { continue }
            let old = labels[farthest]
            counts[old] -= 1
            for d in 0..<width { sums[old][d] -= points[farthest][d] }
            labels[farthest] = c
            counts[c] = 1
            sums[c] = points[farthest]
        }
        return (0..<clusters).map { c in
            counts[c] == 0 ? previous[c] : sums[c].map { $0 / Double(counts[c]) }
        }
    }

    private func nearest(_ point: [Double], _ centres: [[Double]]) -> Int {
        var best = 0
        var bestDistance = Double.infinity
        for (c, centre) in centres.enumerated() {
            let distance = squaredDistance(point, centre)
            if distance < bestDistance {
                bestDistance = distance
                best = c
            }
        }
        return best
    }

    /// Relabels clusters in order of first appearance so equal partitions print equally.
    private func canonical(_ result: KMeansResult) -> KMeansResult {
        var mapping: [Int: Int] = [:]
        var order: [Int] = []
        for label in result.labels where mapping[label] == nil {
            mapping[label] = order.count
            order.append(label)
        }
        for c in result.centroids.indices where mapping[c] == nil {
            mapping[c] = order.count
            order.append(c)
        }
        return KMeansResult(
            labels: result.labels.map { mapping[$0]! },
            centroids: order.map { result.centroids[$0] },
            inertia: result.inertia
        )
    }

    private func squaredDistance(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices {
            let difference = a[i] - b[i]
            sum += difference * difference
        }
        return sum
    }
}
