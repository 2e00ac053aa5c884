import Foundation
import Testing

@testable import PlauditStats

@Suite("SignFlipPermutationTest")
struct SignFlipPermutationTestTests {
    @Test("full enumeration equals scipy.stats.permutation_test exactly")
    func exactMatchesScipy() {
        for oracle in Oracle.root["sign_flip"]["exact"].array {
            let alternative = Alternative(rawValue: oracle["alternative"].string)!
            let test = SignFlipPermutationTest(resamples: oracle["resamples"].int, seed: 1)
            let d = oracle["d"].doubles
            #expect(test.isExact(sampleSize: d.count))
            let result = test.test(d, alternative: alternative)
            let label = "\(oracle.name) \(alternative.rawValue)"
            #expect(result.statistic == oracle["statistic"].double, "\(label) statistic")
            let expected = oracle["pvalue"].double
            #expect(result.pValue == expected, "\(label): \(result.pValue) vs \(expected)")
        }
    }

    @Test("enumeration with resamples = 2^n equals scipy's exact test for n = 16...18")
    func largerExact() {
        for oracle in Oracle.root["sign_flip"]["monte_carlo"].array {
            let alternative = Alternative(rawValue: oracle["alternative"].string)!
            let d = oracle["d"].doubles
            let result = SignFlipPermutationTest(resamples: 1 << d.count, seed: 1).test(d, alternative: alternative)
            #expect(result.pValue == oracle["exact_pvalue"].double, "\(oracle.name) \(alternative.rawValue)")
        }
    }

    /// Monte Carlo with R = 9,999 draws estimates each one-sided tail q by (count + 1)/(R + 1), whose standard
    /// error is sqrt(q(1 − q)/R) ≤ 0.005; a two-sided p doubles the smaller tail. Allowing 5 standard errors
    /// plus 3/R for the +1 adjustment, a correct sampler fails for a given seed with probability below 1e-6;
    /// the seeds are fixed, so the test is deterministic.
    @Test("Monte Carlo p-values are within 5 standard errors of the exact p")
    func monteCarlo() {
        let resamples = 9_999
        for oracle in Oracle.root["sign_flip"]["monte_carlo"].array {
            let alternative = Alternative(rawValue: oracle["alternative"].string)!
            let d = oracle["d"].doubles
            let test = SignFlipPermutationTest(resamples: resamples, seed: 2_024)
            #expect(!test.isExact(sampleSize: d.count))
            let result = test.test(d, alternative: alternative)
            let exact = oracle["exact_pvalue"].double
            let r = Double(resamples)
            let tolerance: Double
            if alternative == .twoSided {
                let tail = min(exact / 2, 0.5)
                tolerance = 2 * 5 * (tail * (1 - tail) / r).squareRoot() + 3 / r
            } else {
                tolerance = 5 * (exact * (1 - exact) / r).squareRoot() + 3 / r
            }
            #expect(
                abs(result.pValue - exact) <= tolerance,
                "\(oracle.name) \(alternative.rawValue): \(result.pValue) vs exact \(exact)")
            #expect(result.statistic == oracle["statistic"].double)
        }
    }

    @Test("Monte Carlo is deterministic per seed and differs across seeds")
    func determinism() {
        let d = (0..<30).map { sin(Double($0)) + 0.1 }
        let a = SignFlipPermutationTest(resamples: 2_000, seed: 5).test(d)
        let b = SignFlipPermutationTest(resamples: 2_000, seed: 5).test(d)
        let c = SignFlipPermutationTest(resamples: 2_000, seed: 6).test(d)
        #expect(a == b)
        #expect(a.pValue != c.pValue)
        #expect(a.pValue > 0 && a.pValue <= 1)
    }

    @Test("empty or NaN input gives NaN")
    func degenerate() {
        let test = SignFlipPermutationTest(seed: 0)
        #expect(test.test([]).pValue.isNaN)
        #expect(test.test([1, .nan]).pValue.isNaN)
    }
}
