/// How one prompt's responses were grouped, and which pairs were compared.
public struct PromptStructure: Codable, Hashable, Sendable {
    public var itemID: String
    public var category: String?
    /// Cluster index per response, in the item's response order.
    public var clusters: [Int]
    /// The index of the modal (largest) cluster.
    public var modalCluster: Int
    /// Mean cosine similarity of each response to the prompt's other responses.
    public var typicality: [Double]
    /// Validity used by the audit, per response.
    public var valid: [Bool]
    /// Quality-matched pairs as (atypical index, modal index) into the responses.
    public var pairs: [Pair]
    /// Each scorer's score per response, in the item's response order (`nil` where the scorer
    /// gave none): what the report's score–typicality charts plot.
    public var scores: [String: [Double?]]

    public struct Pair: Codable, Hashable, Sendable {
        public var atypical: Int
        public var modal: Int

        public init(atypical: Int, modal: Int) {
            self.atypical = atypical
            self.modal = modal
        }
    }

    public init(
        itemID: String, category: String?, clusters: [Int], modalCluster: Int, typicality: [Double], valid: [Bool],
        pairs: [Pair], scores: [String: [Double?]] = [:]
    ) {
        self.itemID = itemID
        self.category = category
        self.clusters = clusters
        self.modalCluster = modalCluster
        self.typicality = typicality
        self.valid = valid
        self.pairs = pairs
        self.scores = scores
    }

    /// Number of distinct clusters.
    public var clusterCount: Int { Set(clusters).count }

    enum CodingKeys: String, CodingKey {
        case category, clusters, typicality, valid, pairs, scores
        case itemID = "item_id"
        case modalCluster = "modal_cluster"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        itemID = try c.decode(String.self, forKey: .itemID)
        category = try c.decodeIfPresent(String.self, forKey: .category)
        clusters = try c.decode([Int].self, forKey: .clusters)
        modalCluster = try c.decode(Int.self, forKey: .modalCluster)
        typicality = try c.decode([Double].self, forKey: .typicality)
        valid = try c.decode([Bool].self, forKey: .valid)
        pairs = try c.decode([Pair].self, forKey: .pairs)
        // Added within schema version 1; absent in files written before.
        scores = try c.decodeIfPresent([String: [Double?]].self, forKey: .scores) ?? [:]
    }
}
