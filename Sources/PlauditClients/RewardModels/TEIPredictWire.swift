/// text-embeddings-inference's `/predict` fields used by ``TEIRewardScorer``
/// (research/serving_apis.md §2).
enum TEIPredictWire {
    /// A batch: each input is `[text]` or `[text_a, text_b]`. `raw_scores: true` returns the
    /// classifier's logits instead of their softmax or sigmoid; `truncate: false` makes the
    /// server refuse an over-long input (422) rather than cut its end, where the score is read.
    struct Request: Encodable {
        var inputs: [[String]]
        var rawScores: Bool
        var truncate: Bool

        enum CodingKeys: String, CodingKey {
            case inputs, truncate
            case rawScores = "raw_scores"
        }
    }

    /// One label's score. Each input's list is sorted by score, highest first, so it is read
    /// by `label`, never by position.
    struct Prediction: Decodable, Hashable {
        var score: Double
        var label: String

        enum CodingKeys: String, CodingKey {
            case score, label
        }
    }
}
