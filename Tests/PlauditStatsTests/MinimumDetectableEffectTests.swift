import Testing

@testable import PlauditStats

@Suite("MinimumDetectableEffect")
struct MinimumDetectableEffectTests {
    // (z₁₋α/₂ + z_power) from scipy 1.x: norm.ppf(0.5 + 0.5 * confidence) + norm.ppf(power).
    @Test("the multiplier of the standard error equals scipy's normal quantiles", arguments: [
        (0.95, 0.8, 2.8015852181129683),
        (0.90, 0.8, 2.4864748605243863),
        (0.99, 0.9, 3.8573808690935008),
    ])
    func multiplier(confidence: Double, power: Double, scipy: Double) {
        #expect(abs(MinimumDetectableEffect.size(standardError: 1, confidence: confidence, power: power) - scipy) < 1e-12)
        #expect(abs(MinimumDetectableEffect.size(standardError: 0.1, confidence: confidence, power: power) - 0.1 * scipy) < 1e-12)
    }

    @Test("prompts needed scale with the square of the ratio, never below the run's own")
    func clustersNeeded() {
        #expect(MinimumDetectableEffect.clustersNeeded(clusters: 40, current: 0.6, target: 0.3) == 160)
        #expect(MinimumDetectableEffect.clustersNeeded(clusters: 10, current: 0.31, target: 0.3) == 11)
        #expect(MinimumDetectableEffect.clustersNeeded(clusters: 40, current: 0.2, target: 0.3) == 40)
        #expect(MinimumDetectableEffect.clustersNeeded(clusters: 40, current: 0.2, target: 0) == nil)
        #expect(MinimumDetectableEffect.clustersNeeded(clusters: 40, current: .infinity, target: 0.3) == nil)
    }
}
