import Foundation
import PlauditCore
import PlauditRuntime
import PlauditStats
import Testing

@testable import PlauditAudits

@Suite("Positivity premium")
struct PositivityPremiumTests {
    static let scorer = ScorerDescriptor(name: "rm", kind: .rewardModel, backend: "test")

    /// The oracle's synthetic items, in its order.
    static func oracleItems() -> [[PremiumText]] {
        let rows = MonocultureOracle.premium["rows"] as! [[String: Any]]
        var order: [String] = []
        var items: [String: [PremiumText]] = [:]
        for row in rows {
            let item = row["item"] as! String
            if items[item] == nil { order.append(item) }
            items[item, default: []].append(
                PremiumText(score: row["score"] as? Double, compound: row["compound"] as! Double, words: row["words"] as! Int))
        }
        return order.map { items[$0]! }
    }

    @Test("slopes equal statsmodels OLS with item dummies; the pair rate equals the pandas oracle")
    func oracle() throws {
        let oracle = MonocultureOracle.premium
        let result = PositivityPremium(resamples: 500, seed: 3).estimate(scorer: Self.scorer, items: Self.oracleItems(), failed: 1)
        let raw = try #require(result.rawSlope)
        let z = try #require(result.zSlope)
        let rate = try #require(result.pairRate)
        #expect(abs(raw.value - (oracle["raw_slope"] as! Double)) < 1e-9, "raw \(raw.value)")
        #expect(abs(z.value - (oracle["z_slope"] as! Double)) < 1e-9, "z \(z.value)")
        #expect(abs(rate.value - (oracle["pair_rate"] as! Double)) < 1e-12, "rate \(rate.value)")
        #expect(result.pairs == oracle["pairs"] as? Int)
        #expect(result.pairItems == oracle["pair_items"] as? Int)
        #expect(result.items == 15)
        #expect(result.scored == 97)
        #expect(result.failed == 1)
        #expect(raw.lower < raw.value && raw.value < raw.upper)
        #expect(result.verdict == "pays for positivity", "planted slope 0.8 with noise 1: \(z)")
    }

    @Test("the raw slope also equals PlauditStats' FixedEffectsOLS on the rows")
    func fixedEffects() throws {
        var y: [Double] = []
        var x: [[Double]] = []
        var groups: [Int] = []
        for (g, item) in Self.oracleItems().enumerated() {
            for text in item where text.score != nil {
                y.append(text.score!)
                x.append([text.compound, log(1 + Double(text.words))])
                groups.append(g)
            }
        }
        let fit = try FixedEffectsOLS.fit(y: y, x: x, groups: groups)
        let result = PositivityPremium(resamples: 100, seed: 1).estimate(scorer: Self.scorer, items: Self.oracleItems(), failed: 0)
        #expect(abs(fit.coefficients[0] - result.rawSlope!.value) < 1e-9)
    }

    @Test("pairs: only a sentiment gap of at least the minimum and a length ratio of at most the maximum count; ties score ½")
    func pairRules() {
        let texts = [
            PremiumText(score: 2, compound: 0.9, words: 10),
            PremiumText(score: 1, compound: 0.1, words: 12),  // with the first: gap 0.8, ratio 1.2 → counts, positive wins
            PremiumText(score: 5, compound: -0.5, words: 20),  // ratio 2 with both: excluded
            PremiumText(score: 1, compound: 0.15, words: 11),  // with the second: gap 0.05 < 0.1 → excluded; with the first: win
            PremiumText(score: nil, compound: -1, words: 10),  // unscored: never paired
        ]
        let sample = PremiumSample(texts: texts, options: PremiumOptions())
        #expect(sample.pairs == 2)
        #expect(sample.pairRate == 1)
        #expect(sample.scored == 4)
        let tie = PremiumSample(
            texts: [PremiumText(score: 3, compound: 0.5, words: 9), PremiumText(score: 3, compound: -0.5, words: 9)],
            options: PremiumOptions())
        #expect(tie.pairRate == 0.5)
        let loose = PremiumSample(texts: texts, options: PremiumOptions(minimumSentimentGap: 0, maximumLengthRatio: 3))
        #expect(loose.pairs == 6)
    }

