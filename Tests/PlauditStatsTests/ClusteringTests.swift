import Testing

@testable import PlauditStats

@Suite("Clustering: agglomerative, k-means, ARI, cosine")
struct ClusteringTests {
    @Test("average-linkage cuts give sklearn's partitions at every level (ARI = 1)")
    func agglomerative() {
        var cuts = 0
        for oracle in Oracle.cases("agglomerative") {
            let metric = oracle["metric"].string
            let distances =
                metric == "precomputed"
                ? oracle["distances"].matrix
                : Cosine.distanceMatrix(oracle["vectors"].matrix.map { $0.map(Float.init) })
            for cut in oracle["cuts"].array {
                let threshold = cut["threshold"].double
                let labels = AgglomerativeClustering(distanceThreshold: threshold).fit(distances: distances)
                let expected = cut["labels"].ints
                #expect(
                    AdjustedRandIndex.score(labels, expected) == 1,
                    "\(oracle.name) t=\(threshold): \(labels) vs \(expected)")
                #expect(Set(labels) == Set(0..<Set(expected).count))
                cuts += 1
            }
            if metric == "cosine" {
                let vectors = oracle["vectors"].matrix.map { $0.map(Float.init) }
                let threshold = oracle["cuts"].array[1]["threshold"].double
                #expect(
                    AgglomerativeClustering(distanceThreshold: threshold).fit(vectors: vectors)
                        == AgglomerativeClustering(distanceThreshold: threshold).fit(distances: distances))
            }
        }
        #expect(cuts > 40)
    }

    @Test("labels are numbered by first appearance; a merge exactly at the threshold is not made")
    func labelConventions() {
        let distances: [[Double]] = [[0, 1, 4], [1, 0, 4], [4, 4, 0]]
        #expect(AgglomerativeClustering(distanceThreshold: 1).fit(distances: distances) == [0, 1, 2])
        #expect(AgglomerativeClustering(distanceThreshold: 1.0.nextUp).fit(distances: distances) == [0, 0, 1])
        #expect(AgglomerativeClustering(distanceThreshold: 5).fit(distances: distances) == [0, 0, 0])
        #expect(AgglomerativeClustering(distanceThreshold: 1).fit(distances: []) == [])
        #expect(AgglomerativeClustering(distanceThreshold: 1).fit(distances: [[0]]) == [0])
        let unknown: [[Double]] = [[0, .nan, 0.5], [.nan, 0, .infinity], [0.5, .infinity, 0]]
        #expect(AgglomerativeClustering(distanceThreshold: 1).fit(distances: unknown) == [0, 1, 0])
        #expect(AgglomerativeClustering(distanceThreshold: 1e300).fit(distances: unknown) == [0, 1, 0])
    }

    @Test("the brief's point set: three clusters at a threshold between the 7th and 8th merges")
    func briefPoints() {
        let points: [[Double]] = [
            [0, 0], [0, 1], [1, 0], [1, 1], [8, 8], [8, 9], [9, 8], [9, 9], [4, 20], [5, 21],
        ]
        let distances = points.map { a in
            points.map { b in ((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])).squareRoot() }
        }
        let labels = AgglomerativeClustering(distanceThreshold: 5).fit(distances: distances)
        #expect(AdjustedRandIndex.score(labels, [2, 2, 2, 2, 1, 1, 1, 1, 0, 0]) == 1)
        let kmeans = KMeans(k: 3, seed: 0).fit(points)
        expectClose(kmeans.inertia, 5.0, relative: 1e-12, "k-means inertia")
    }

    @Test("k-means: sklearn's partition and inertia on separated data, no worse inertia on overlapping data")
    func kmeans() {
        for oracle in Oracle.cases("kmeans") {
            let points = oracle["points"].matrix
            let result = KMeans(k: oracle["k"].int, seed: 42).fit(points)
            let expectedInertia = oracle["inertia"].double
            if oracle["separated"].bool {
                #expect(AdjustedRandIndex.score(result.labels, oracle["labels"].ints) == 1, "\(oracle.name)")
                expectClose(result.inertia, expectedInertia, relative: 1e-9, "\(oracle.name) inertia")
            } else {
                #expect(
                    result.inertia <= expectedInertia * (1 + 1e-6),
                    "\(oracle.name): \(result.inertia) vs sklearn \(expectedInertia)")
            }
            // Internal consistency: centroids are the cluster means and the inertia is their sum of squares.
            var recomputed = 0.0
            for (point, label) in zip(points, result.labels) {
                recomputed += zip(point, result.centroids[label]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            }
            expectClose(result.inertia, recomputed, relative: 1e-12, "\(oracle.name) inertia consistency")
            #expect(result.labels.first == 0)
        }
    }

    @Test("k-means is deterministic per seed and handles degenerate inputs")
    func kmeansDegenerate() {
        let points: [[Double]] = [[0], [0], [1], [5]]
        #expect(KMeans(k: 2, seed: 3).fit(points) == KMeans(k: 2, seed: 3).fit(points))
        #expect(KMeans(k: 10, seed: 3).fit(points).inertia == 0)
        #expect(KMeans(k: 2, seed: 3).fit([]).labels.isEmpty)
        #expect(KMeans(k: 3, seed: 1).fit([[1, 1], [1, 1], [1, 1]]).inertia == 0)
    }

    @Test("adjusted Rand index matches sklearn.metrics.adjusted_rand_score")
    func adjustedRand() {
        for oracle in Oracle.cases("adjusted_rand") {
            let value = AdjustedRandIndex.score(oracle["a"].ints, oracle["b"].ints)
            expectClose(
                value, oracle["value"].double, relative: 1e-12, absolute: 1e-15,
                "ARI \(oracle["a"].ints.prefix(6))")
        }
    }

    @Test("cosine similarities match numpy; zero vectors give 0; distance matrix is symmetric with zero diagonal")
    func cosine() {
        let oracle = Oracle.root["cosine"]
        let vectors = oracle["vectors"].matrix.map { $0.map(Float.init) }
        for row in oracle["similarities"].array {
            let i = row[0].int
            let j = row[1].int
            expectClose(
                Cosine.similarity(vectors[i], vectors[j]), row[2].double, relative: 1e-12, absolute: 1e-15,
                "cos(\(i), \(j))")
        }
        let distances = Cosine.distanceMatrix(vectors)
        for i in vectors.indices {
            #expect(distances[i][i] == 0)
            for j in vectors.indices {
                #expect(distances[i][j] == distances[j][i])
                #expect(distances[i][j] >= 0 && distances[i][j] <= 2)
            }
        }
    }
}
