public import PlauditCore

/// Generations grouped for the homogeneity analysis: per prompt, which model wrote each
/// response, checked for what the analysis needs.
public struct HomogeneityInput: Sendable {
    /// Model names, sorted; pools refer to them by index.
    public let models: [String]
    /// One pool per item, in data order.
    public let pools: [HomogeneityPool]

    /// Groups `items`. Every response needs a `model`, and every model that answered a prompt
    /// needs at least two generations for it (a mean pairwise cosine needs a pair).
    public init(items: [Item]) throws(HomogeneityInputError) {
        var names: Set<String> = []
        for (i, item) in items.enumerated() {
            for (j, response) in item.responses.enumerated() {
                guard let model = response.model else {
                    throw HomogeneityInputError(
                        itemIndex: i, field: "responses[\(j)].model",
                        message: "missing: plaudit homogeneity compares models, so every response needs the model that wrote it"
                    )
                }
                if model.isEmpty {
                    throw HomogeneityInputError(itemIndex: i, field: "responses[\(j)].model", message: "must not be empty")
                }
                names.insert(model)
            }
        }
        let models = names.sorted()
        let index = Dictionary(uniqueKeysWithValues: models.enumerated().map { ($1, $0) })
        var pools: [HomogeneityPool] = []
        for (i, item) in items.enumerated() {
            let members = item.responses.map { index[$0.model!]! }
            var counts: [Int: Int] = [:]
            for m in members { counts[m, default: 0] += 1 }
            if let (m, _) = counts.filter({ $0.value < 2 }).min(by: { $0.key < $1.key }) {
                let j = members.firstIndex(of: m)!
                throw HomogeneityInputError(
                    itemIndex: i, field: "responses[\(j)].model",
                    message: "model '\(models[m])' has only 1 generation for this prompt; a mean pairwise cosine needs at least 2 per model and prompt"
                )
            }
            pools.append(HomogeneityPool(itemID: item.id, models: members))
        }
        self.models = models
        self.pools = pools
    }
}

/// One prompt's generations: the model (an index into ``HomogeneityInput/models``) of each
/// response, in data order.
public struct HomogeneityPool: Hashable, Sendable {
    public var itemID: String
    public var models: [Int]

    public init(itemID: String, models: [Int]) {
        self.itemID = itemID
        self.models = models
    }

    /// The positions of each model's responses in the pool, by model index; absent models have none.
    func members(modelCount: Int) -> [[Int]] {
        var members = [[Int]](repeating: [], count: modelCount)
        for (position, model) in models.enumerated() { members[model].append(position) }
        return members
    }
}

/// Why the data cannot be analysed: the item (by index in the dataset) and field at fault.
/// The command line turns it into an ``InputError`` naming the file and line.
public struct HomogeneityInputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var itemIndex: Int
    public var field: String
    public var message: String

    public init(itemIndex: Int, field: String, message: String) {
        self.itemIndex = itemIndex
        self.field = field
        self.message = message
    }

    public var description: String { "item \(itemIndex + 1): \(field): \(message)" }
}
