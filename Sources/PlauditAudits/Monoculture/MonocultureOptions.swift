/// Settings of the monoculture audit. Every default is the one documented in docs/monoculture.md.
public struct MonocultureOptions: Sendable {
    /// The Generative Monoculture study's bins for per-item positive shares.
    public static let studyBins = [-0.05, 0.35, 0.55, 0.75, 0.85, 0.95, 1.05]

    /// Edges of the histogram of per-item positive shares.
    public var bins: [Double]
    public var bootstrapResamples: Int
    public var confidence: Double
    public var seed: UInt64
    /// Cosine-distance cut of the per-item agglomerative clustering that gives topic ids.
    public var topicThreshold: Double
    public var premium: PremiumOptions

    public init(
        bins: [Double] = MonocultureOptions.studyBins,
        bootstrapResamples: Int = 2_000,
        confidence: Double = 0.95,
        seed: UInt64 = 20_251_022,
        topicThreshold: Double = CalibrationOptions.defaultThreshold,
        premium: PremiumOptions = PremiumOptions()
    ) {
        self.bins = bins
        self.bootstrapResamples = bootstrapResamples
        self.confidence = confidence
        self.seed = seed
        self.topicThreshold = topicThreshold
        self.premium = premium
    }
}
