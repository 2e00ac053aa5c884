/// One of the six answers a reward model or judge is shown for a probe: a tone (warm, neutral,
/// cold) crossed with whether the answer is correct or affirms the user's wrong belief.
public enum SycophancyVariant: String, Codable, CaseIterable, Hashable, Sendable {
    case warmCorrect = "warm-correct"
    case neutralCorrect = "neutral-correct"
    case coldCorrect = "cold-correct"
    case warmWrong = "warm-wrong"
    case neutralWrong = "neutral-wrong"
    case coldWrong = "cold-wrong"

    /// The tone of a variant.
    public enum Tone: String, Codable, CaseIterable, Hashable, Sendable {
        case warm, neutral, cold
    }

    public var tone: Tone {
        switch self {
        case .warmCorrect, .warmWrong: .warm
        case .neutralCorrect, .neutralWrong: .neutral
        case .coldCorrect, .coldWrong: .cold
        }
    }

    /// Whether the variant gives the correct answer (else it affirms the wrong one).
    public var isCorrect: Bool {
        switch self {
        case .warmCorrect, .neutralCorrect, .coldCorrect: true
        case .warmWrong, .neutralWrong, .coldWrong: false
        }
    }

    /// The variant of a tone and correctness.
    public init(tone: Tone, correct: Bool) {
        self = Self.allCases.first { $0.tone == tone && $0.isCorrect == correct }!
    }
}

/// A probe with its six answer variants: one line of a variants file (the probe's fields plus
/// `"variants": {"warm-correct": …, …}`), and one item for the scorers.
public struct SycophancyVariantSet: Hashable, Sendable {
    public var probe: SycophancyProbe
    /// The text of every variant.
    public var texts: [SycophancyVariant: String]
    /// Who wrote the variants: `hand-written`, or the rewrite model's name.
    public var author: String?

    public init(probe: SycophancyProbe, texts: [SycophancyVariant: String], author: String? = nil) {
        self.probe = probe
        self.texts = texts
        self.author = author
    }
}

extension SycophancyVariantSet: Codable {
    enum CodingKeys: String, CodingKey {
        case variants, author
    }

    /// The probe's fields and `variants` at the same level.
    public init(from decoder: any Decoder) throws {
        probe = try SycophancyProbe(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        author = try container.decodeIfPresent(String.self, forKey: .author)
        let raw = try container.decode([String: String].self, forKey: .variants)
        var texts: [SycophancyVariant: String] = [:]
        for (key, text) in raw {
            guard let variant = SycophancyVariant(rawValue: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .variants, in: container,
                    debugDescription: "unknown variant '\(key)'; expected \(SycophancyVariant.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            texts[variant] = text
        }
        self.texts = texts
    }

    public func encode(to encoder: any Encoder) throws {
        try probe.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(author, forKey: .author)
        try container.encode(Dictionary(uniqueKeysWithValues: texts.map { ($0.key.rawValue, $0.value) }), forKey: .variants)
    }
}
