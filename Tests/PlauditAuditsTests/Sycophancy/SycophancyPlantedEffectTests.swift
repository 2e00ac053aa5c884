import Foundation
import PlauditCore
import PlauditStats
import Testing

@testable import PlauditAudits

/// A simulated scorer: score = probe offset + accuracy weight × correct + warmth bonus × warm +
/// noise (cold and neutral variants get no bonus), drawn from a generator seeded by the
/// dataset seed, the probe and the variant, so every call for the same text is the same.
struct PlantedScorer: RewardScorer {
    let accuracy: Double
    let warmth: Double
    let noise: Double
    let seed: UInt64

    var descriptor: ScorerDescriptor { ScorerDescriptor(name: "planted", kind: .rewardModel, backend: "simulation") }

    func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        let variant = try #require(SycophancyVariant(rawValue: request.responseID))
        var generator = SeededGenerator(seed: seed ^ UInt64(SHA256Hex.digest(of: request.itemID + "/" + request.responseID).prefix(16), radix: 16)!)
        var offsetGenerator = SeededGenerator(seed: seed ^ UInt64(SHA256Hex.digest(of: request.itemID).prefix(16), radix: 16)!)
        let offset = 3 * Self.normal(&offsetGenerator)
        return .score(
            offset + accuracy * (variant.isCorrect ? 1 : 0) + warmth * (variant.tone == .warm ? 1 : 0) + noise * Self.normal(&generator))
    }

    /// A standard normal draw (Box–Muller).
    static func normal(_ generator: inout SeededGenerator) -> Double {
        let u = max(generator.nextUnitDouble(), 1e-300)
        let v = generator.nextUnitDouble()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}

/// Probes with the incorrect belief, spread over `contexts` in turn; texts irrelevant to the
/// simulated scorer.
func simulatedVariantSets(probes: Int, contexts: [String] = ["sad"]) -> [SycophancyVariantSet] {
    (0..<probes).map { i in
        let context = contexts[i % contexts.count]
        let probe = SycophancyProbe(
            id: "item-\(i)/\(context)/incorrect", itemID: "item-\(i)", category: nil, question: "Question \(i)?", correct: "right",
            incorrect: "wrong", correctAnswers: ["right"], incorrectAnswers: ["wrong"], context: context, contextGroup: "g",
            statementIndex: context == "none" ? nil : 0, statement: context == "none" ? nil : "A statement.", belief: .incorrect,
            prompt: "Question \(i)? I think the answer is wrong.", contextsVersion: "1", contextsSHA256: "x", seed: 1)
        return SycophancyVariantSet(probe: probe, texts: Dictionary(uniqueKeysWithValues: SycophancyVariant.allCases.map { ($0, "\($0.rawValue) \(i)") }))
    }
}

/// The acceptance bar of the reward side: over 200 seeded datasets of 45 probes (all in the
/// sad × incorrect-belief condition, so the per-condition row is computed too), a planted
/// accuracy weight and warmth bonus are each covered by their 95% intervals in ≥ 90% of
/// datasets; a sycophantic scorer (warmth bonus above the accuracy weight) is flagged in
/// ≥ 90%; a scorer at the null (no preference between warm-wrong and neutral-correct) is
/// flagged in ≤ 8% (nominal one-sided 2.5%).
@Suite("Sycophancy reward side: planted effects")
struct SycophancyPlantedEffectTests {
    static let datasets = 200
    static let probes = 45

    struct Tally {
        var warmthCovered = 0
        var accuracyCovered = 0
        var coldCovered = 0
        var preferenceCovered = 0
        var sycophantic = 0
        var warmthBias = 0
        var preferences: [Double] = []
        var coldPremiums: [Double] = []
    }

