import Testing

@testable import PlauditStats

@Suite("Descriptive, Ranks, TukeyFences")
struct DescriptiveTests {
    @Test("mean, variance, standard deviation and linear quantiles match numpy")
    func descriptive() {
        for oracle in Oracle.cases("descriptive") {
            let x = oracle["x"].doubles
            let name = oracle.name
            expectClose(Descriptive.mean(x), oracle["mean"].double, relative: 1e-12, name + " mean")
            expectClose(Descriptive.variance(x, ddof: 0), oracle["var0"].double, relative: 1e-12, name + " var0")
            expectClose(Descriptive.variance(x), oracle["var1"].double, relative: 1e-12, name + " var1")
            expectClose(Descriptive.standardDeviation(x), oracle["std1"].double, relative: 1e-12, name + " std")
            for pair in oracle["quantiles"].array {
                let q = pair[0].double
                expectClose(Descriptive.quantile(x, q), pair[1].double, relative: 1e-12, "\(name) q\(q)")
            }
        }
    }

    @Test("means use numpy's summation order (bit-identical)")
    func bitIdenticalMean() {
        for oracle in Oracle.cases("descriptive") where oracle["x"].array.count > 1 {
            #expect(Descriptive.mean(oracle["x"].doubles) == oracle["mean"].double, "\(oracle.name)")
        }
    }

    @Test("degenerate inputs give NaN, not a trap")
    func degenerate() {
        #expect(Descriptive.quantile([], 0.5).isNaN)
        #expect(Descriptive.quantile([1, .nan], 0.5).isNaN)
        #expect(Descriptive.quantile([1, 2], 1.5).isNaN)
        #expect(Descriptive.variance([1, 2], ddof: 2).isNaN)
        #expect(Descriptive.variance([], ddof: 0).isNaN)
        #expect(Descriptive.mean([]).isNaN)
    }

    @Test("average ranks match scipy.stats.rankdata")
    func ranks() {
        for oracle in Oracle.cases("ranks") + Oracle.cases("descriptive") {
            let expected = oracle["ranks"].doubles
            let actual = Ranks.average(oracle["x"].doubles)
            #expect(actual == expected, "\(oracle["x"].doubles)")
        }
    }

    @Test("Tukey quartiles and inclusive fences match numpy")
    func tukey() {
        for oracle in Oracle.cases("tukey") {
            let fences = TukeyFences(oracle["x"].doubles)
            let name = oracle.name
            expectClose(fences.q1, oracle["q1"].double, relative: 1e-12, name + " q1")
            expectClose(fences.q3, oracle["q3"].double, relative: 1e-12, name + " q3")
            for row in oracle["fences"].array {
                let k = row[0].double
                expectClose(fences.lowerFence(k: k), row[1].double, relative: 1e-12, "\(name) lower k=\(k)")
                expectClose(fences.upperFence(k: k), row[2].double, relative: 1e-12, "\(name) upper k=\(k)")
                #expect(fences.contains(fences.lowerFence(k: k), k: k))
                #expect(fences.contains(fences.upperFence(k: k), k: k))
                #expect(!fences.contains(fences.upperFence(k: k).nextUp, k: k))
            }
        }
        let empty = TukeyFences([])
        #expect(empty.q1.isNaN && !empty.contains(0, k: 1.5))
    }

    @Test("percentile intervals drop NaN and use numpy-linear quantiles")
    func percentileInterval() {
        for oracle in Oracle.cases("percentile_interval") {
            let interval = ClusterBootstrap.percentileInterval(
                oracle["values"].doubles, confidence: oracle["confidence"].double
            )
            expectClose(interval.lower, oracle["lower"].double, relative: 1e-12, oracle.name + " lower")
            expectClose(interval.upper, oracle["upper"].double, relative: 1e-12, oracle.name + " upper")
        }
        let none = ClusterBootstrap.percentileInterval([.nan, .infinity], confidence: 0.95)
        #expect(none.lower.isNaN && none.upper.isNaN)
    }
}
