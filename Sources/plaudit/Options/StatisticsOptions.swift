import ArgumentParser
import PlauditCore
import PlauditRuntime

/// The bootstrap settings every job with intervals takes, declared once. Seeds are each
/// command's own (their defaults differ, and results record them).
struct ResamplingOptions: ParsableArguments {
    @Option(help: "Bootstrap resamples.")
    var resamples = 2_000

    @Option(help: "Confidence level of intervals.")
    var confidence = 0.95

    func validate() throws {
        do {
            try StatisticsSettings.check(resamples: resamples, permutations: nil, confidence: confidence)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// The bootstrap settings and the permutation count of jobs with sign-flip p-values.
struct StatisticsOptions: ParsableArguments {
    @OptionGroup var resampling: ResamplingOptions

    @Option(help: "Sign-flip permutations for p-values.")
    var permutations = 9_999

    var resamples: Int { resampling.resamples }
    var confidence: Double { resampling.confidence }

    func validate() throws {
        do {
            try StatisticsSettings.check(resamples: nil, permutations: permutations, confidence: confidence)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
