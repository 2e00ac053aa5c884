/// What a run of this size could have detected: the power side of an unflagged gap. A scorer
/// whose interval includes 0 is only "ok" when the run could have seen a gap that matters; with
/// too few prompts it is inconclusive, and this says how many prompts would settle it.
public struct GapPower: Codable, Hashable, Sendable {
    /// The cluster-bootstrap standard deviation of G.
    public var standardError: Double
    /// The smallest |G| this run detects with probability `power` at its confidence level.
    public var minimumDetectableGap: Double
    public var power: Double
    /// The |G| worth detecting (0.3 within-prompt SD by default).
    public var target: Double
    /// Prompts that would give a minimum detectable |G| of `target` at the observed spread.
    public var promptsForTarget: Int?

    public init(standardError: Double, minimumDetectableGap: Double, power: Double, target: Double, promptsForTarget: Int?) {
        self.standardError = standardError
        self.minimumDetectableGap = minimumDetectableGap
        self.power = power
        self.target = target
        self.promptsForTarget = promptsForTarget
    }

    /// Whether a gap of `target` may have gone unseen.
    public var underpowered: Bool { minimumDetectableGap > target }

    enum CodingKeys: String, CodingKey {
        case power, target
        case standardError = "standard_error"
        case minimumDetectableGap = "minimum_detectable_gap"
        case promptsForTarget = "prompts_for_target"
    }
}
