import ArgumentParser

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
        guard (0.5..<1).contains(confidence) else { throw ValidationError("--confidence must be in [0.5, 1)") }
        guard resamples >= 100 else { throw ValidationError("--resamples must be at least 100") }
        guard permutations >= 99 else { throw ValidationError("--permutations must be at least 99") }
    }
}
