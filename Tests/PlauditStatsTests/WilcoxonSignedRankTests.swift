import Testing

@testable import PlauditStats

@Suite("WilcoxonSignedRank")
struct WilcoxonSignedRankTests {
    @Test("statistic and p match scipy.stats.wilcoxon in every branch and alternative")
    func oracleCases() {
        var branches: Set<String> = []
        for oracle in Oracle.cases("wilcoxon") {
            let alternative = Alternative(rawValue: oracle["alternative"].string)!
            let result = WilcoxonSignedRank.test(differences: oracle["d"].doubles, alternative: alternative)
            let label = "\(oracle.name) \(alternative.rawValue) [\(oracle["branch"].string)]"
            expectClose(result.statistic, oracle["statistic"].double, relative: 1e-12, label + " statistic")
            expectClose(result.pValue, oracle["pvalue"].double, relative: 1e-9, absolute: 1e-15, label + " p")
            branches.insert(oracle["branch"].string)
        }
        #expect(branches == ["exact", "permutation", "asymptotic", "empty"])
    }

    @Test("exact and permutation branches are exact rationals, equal to scipy bit for bit")
    func exactBranchesBitIdentical() {
        for oracle in Oracle.cases("wilcoxon") where ["exact", "permutation"].contains(oracle["branch"].string) {
            let alternative = Alternative(rawValue: oracle["alternative"].string)!
            let result = WilcoxonSignedRank.test(differences: oracle["d"].doubles, alternative: alternative)
            #expect(result.pValue == oracle["pvalue"].double, "\(oracle.name) \(alternative.rawValue)")
        }
    }

    @Test("the brief's paired example: W = 1, p = 0.00390625")
    func brief() {
        let a = [0.61, 0.72, 0.55, 0.80, 0.66, 0.59, 0.71, 0.77, 0.64, 0.70]
        let b = [0.58, 0.70, 0.57, 0.74, 0.60, 0.52, 0.69, 0.75, 0.61, 0.62]
        let result = WilcoxonSignedRank.test(differences: zip(a, b).map { $0 - $1 })
        #expect(result == TestResult(statistic: 1, pValue: 0.00390625))
    }
}
