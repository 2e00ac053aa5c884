/// For one scorer, the atypical–modal pair it scored most against the atypical answer, with
/// both texts, so a reader sees what "under-rewarded" means on real answers. Texts are model
/// output: every renderer escapes them.
public struct CalibrationExample: Codable, Hashable, Sendable {
    public var scorer: String
    public var itemID: String
    public var prompt: String
    public var modal: Side
    public var atypical: Side

    public struct Side: Codable, Hashable, Sendable {
        public var responseID: String
        public var text: String
        public var score: Double

        public init(responseID: String, text: String, score: Double) {
            self.responseID = responseID
            self.text = text
            self.score = score
        }

        enum CodingKeys: String, CodingKey {
            case text, score
            case responseID = "response_id"
        }
    }

    public init(scorer: String, itemID: String, prompt: String, modal: Side, atypical: Side) {
        self.scorer = scorer
        self.itemID = itemID
        self.prompt = prompt
        self.modal = modal
        self.atypical = atypical
    }

    enum CodingKeys: String, CodingKey {
        case scorer, prompt, modal, atypical
        case itemID = "item_id"
    }
}
