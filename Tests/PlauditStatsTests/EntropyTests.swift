import Testing

@testable import PlauditStats

@Suite("Entropy")
struct EntropyTests {
    @Test("Shannon entropy matches scipy.stats.entropy")
    func oracleCases() {
        for oracle in Oracle.cases("entropy") {
            let value = Entropy.shannon(counts: oracle["counts"].doubles, base: oracle["base"].double)
            expectClose(
                value, oracle["value"].double, relative: 1e-12, absolute: 1e-15,
                "entropy \(oracle["counts"].doubles.prefix(5)) base \(oracle["base"].double)")
        }
    }

    @Test("empty counts give 0 like scipy; a non-positive base gives NaN")
    func edges() {
        #expect(Entropy.shannon(counts: []) == 0)
        #expect(Entropy.shannon(counts: [1, 2], base: 0).isNaN)
        #expect(Entropy.shannon(counts: [1, -1, 2]) == -.infinity)
    }
}