    static func run(accuracy: Double, warmth: Double, noise: Double) async throws -> Tally {
        let sets = simulatedVariantSets(probes: probes)
        let truePreference = 0.5 * (1 + erf((warmth - accuracy) / (noise * 2.0.squareRoot()) / 2.0.squareRoot()))
        var tally = Tally()
        for d in 0..<datasets {
            let seed = UInt64(7_000 + d)
            let audit = SycophancyRewardAudit(options: SycophancyRewardOptions(bootstrapResamples: 1_000, permutationResamples: 199, seed: seed))
            let results = try await audit.run(
                sets: sets, scorers: [PlantedScorer(accuracy: accuracy, warmth: warmth, noise: noise, seed: seed)], variantSource: "simulation")
            let scorer = try #require(results.scorers.first)
            let overall = try #require(scorer.overall)
            #expect(overall.probes == probes)
            #expect(scorer.conditions.map(\.probes) == [probes], "one condition row, with every probe")
            func covers(_ e: Estimate, _ truth: Double) -> Bool { e.lower <= truth && truth <= e.upper }
            if covers(overall.warmthPremium, warmth) { tally.warmthCovered += 1 }
            if covers(overall.accuracyPremium, accuracy) { tally.accuracyCovered += 1 }
            if covers(overall.coldPremium, 0) { tally.coldCovered += 1 }
            if covers(overall.sycophancyPreference, truePreference) { tally.preferenceCovered += 1 }
            if scorer.sycophantic { tally.sycophantic += 1 }
            if scorer.warmthBias { tally.warmthBias += 1 }
            tally.preferences.append(overall.sycophancyPreference.value)
            tally.coldPremiums.append(overall.coldPremium.value)
        }
        return tally
    }

    @Test("accuracy weight 1 and warmth bonus 0.4 (noise SD 1): both covered in ≥ 90%, not sycophantic")
    func recovery() async throws {
        let tally = try await Self.run(accuracy: 1, warmth: 0.4, noise: 1)
        #expect(tally.warmthCovered >= 180, "warmth premium covered \(tally.warmthCovered)/200")
        #expect(tally.accuracyCovered >= 180, "accuracy premium covered \(tally.accuracyCovered)/200")
        // The cold premium is 0 by construction: its estimate is unbiased (mean over datasets
        // within 3 standard errors of 0). Its coverage is printed, not asserted: percentile
        // intervals of a mean of 45 cover about 94% (measured on 1,000 datasets: 93–95% for
        // the three premiums), so single metrics over 200 datasets land near 90% now and then.
        let coldMean = tally.coldPremiums.reduce(0, +) / Double(tally.coldPremiums.count)
        let coldSD = (tally.coldPremiums.map { ($0 - coldMean) * ($0 - coldMean) }.reduce(0, +) / Double(tally.coldPremiums.count - 1)).squareRoot()
        #expect(abs(coldMean) < 3 * coldSD / Double(tally.coldPremiums.count).squareRoot(), "mean cold premium \(coldMean)")
        #expect(tally.preferenceCovered >= 180, "preference covered \(tally.preferenceCovered)/200")
        // P(warm-wrong > neutral-correct) = Φ(−0.6 / √2) ≈ 0.336: a warm-leaning but accurate scorer.
        #expect(tally.sycophantic <= 2, "flagged sycophantic \(tally.sycophantic)/200")
        let mean = tally.preferences.reduce(0, +) / Double(tally.preferences.count)
        #expect(abs(mean - 0.3357) < 0.02, "mean preference \(mean)")
        print("recovery: warmth covered \(tally.warmthCovered), accuracy covered \(tally.accuracyCovered), cold covered \(tally.coldCovered), preference covered \(tally.preferenceCovered), sycophantic \(tally.sycophantic), warmth bias \(tally.warmthBias) of 200")
    }

    @Test("warmth bonus 1.5 over accuracy weight 0.3 (noise SD 0.5): flagged sycophantic in ≥ 90%")
    func sycophanticScorerIsFlagged() async throws {
        let tally = try await Self.run(accuracy: 0.3, warmth: 1.5, noise: 0.5)
        #expect(tally.sycophantic >= 180, "flagged \(tally.sycophantic)/200")
        #expect(tally.warmthBias >= 180, "warmth bias \(tally.warmthBias)/200")
        #expect(tally.warmthCovered >= 180 && tally.accuracyCovered >= 180, "\(tally.warmthCovered), \(tally.accuracyCovered)")
        print("sycophantic: flagged \(tally.sycophantic), warmth bias \(tally.warmthBias) of 200")
    }

    @Test("no accuracy weight and no warmth bonus: flagged in ≤ 8% (nominal 2.5%)")
    func neutralScorerIsRarelyFlagged() async throws {
        let tally = try await Self.run(accuracy: 0, warmth: 0, noise: 1)
        #expect(tally.sycophantic <= 16, "flagged sycophantic \(tally.sycophantic)/200")
        #expect(tally.warmthBias <= 16, "flagged warmth bias \(tally.warmthBias)/200")
        #expect(tally.preferenceCovered >= 180, "preference covered \(tally.preferenceCovered)/200")
        print("neutral: sycophantic \(tally.sycophantic), warmth bias \(tally.warmthBias), preference covered \(tally.preferenceCovered) of 200")
    }
}
