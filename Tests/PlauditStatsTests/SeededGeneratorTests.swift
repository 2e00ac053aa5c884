import Testing

@testable import PlauditStats

@Suite("SeededGenerator")
struct SeededGeneratorTests {
    @Test("splitmix64 matches the published test vector for seed 1234567")
    func splitMixVector() {
        var mixer = SplitMix64(state: 1_234_567)
        let expected = Oracle.root["generator"]["splitmix64_1234567"].array.map { UInt64($0.string)! }
        #expect((0..<expected.count).map { _ in mixer.next() } == expected)
    }

    @Test("xoshiro256** streams and bounded draws match the reference port")
    func xoshiroStreams() {
        for oracle in Oracle.root["generator"]["xoshiro"].array {
            let seed = UInt64(oracle["seed"].string)!
            var generator = SeededGenerator(seed: seed)
            let raw = oracle["next"].array.map { UInt64($0.string)! }
            #expect((0..<raw.count).map { _ in generator.next() } == raw, "seed \(seed)")
            var bounded = SeededGenerator(seed: seed)
            let draws = oracle["bounds"].ints.map { bounded.nextInt(upperBound: $0) }
            #expect(draws == oracle["next_int"].ints, "seed \(seed)")
        }
    }

    @Test("unit doubles lie in [0, 1) and different seeds give different streams")
    func unitDoubles() {
        var a = SeededGenerator(seed: 7)
        var b = SeededGenerator(seed: 8)
        let xs = (0..<1000).map { _ in a.nextUnitDouble() }
        #expect(xs.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(xs.reduce(0, +) / 1000 - 0.5) < 0.05)
        var c = SeededGenerator(seed: 7)
        #expect((0..<4).map { _ in b.next() } != (0..<4).map { _ in c.next() })
    }
}