    @Test("no within-item variation in sentiment: not estimable, never a made-up slope")
    func notEstimable() {
        let flat = (0..<4).map { i in (0..<3).map { j in PremiumText(score: Double(i + j), compound: 0.5, words: 10 + j) } }
        let result = PositivityPremium(resamples: 100, seed: 1).estimate(scorer: Self.scorer, items: flat, failed: 0)
        #expect(result.zSlope == nil && result.rawSlope == nil && result.pairRate == nil)
        #expect(result.verdict == "not estimable")
        let single = PositivityPremium(resamples: 100, seed: 1).estimate(
            scorer: Self.scorer, items: [[PremiumText(score: 1, compound: 1, words: 5)]], failed: 0)
        #expect(single.items == 0 && single.verdict == "not estimable")
    }
}

/// The acceptance bar of the premium: over 200 seeded simulated data sets of 40 items × 8 texts
/// whose scorer adds β × compound to item effects and noise, the 95% interval of the raw slope
/// covers β in at least 90%, and with β = 0 the z-slope's interval excludes 0 in at most 9% (the
/// nominal 5% plus 2.5 Monte Carlo SDs: √(0.05 · 0.95 / 200) = 1.5%).
@Suite("Positivity premium: planted-effect simulation")
struct PremiumPlantedEffectTests {
    static let datasets = 200

    /// Items with compounds spread over [−1, 1], word counts 8–24 (independent of sentiment), an
    /// item effect, and score = item + β · compound + 0.02 · words + N(0, 1).
    static func dataset(beta: Double, seed: UInt64) -> [[PremiumText]] {
        var random = SeededGenerator(seed: seed)
        return (0..<40).map { _ in
            let effect = 2 * random.normal()
            return (0..<8).map { _ in
                let compound = 2 * random.nextUnitDouble() - 1
                let words = 8 + random.nextInt(upperBound: 17)
                return PremiumText(
                    score: effect + beta * compound + 0.02 * Double(words) + random.normal(), compound: compound, words: words)
            }
        }
    }

    /// Seconds of CPU: run on a Dispatch thread, so fake servers of tests running beside this one
    /// are not starved of Swift's cooperative threads.
    static func run(beta: Double) async -> (covered: Int, flagged: Int, pairAbove: Int, slopes: [Double]) {
        await DispatchWork.run { simulate(beta: beta) }
    }

    static func simulate(beta: Double) -> (covered: Int, flagged: Int, pairAbove: Int, slopes: [Double]) {
        var covered = 0
        var flagged = 0
        var pairAbove = 0
        var slopes: [Double] = []
        for d in 0..<datasets {
            let seed = UInt64(5_000 + d)
            let result = PositivityPremium(resamples: 1_000, seed: seed).estimate(
                scorer: PositivityPremiumTests.scorer, items: dataset(beta: beta, seed: seed), failed: 0)
            guard let raw = result.rawSlope, let z = result.zSlope else { continue }
            if raw.lower <= beta && beta <= raw.upper { covered += 1 }
            if z.lower > 0 || z.upper < 0 { flagged += 1 }
            if let rate = result.pairRate, rate.lower > 0.5 { pairAbove += 1 }
            slopes.append(raw.value)
        }
        return (covered, flagged, pairAbove, slopes)
    }

    @Test("β = 0.5: the raw-slope interval covers β in ≥ 90%, the premium is found in ≥ 90%, and the estimate is unbiased")
    func plantedPremiumIsRecovered() async {
        let (covered, flagged, pairAbove, slopes) = await Self.run(beta: 0.5)
        #expect(slopes.count == Self.datasets)
        #expect(covered >= 180, "covered \(covered)/200")
        #expect(flagged >= 180, "found \(flagged)/200")
        #expect(pairAbove >= 100, "pair rate above 0.5 in \(pairAbove)/200")
        let mean = slopes.reduce(0, +) / Double(slopes.count)
        let sd = (slopes.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(slopes.count - 1)).squareRoot()
        #expect(abs(mean - 0.5) < 3 * sd / Double(slopes.count).squareRoot(), "mean slope \(mean)")
    }

    @Test("β = 0: a premium is reported in ≤ 9% of data sets, and the interval covers 0 in ≥ 90%")
    func noPremiumIsRarelyReported() async {
        let (covered, flagged, _, _) = await Self.run(beta: 0)
        #expect(flagged <= 18, "flagged \(flagged)/200")
        #expect(covered >= 180, "covered \(covered)/200")
    }
}
