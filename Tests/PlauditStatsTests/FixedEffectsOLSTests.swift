import Testing

@testable import PlauditStats

@Suite("FixedEffectsOLS")
struct FixedEffectsOLSTests {
    @Test("within-group slopes equal numpy least squares on the dummy-variable design")
    func oracleCases() throws {
        for oracle in Oracle.cases("fixed_effects_ols") {
            let fit = try FixedEffectsOLS.fit(
                y: oracle["y"].doubles, x: oracle["x"].matrix, groups: oracle["groups"].ints
            )
            let expected = oracle["coefficients"].doubles
            #expect(fit.coefficients.count == expected.count)
            for (j, (a, e)) in zip(fit.coefficients, expected).enumerated() {
                expectClose(a, e, relative: 1e-9, absolute: 1e-12, "\(oracle.name) beta[\(j)]")
            }
            expectClose(
                fit.residualSumOfSquares, oracle["rss"].double, relative: 1e-9, absolute: 1e-20,
                "\(oracle.name) rss")
        }
    }

    @Test("a covariate constant within groups is reported as singular")
    func singular() {
        let groups = [0, 0, 0, 1, 1, 1]
        let x: [[Double]] = [[1, 0.3], [1, 0.1], [1, 0.7], [4, 0.2], [4, 0.9], [4, 0.4]]
        let y: [Double] = [1, 2, 3, 4, 5, 6]
        #expect(throws: FixedEffectsOLSError.singularDesign(covariate: 0)) {
            try FixedEffectsOLS.fit(y: y, x: x, groups: groups)
        }
        let collinear: [[Double]] = x.map { [$0[1], 2 * $0[1]] }
        #expect(throws: FixedEffectsOLSError.singularDesign(covariate: 1)) {
            try FixedEffectsOLS.fit(y: y, x: collinear, groups: groups)
        }
    }

    @Test("too few observations and mismatched shapes throw")
    func shapeErrors() {
        #expect(throws: FixedEffectsOLSError.tooFewObservations(observations: 3, groups: 2, covariates: 2)) {
            try FixedEffectsOLS.fit(y: [1, 2, 3], x: [[1, 2], [2, 1], [3, 3]], groups: [0, 0, 1])
        }
        #expect(throws: FixedEffectsOLSError.tooFewObservations(observations: 0, groups: 0, covariates: 0)) {
            try FixedEffectsOLS.fit(y: [], x: [], groups: [])
        }
        #expect(throws: FixedEffectsOLSError.mismatchedDimensions) {
            try FixedEffectsOLS.fit(y: [1, 2], x: [[1]], groups: [0, 0])
        }
        #expect(throws: FixedEffectsOLSError.mismatchedDimensions) {
            try FixedEffectsOLS.fit(y: [1, 2], x: [[1], [1, 2]], groups: [0, 0])
        }
    }
}
