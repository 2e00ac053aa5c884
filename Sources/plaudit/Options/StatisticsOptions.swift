import ArgumentParser
import PlauditCore
import PlauditRuntime

/// The resampling settings every job with intervals and p-values takes, declared once. Seeds
/// are each command's own (their defaults differ, and results record them).
struct StatisticsOptions: ParsableArguments {
    @Option(help: "Bootstrap resamples.")
    var resamples = 2_000

    @Option(help: "Sign-flip permutations for p-values.")
    var permutations = 9_999

    @Option(help: "Confidence level of intervals.")
    var confidence = 0.95

    func validate() throws {
        do {
            try StatisticsSettings.check(resamples: resamples, permutations: permutations, confidence: confidence)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
