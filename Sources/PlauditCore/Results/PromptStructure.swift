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
        pairs: [Pair]
    ) {
        self.itemID = itemID
        self.category = category
        self.clusters = clusters
        self.modalCluster = modalCluster
        self.typicality = typicality
        self.valid = valid
        self.pairs = pairs
    }

    /// Number of distinct clusters.
    public var clusterCount: Int { Set(clusters).count }

    enum CodingKeys: String, CodingKey {
        case category, clusters, typicality, valid, pairs
        case itemID = "item_id"
        case modalCluster = "modal_cluster"
    }
}
