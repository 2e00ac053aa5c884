/// The request and response fields of vLLM's `/pooling` and `/classify` that
/// ``VLLMRewardScorer`` uses (research/serving_apis.md §1.3, §1.4, §1.7).
enum VLLMRewardWire {
    /// One chat message; the conversation is rendered by the server's own chat template.
    struct Message: Codable, Hashable {
        var role: String
        var content: String

        enum CodingKeys: String, CodingKey {
            case role, content
        }
    }

    /// The chat form of `/pooling` and `/classify` (vLLM ≥ 0.11). `task` is sent only to
    /// 0.11's `/pooling`, whose default task is token-level; `use_activation: false` asks for
    /// the raw logit instead of its sigmoid.
    struct ChatRequest: Encodable {
        var model: String?
        var messages: [Message]
        var task: String?
        var useActivation: Bool

        enum CodingKeys: String, CodingKey {
            case model, messages, task
            case useActivation = "use_activation"
        }
    }

    /// vLLM 0.10's `/classify`: pre-rendered text (no chat form there), and `activation: false`,
    /// that version's name for the raw-logit switch.
    struct TextClassifyRequest: Encodable {
        var model: String?
        var input: TextInput
        var activation: Bool

        enum CodingKeys: String, CodingKey {
            case model, input, activation
        }
    }

    /// One string, or an array of strings for a batch.
    enum TextInput: Encodable {
        case single(String)
        case batch([String])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .single(let text): try container.encode(text)
            case .batch(let texts): try container.encode(texts)
            }
        }
    }

    /// `/pooling`'s answer; only the fields read are decoded.
    struct PoolingResponse: Decodable {
        var data: [PoolingItem]

        enum CodingKeys: String, CodingKey {
            case data
        }
    }

    struct PoolingItem: Decodable {
        var index: Int
        var data: PoolingData

        enum CodingKeys: String, CodingKey {
            case index, data
        }
    }

    /// `data[i].data`, typed `list[float] | list[list[float]] | str` by vLLM: one value per
    /// label for `classify`, one vector per token for token-level tasks, base64 text when the
    /// request asked for that encoding.
    enum PoolingData: Decodable {
        case flat([Double])
        case nested([[Double]])
        case encoded(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let values = try? container.decode([Double].self) {
                self = .flat(values)
            } else if let rows = try? container.decode([[Double]].self) {
                self = .nested(rows)
            } else if let text = try? container.decode(String.self) {
                self = .encoded(text)
            } else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "data[i].data is neither an array of numbers, an array of arrays, nor a string"
                )
            }
        }
    }

    /// `/classify`'s answer; `probs` holds raw logits when activation is off.
    struct ClassifyResponse: Decodable {
        var data: [ClassifyItem]

        enum CodingKeys: String, CodingKey {
            case data
        }
    }

    struct ClassifyItem: Decodable {
        var index: Int
        var label: String?
        var probs: [Double]
        var numClasses: Int?

        enum CodingKeys: String, CodingKey {
            case index, label, probs
            case numClasses = "num_classes"
        }
    }
}
