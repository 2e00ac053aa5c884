import Testing

@testable import PlauditStats

@Suite("WilsonInterval")
struct WilsonIntervalTests {
    @Test("bounds match scipy binomtest(k, n).proportion_ci(method='wilson')")
    func oracleCases() {
        for oracle in Oracle.cases("wilson") {
            let k = oracle["k"].int
            let n = oracle["n"].int
            let confidence = oracle["confidence"].double
            let interval = WilsonInterval.interval(successes: k, trials: n, confidence: confidence)
            let label = "k=\(k) n=\(n) conf=\(confidence)"
            expectClose(interval.lower, oracle["lower"].double, relative: 1e-12, absolute: 1e-15, label + " lower")
            expectClose(interval.upper, oracle["upper"].double, relative: 1e-12, absolute: 1e-15, label + " upper")
        }
    }

    @Test("invalid counts give NaN bounds")
    func invalid() {
        for (k, n) in [(0, 0), (3, 2), (-1, 5)] {
            let interval = WilsonInterval.interval(successes: k, trials: n)
            #expect(interval.lower.isNaN && interval.upper.isNaN)
        }
    }

    @Test("the normal quantile is accurate across the range")
    func normalQuantile() {
        for p in [1e-300, 1e-20, 1e-8, 0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999] {
            let x = SpecialFunctions.normalQuantile(p)
            expectClose(SpecialFunctions.normalCDF(x), p, relative: 1e-14, "Phi(Phi^-1(\(p)))")
        }
        expectClose(SpecialFunctions.normalQuantile(0.975), 1.959963984540054, relative: 1e-15, "z 0.975")
        #expect(SpecialFunctions.normalQuantile(Double.leastNonzeroMagnitude).isFinite)
        #expect(SpecialFunctions.normalQuantile(0) == -.infinity && SpecialFunctions.normalQuantile(2).isNaN)
    }
}
