/// One prompt's pool: every model's generations for it.
public struct PromptHomogeneity: Codable, Hashable, Sendable {
    public var itemID: String
    public var poolSize: Int
    public var models: [PromptModelHomogeneity]
    /// Equivalence classes of the whole pool (all models, data order), largest first.
    public var classSizes: [Int]
    /// Largest class / pool size.
    public var modalShare: Double
    public var mixing: [PromptMixing]

    public init(itemID: String, poolSize: Int, models: [PromptModelHomogeneity], classSizes: [Int], modalShare: Double, mixing: [PromptMixing]) {
        self.itemID = itemID
        self.poolSize = poolSize
        self.models = models
        self.classSizes = classSizes
        self.modalShare = modalShare
        self.mixing = mixing
    }

    enum CodingKeys: String, CodingKey {
        case models, mixing
        case itemID = "item_id"
        case poolSize = "pool_size"
        case classSizes = "class_sizes"
        case modalShare = "modal_share"
    }
}

/// One model's generations for one prompt.
public struct PromptModelHomogeneity: Codable, Hashable, Sendable {
    public var model: String
    public var generations: Int
    /// Mean cosine over the distinct pairs (upper triangle) of the model's generations.
    public var meanCosine: Double
    /// distinct-k: the number of greedy equivalence classes.
    public var distinct: Int
    /// Class sizes, largest first.
    public var classSizes: [Int]
    /// Largest class / generations.
    public var modalShare: Double

    public init(model: String, generations: Int, meanCosine: Double, distinct: Int, classSizes: [Int], modalShare: Double) {
        self.model = model
        self.generations = generations
        self.meanCosine = meanCosine
        self.distinct = distinct
        self.classSizes = classSizes
        self.modalShare = modalShare
    }

    enum CodingKeys: String, CodingKey {
        case model, generations, distinct
        case meanCosine = "mean_cosine"
        case classSizes = "class_sizes"
        case modalShare = "modal_share"
    }
}

/// Nearest-neighbour mixing in one prompt's pool.
public struct PromptMixing: Codable, Hashable, Sendable {
    public var neighbours: Int
    /// N actually used: min(N, pool size − 1).
    public var effectiveNeighbours: Int
    /// Average over the pool's responses of the distinct models among their N nearest.
    public var meanModels: Double
    /// The exact expectation under neighbours drawn at random from the rest of the pool.
    public var randomExpectation: Double

    public init(neighbours: Int, effectiveNeighbours: Int, meanModels: Double, randomExpectation: Double) {
        self.neighbours = neighbours
        self.effectiveNeighbours = effectiveNeighbours
        self.meanModels = meanModels
        self.randomExpectation = randomExpectation
    }

    enum CodingKeys: String, CodingKey {
        case neighbours
        case effectiveNeighbours = "effective_neighbours"
        case meanModels = "mean_models"
        case randomExpectation = "random_expectation"
    }
}
