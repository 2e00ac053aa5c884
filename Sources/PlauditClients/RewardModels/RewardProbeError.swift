/// A startup probe found scores that cannot be raw reward-model logits (all identical, or all
/// probabilities). Carries the report so the values are shown either way.
public struct RewardProbeError: Error, CustomStringConvertible, Sendable {
    /// What is wrong and how to fix the server.
    public var message: String
    public var report: RewardProbeReport

    public init(message: String, report: RewardProbeReport) {
        self.message = message
        self.report = report
    }

    public var description: String {
        "\(message)\n\(report.description)"
    }
}
