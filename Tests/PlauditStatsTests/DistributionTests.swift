import Foundation
import Testing

@testable import PlauditStats

extension Oracle {
    /// Oracles/distribution_oracles.json (written by Oracles/make_distribution_oracles.py).
    static let distributions: Oracle = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Oracles/distribution_oracles.json")
        do {
            return try JSONDecoder().decode(Oracle.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}

@Suite("Wasserstein-1 distance and histogram counts")
struct DistributionTests {
    @Test("Wasserstein-1 matches scipy.stats.wasserstein_distance")
    func wassersteinOracle() {
        let cases = Oracle.distributions["wasserstein"].array
        #expect(cases.count == 8)
        for oracle in cases {
            let u = oracle["u"].doubles
            let v = oracle["v"].doubles
            let expected = oracle["distance"].double
            expectClose(Wasserstein.distance(u, v), expected, relative: 1e-12, absolute: 1e-15, oracle.name)
            // Symmetric, and blind to the order of the samples.
            expectClose(Wasserstein.distance(v.reversed(), u), expected, relative: 1e-12, absolute: 1e-15, oracle.name + " swapped")
        }
    }

    @Test("Wasserstein-1 by hand: a point mass moved by d costs d; empty or NaN samples give NaN")
    func wassersteinByHand() {
        #expect(Wasserstein.distance([2], [5]) == 3)
        // Half the mass moves 1: W1 = 0.5.
        #expect(Wasserstein.distance([0, 1], [1, 1]) == 0.5)
        #expect(Wasserstein.distance([], [1]).isNaN)
        #expect(Wasserstein.distance([1, .nan], [1]).isNaN)
    }

    @Test("histogram counts match numpy.histogram, including values on edges and outside the range")
    func histogramOracle() {
        let cases = Oracle.distributions["histogram"].array
        #expect(cases.count == 5)
        for oracle in cases {
            let counts = Histogram.counts(oracle["values"].doubles, edges: oracle["edges"].doubles)
            #expect(counts == oracle["counts"].ints, "\(oracle.name)")
        }
    }

    @Test("histogram: the last edge belongs to the last bin, NaN is not counted")
    func histogramEdges() {
        #expect(Histogram.counts([0, 1, 2, 2, .nan, 3], edges: [0, 1, 2]) == [1, 3])
    }
}
