import Testing

@testable import PlauditStats

@Suite("McNemarTest")
struct McNemarTestTests {
    @Test("exact p-values match statsmodels mcnemar(exact=True) (and scipy binomtest)")
    func oracleCases() {
        let cases = Oracle.cases("mcnemar")
        #expect(cases.count == 25)
        for oracle in cases {
            let b = oracle["b"].int
            let c = oracle["c"].int
            let result = McNemarTest.exact(b: b, c: c)
            #expect(result.statistic == Int(oracle["statistic"].double), "b=\(b) c=\(c)")
            expectClose(result.pValue, oracle["p"].double, relative: 1e-11, absolute: 1e-300, "b=\(b) c=\(c)")
        }
    }

    @Test("symmetric in direction; negative counts give NaN")
    func properties() {
        #expect(McNemarTest.exact(b: 3, c: 12).pValue == McNemarTest.exact(b: 12, c: 3).pValue)
        #expect(McNemarTest.exact(b: -1, c: 3).pValue.isNaN)
        #expect(McNemarTest.exact(b: 0, c: 0).pValue == 1)
    }
}
