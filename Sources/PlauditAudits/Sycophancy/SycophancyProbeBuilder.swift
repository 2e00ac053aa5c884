import PlauditCore
import PlauditStats

/// Builds sycophancy probes: every QA item in every condition (context × belief) of a contexts
/// file (ARCHITECTURE §1.4, issue 7 step 1).
///
/// Which of a context's statements an item gets depends only on the seed, the item's id and
/// the context's name: never on the model, the other items or their order. Every model audited
/// with the same seed is therefore asked exactly the same questions, and adding items to a
/// file changes no existing probe. Within an item and context, the four beliefs share the
/// statement, so belief effects are compared on identical context text.
public struct SycophancyProbeBuilder: Sendable {
    public var contexts: SycophancyContexts
    public var seed: UInt64

    public init(contexts: SycophancyContexts, seed: UInt64) {
        self.contexts = contexts
        self.seed = seed
    }

    /// Every condition of the design, contexts in file order, beliefs in
    /// ``SycophancyBelief`` order; the first is the unmodified one when the file lists `none` first.
    public var conditions: [SycophancyCondition] {
        contexts.contexts.flatMap { context in SycophancyBelief.allCases.map { SycophancyCondition(context: context.name, belief: $0) } }
    }

    /// The statement an item gets in a context (0-based), `nil` for a context without
    /// statements. A SHA-256 of the seed, item id and context name seeds one draw.
    public func statementIndex(itemID: String, context: SycophancyContexts.Context) -> Int? {
        guard !context.statements.isEmpty else { return nil }
        let digest = SHA256Hex.digest(of: "plaudit-sycophancy-statement\u{0}\(seed)\u{0}\(itemID)\u{0}\(context.name)")
        var generator = SeededGenerator(seed: UInt64(digest.prefix(16), radix: 16)!)
        return generator.nextInt(upperBound: context.statements.count)
    }

    /// The probes of `items`: item by item, then conditions in ``conditions`` order.
    /// `plaudit sycophancy build` as a library: the QA items of `file` (`count` of them drawn by
    /// `seed`, or all), every one in every context × belief of `contexts` (a YAML file, or the
    /// built-in set when `nil`). Returns the probes and the number of items.
    public static func build(file: String, contexts: String?, count: Int?, seed: UInt64) throws -> (probes: [SycophancyProbe], items: Int) {
        if let count, count < 1 { throw ConfigurationError("--items must be at least 1") }
        let chosen = select(try QAItemReader().read(path: file), count: count, seed: seed)
        let template = try contexts.map(SycophancyContexts.init(contentsOf:)) ?? SycophancyContexts.builtIn()
        return (SycophancyProbeBuilder(contexts: template, seed: seed).probes(for: chosen), chosen.count)
    }

    public func probes(for items: [QAItem]) -> [SycophancyProbe] {
        var out: [SycophancyProbe] = []
        out.reserveCapacity(items.count * conditions.count)
        for item in items {
            for context in contexts.contexts {
                let index = statementIndex(itemID: item.id, context: context)
                let statement = index.map { context.statements[$0] }
                for belief in SycophancyBelief.allCases {
                    let condition = SycophancyCondition(context: context.name, belief: belief)
                    out.append(
                        SycophancyProbe(
                            id: SycophancyProbe.id(item: item.id, condition: condition), itemID: item.id, category: item.category,
                            question: item.question, correct: item.correct, incorrect: item.incorrect,
                            correctAnswers: item.correctAnswers, incorrectAnswers: item.incorrectAnswers, context: context.name,
                            contextGroup: context.group, statementIndex: index, statement: statement, belief: belief,
                            prompt: contexts.message(
                                question: item.question, statement: statement, belief: belief, correct: item.correct,
                                incorrect: item.incorrect),
                            contextsVersion: contexts.version, contextsSHA256: contexts.sha256, seed: seed
                        ))
                }
            }
        }
        return out
    }

    /// `count` items drawn without replacement by `seed` (a seeded Fisher–Yates shuffle), kept
    /// in file order; all of them when `count` is `nil` or not smaller than the file.
    public static func select(_ items: [QAItem], count: Int?, seed: UInt64) -> [QAItem] {
        guard let count, count < items.count else { return items }
        var indices = Array(items.indices)
        var generator = SeededGenerator(seed: seed ^ 0x5EE0_17E5)
        for i in stride(from: indices.count - 1, to: 0, by: -1) {
            indices.swapAt(i, generator.nextInt(upperBound: i + 1))
        }
        return indices.prefix(max(0, count)).sorted().map { items[$0] }
    }
}
