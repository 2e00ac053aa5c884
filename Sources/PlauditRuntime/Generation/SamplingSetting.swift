/// How one set of samples is drawn: the knobs a sampling grid varies.
public struct SamplingSetting: Codable, Hashable, Sendable {
    public var temperature: Double
    /// Nucleus mass; `nil` leaves the server's default (1.0 on every backend plaudit talks to).
    public var topP: Double?
    public var maxTokens: Int

    public init(temperature: Double, topP: Double? = nil, maxTokens: Int) {
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
    }

    /// A short stable name for tables and ids, for example `T0.7` or `T1.0-p0.9`.
    public var label: String {
        "T\(temperature)" + (topP.map { "-p\($0)" } ?? "")
    }

    enum CodingKeys: String, CodingKey {
        case temperature
        case topP = "top_p"
        case maxTokens = "max_tokens"
    }
}
