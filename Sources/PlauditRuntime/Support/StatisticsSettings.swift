public import PlauditCore

/// The rules every job's resampling settings obey, stated once: the command line checks its
/// options with them, and a job checks the request it is given (options read from a file, a library
/// caller's values) with the same words.
public enum StatisticsSettings {
    /// - Parameters:
    ///   - resamples: `nil` for a job without a bootstrap.
    ///   - permutations: `nil` for a job without permutation tests.
    public static func check(resamples: Int?, permutations: Int?, confidence: Double) throws(ConfigurationError) {
        guard (0.5..<1).contains(confidence) else { throw ConfigurationError("--confidence must be in [0.5, 1)") }
        if let resamples, resamples < 100 { throw ConfigurationError("--resamples must be at least 100") }
        if let permutations, permutations < 99 { throw ConfigurationError("--permutations must be at least 99") }
    }
}
