import Testing

@testable import PlauditStats

@Suite("BenjaminiHochberg")
struct BenjaminiHochbergTests {
    @Test("adjusted p-values match scipy.stats.false_discovery_control(method='bh')")
    func oracleCases() {
        for oracle in Oracle.cases("benjamini_hochberg") {
            let actual = BenjaminiHochberg.adjust(oracle["p"].doubles)
            let expected = oracle["adjusted"].doubles
            #expect(actual.count == expected.count)
            for (a, e) in zip(actual, expected) {
                expectClose(a, e, relative: 1e-12, "BH \(oracle["p"].doubles.prefix(4))")
            }
        }
    }

    @Test("invalid entries stay NaN and leave the family")
    func invalidEntries() {
        let adjusted = BenjaminiHochberg.adjust([0.01, .nan, 0.04, 1.5])
        let subset = BenjaminiHochberg.adjust([0.01, 0.04])
        #expect(adjusted[1].isNaN && adjusted[3].isNaN)
        #expect(adjusted[0] == subset[0] && adjusted[2] == subset[1])
    }
}
