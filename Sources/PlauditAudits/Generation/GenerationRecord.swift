/// How a run generated its responses: the models, settings and failures, recorded in the results of
/// every job that generates (homogeneity, an audit from prompts).
public struct GenerationRecord: Codable, Hashable, Sendable {
    /// Generator backends by model label (`smollm2-135m@T0.5` → the backend's model).
    public var models: [String: String]
    public var samplesPerPrompt: Int
    public var settings: [String: String]
    /// Generations the backends refused (left out of the analysis).
    public var failed: Int

    public init(models: [String: String], samplesPerPrompt: Int, settings: [String: String], failed: Int) {
        self.models = models
        self.samplesPerPrompt = samplesPerPrompt
        self.settings = settings
        self.failed = failed
    }

    enum CodingKeys: String, CodingKey {
        case models, settings, failed
        case samplesPerPrompt = "samples_per_prompt"
    }
}
