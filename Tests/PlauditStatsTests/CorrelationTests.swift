import Testing

@testable import PlauditStats

@Suite("Correlation")
struct CorrelationTests {
    /// Relative tolerance for coefficients and p-values against scipy (absolute floor 1e-15 for values at 0).
    static let tolerance = 1e-9

    private func check(_ result: CorrelationResult, _ expected: Oracle, _ label: String) {
        expectClose(
            result.coefficient, expected[0].double, relative: Self.tolerance, absolute: 1e-15,
            label + " coefficient")
        expectClose(result.pValue, expected[1].double, relative: Self.tolerance, absolute: 1e-15, label + " p")
    }

    @Test("Pearson r and p match scipy.stats.pearsonr")
    func pearson() {
        for oracle in Oracle.cases("correlation") {
            check(
                Correlation.pearson(oracle["x"].doubles, oracle["y"].doubles), oracle["pearson"],
                oracle.name + " pearson")
        }
    }

    @Test("Spearman rho and p match scipy.stats.spearmanr")
    func spearman() {
        for oracle in Oracle.cases("correlation") {
            check(
                Correlation.spearman(oracle["x"].doubles, oracle["y"].doubles), oracle["spearman"],
                oracle.name + " spearman")
        }
    }

    @Test("Kendall tau-b and p match scipy.stats.kendalltau (exact and asymptotic branches)")
    func kendall() {
        for oracle in Oracle.cases("correlation") {
            check(
                Correlation.kendallTauB(oracle["x"].doubles, oracle["y"].doubles), oracle["kendall"],
                oracle.name + " kendall")
        }
    }

    @Test("values quoted in the brief")
    func briefValues() {
        let x: [Double] = Array(1...10).map(Double.init)
        let y: [Double] = [2, 1, 4, 3, 7, 8, 6, 9, 10, 5]
        let yt: [Double] = [1, 1, 2, 2, 3, 3, 3, 4, 5, 5]
        let s = Correlation.spearman(x, y)
        expectClose(s.coefficient, 0.7575757575757575, relative: 1e-12, "spearman")
        expectClose(s.pValue, 0.011143446799694208, relative: 1e-9, "spearman p")
        let k = Correlation.kendallTauB(x, y)
        expectClose(k.coefficient, 0.6, relative: 1e-12, "kendall")
        expectClose(k.pValue, 0.016666115520282188, relative: 1e-9, "kendall p")
        let kt = Correlation.kendallTauB(x, yt)
        expectClose(kt.coefficient, 0.9309493362512626, relative: 1e-12, "kendall ties")
        expectClose(kt.pValue, 0.0003368448102243401, relative: 1e-9, "kendall ties p")
        let st = Correlation.spearman(x, yt)
        expectClose(st.coefficient, 0.9785579990862868, relative: 1e-12, "spearman ties")
        expectClose(st.pValue, 9.011987805011939e-07, relative: 1e-9, "spearman ties p")
        #expect(k.n == 10)
    }

    @Test("degenerate inputs give NaN without trapping")
    func degenerate() {
        for result in [
            Correlation.pearson([1, 2, 3], [1, 2]),
            Correlation.spearman([], []),
            Correlation.kendallTauB([1], [1]),
            Correlation.pearson([1, .nan, 3], [1, 2, 3]),
            Correlation.spearman([1, .nan, 3], [1, 2, 3]),
            Correlation.kendallTauB([1, .nan, 3], [1, 2, 3]),
            Correlation.kendallTauB([5, 5, 5], [1, 2, 3]),
        ] {
            #expect(result.coefficient.isNaN && result.pValue.isNaN)
        }
    }
}
