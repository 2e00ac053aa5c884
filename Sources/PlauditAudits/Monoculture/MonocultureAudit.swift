import Foundation
public import PlauditCore
public import PlauditRuntime

/// The monoculture audit (ARCHITECTURE §1.3): does generated text about an item narrow what
/// humans wrote about it (sentiment, topic, wording), and do reward models pay for positivity?
///
/// Written only against Core protocols: the sentiment classifier or judge, the embedder, the
/// word tokenizer and the premium's scorers are handed in, so the same code runs on label files,
/// live servers and simulations. The stages can run apart (``MonocultureJob`` runs the scorers
/// while the models are up): ``sentiments(dataset:source:template:collector:progress:)``,
/// ``premiumScores(dataset:template:scorers:collector:progress:)``, then
/// ``analyze(dataset:sentiments:embedder:tokenizer:premium:progress:)``.
public struct MonocultureAudit: Sendable {
    public var options: MonocultureOptions

    public init(options: MonocultureOptions = MonocultureOptions()) {
        self.options = options
    }

    /// All stages in one call.
    public func run(
        dataset: MonocultureDataset,
        sentiment: SentimentSource,
        template: PromptTemplate,
        embedder: (any Embedder)? = nil,
        tokenizer: (any WordTokenizer)? = nil,
        scorers: [any RewardScorer] = [],
        collector: ScoreCollector = ScoreCollector(),
        progress: any ProgressReporter = SilentProgress()
    ) async throws -> MonocultureOutcome {
        let fromLabels = if case .labels = sentiment { true } else { false }
        if let problem = Self.check(dataset: dataset, fromLabels: fromLabels, premium: !scorers.isEmpty) {
            throw AuditError(problem)
        }
        let sentiments = try await self.sentiments(
            dataset: dataset, source: sentiment, template: template, collector: collector, progress: progress)
        let premium = try await premiumScores(
            dataset: dataset, template: template, scorers: scorers.map { ($0, collector.concurrency) }, collector: collector,
            progress: progress)
        return try await analyze(
            dataset: dataset, sentiments: sentiments, embedder: embedder,
            embeddings: EmbeddingCollector(cache: collector.fanOut.cache, refresh: collector.fanOut.refresh), tokenizer: tokenizer,
            premium: premium, progress: progress)
    }

    /// The side names in report order: the source, then the configurations.
    public static func sideNames(_ dataset: MonocultureDataset) -> [String] {
        [MonocultureDataset.sourceName] + dataset.configurations
    }

    /// Why sentiment from labels (`fromLabels`) or from texts cannot be had for this data, or the
    /// premium cannot be measured, in words a user can act on; `nil` when all is well. Checked
    /// before any model runs.
    public static func check(dataset: MonocultureDataset, fromLabels: Bool, premium: Bool) -> String? {
        for item in dataset.items {
            for side in sideNames(dataset) {
                guard let set = item.side(side) else { continue }
                if fromLabels && set.labels.count != set.count {
                    return "item '\(item.id)', \(side): texts without labels; rate them with VADER, a classifier or a judge instead of the data's labels"
                }
                if !fromLabels && set.texts.count != set.count {
                    return "item '\(item.id)', \(side): labels without texts; a classifier or judge needs texts (use the data's labels)"
                }
            }
        }
        if premium {
            if fromLabels {
                return "the positivity premium needs continuous sentiment, which labels do not give; rate the source texts with VADER, a classifier or a judge"
            }
            if !dataset.items.contains(where: { $0.source.texts.count >= 2 }) {
                return "the positivity premium needs items with at least two source texts"
            }
        }
        return nil
    }

    /// The prompt an item's texts answer: the template rendered for the item.
    static func prompt(_ item: MonocultureItem, _ template: PromptTemplate) -> Prompt {
        let user = ChatMessage(role: "user", content: template.render(id: item.id, title: item.title, author: item.author))
        return .messages((template.system.map { [ChatMessage(role: "system", content: $0)] } ?? []) + [user])
    }

    // MARK: - Sentiment

    /// Every text's sentiment. A judge is asked through `collector` (cached, resumable); a text it
    /// cannot rate is a failure, recorded and left out, never a middle value.
    public func sentiments(
        dataset: MonocultureDataset, source: SentimentSource, template: PromptTemplate,
        collector: ScoreCollector = ScoreCollector(), progress: any ProgressReporter = SilentProgress()
    ) async throws -> SentimentTable {
        let sides = Self.sideNames(dataset)
        switch source {
        case .labels:
            let values = dataset.items.map { item in
                Dictionary(uniqueKeysWithValues: sides.compactMap { side in
                    item.side(side).map { (side, $0.labels.map { Optional(TextSentiment(label: $0)) }) }
                })
            }
            return SentimentTable(values: values, source: source.description)
        case .classifier(let classifier):
            let texts = dataset.items.flatMap { item in sides.flatMap { item.side($0)?.texts ?? [] } }
            progress.update(phase: "sentiment", done: 0, total: texts.count, failed: 0, cached: 0)
            let scores = try await classifier.classify(texts)
            guard scores.count == texts.count else {
                throw AuditError("classifier \(classifier.name) returned \(scores.count) results for \(texts.count) texts")
            }
            progress.finish(phase: "sentiment")
            var offset = 0
            let values = dataset.items.map { item in
                var row: [String: [TextSentiment?]] = [:]
                for side in sides {
                    guard let set = item.side(side) else { continue }
                    row[side] = scores[offset..<(offset + set.texts.count)].map { TextSentiment($0) }
                    offset += set.texts.count
                }
                return row
            }
            return SentimentTable(values: values, source: source.description)
        case .judge(let judge, let scale):
            let items = dataset.items.map { item in
                Item(
                    id: item.id, prompt: Self.prompt(item, template),
                    responses: sides.flatMap { side in
                        (item.side(side)?.texts ?? []).enumerated().map { Response(id: "\(side)/\($0)", text: $1) }
                    })
            }
            let table = try await collector.collect(items: items, scorer: judge, progress: progress)
            let values = dataset.items.enumerated().map { i, item in
                var row: [String: [TextSentiment?]] = [:]
                var offset = 0
                for side in sides {
                    guard let set = item.side(side) else { continue }
                    row[side] = table.scores[i][offset..<(offset + set.texts.count)].map { rating in
                        rating.map { TextSentiment(rating: $0, scale: scale) }
                    }
                    offset += set.texts.count
                }
                return row
            }
            return SentimentTable(values: values, failures: table.failures, source: source.description, cache: table.counts)
        }
    }

    // MARK: - Premium

    /// Each scorer's scores of every source text (with the item's rendered prompt), through
    /// `collector`, each scorer with its own number of calls in flight.
    public func premiumScores(
        dataset: MonocultureDataset, template: PromptTemplate, scorers: [(scorer: any RewardScorer, concurrency: Int)],
        collector: ScoreCollector = ScoreCollector(), progress: any ProgressReporter = SilentProgress()
    ) async throws -> [ScoredTable] {
        guard !scorers.isEmpty else { return [] }
        let items = Self.premiumItems(dataset, template: template)
        var tables: [ScoredTable] = []
        for (scorer, concurrency) in scorers {
            var perScorer = collector
            perScorer.concurrency = max(1, concurrency)
            tables.append(try await perScorer.collect(items: items, scorer: scorer, progress: progress))
        }
        return tables
    }

    /// The source texts as scoring items: one per item, the rendered prompt, `source/j` ids.
    static func premiumItems(_ dataset: MonocultureDataset, template: PromptTemplate) -> [Item] {
        dataset.items.map { item in
            Item(
                id: item.id, prompt: prompt(item, template),
                responses: item.source.texts.enumerated().map { Response(id: "\(MonocultureDataset.sourceName)/\($0)", text: $1) })
        }
    }

    // MARK: - Analysis

    /// The metrics on sentiments (and, when given, embeddings, words and premium scores). The
    /// statistics run on a Dispatch thread, not on Swift's cooperative pool.
    /// Texts are embedded through `embeddings` (its cache, when it has one).
    public func analyze(
        dataset: MonocultureDataset, sentiments: SentimentTable, embedder: (any Embedder)? = nil,
        embeddings: EmbeddingCollector = EmbeddingCollector(), tokenizer: (any WordTokenizer)? = nil, premium: [ScoredTable] = [],
        progress: any ProgressReporter = SilentProgress()
    ) async throws -> MonocultureOutcome {
        let clock = ContinuousClock()
        var timings: [String: Double] = [:]
        let sides = Self.sideNames(dataset)
        var topics = [TopicStructure?](repeating: nil, count: dataset.items.count)
        var embedding: EmbeddingCounts?
        if let embedder {
            let start = clock.now
            // Each item's texts (all sides) are one corpus, so an item's topics never depend on the other items.
            let groups = dataset.items.map { item in sides.flatMap { item.side($0)?.texts ?? [] } }
            let embedded = try await ItemEmbeddings.embed(groups: groups, embedder: embedder, collector: embeddings, progress: progress)
            let vectors = embedded.vectors.flatMap { $0 }
            embedding = embedded.counts
            timings["embedding"] = (clock.now - start).inSeconds
            let threshold = options.topicThreshold
            topics = await DispatchWork.run {
                var offset = 0
                return dataset.items.map { item -> TopicStructure? in
                    var grouped: [String: [[Float]]] = [:]
                    for side in sides {
                        guard let count = item.side(side)?.texts.count, count > 0 else { continue }
                        grouped[side] = Array(vectors[offset..<(offset + count)])
                        offset += count
                    }
                    return grouped.isEmpty ? nil : TopicStructure(vectors: grouped, sides: sides, threshold: threshold)
                }
            }
        }
        let start = clock.now
        let options = self.options
        let structures = topics
        var outcome = await DispatchWork.run {
            Self.statistics(
                dataset: dataset, sentiments: sentiments, topics: structures, tokenizer: tokenizer, premium: premium, options: options)
        }
        timings["statistics"] = (clock.now - start).inSeconds
        outcome.timings = timings
        var cache = sentiments.cache
        for table in premium {
            cache.hits += table.counts.hits
            cache.misses += table.counts.misses
            cache.stored += table.counts.stored
        }
        outcome.cache = cache
        outcome.embedding = embedding
        let hasTexts = dataset.items.contains { item in sides.contains { !(item.side($0)?.texts.isEmpty ?? true) } }
        if embedder == nil && hasTexts {
            outcome.notes.append("No embedder: topic and embedding-dispersion metrics were not computed.")
        }
        return outcome
    }

    static func statistics(
        dataset: MonocultureDataset, sentiments: SentimentTable, topics: [TopicStructure?], tokenizer: (any WordTokenizer)?,
        premium: [ScoredTable], options: MonocultureOptions
    ) -> MonocultureOutcome {
        let sides = sideNames(dataset)
        let statistics = MonocultureStatistics(options: options)
        let items = statistics.itemResults(dataset: dataset, sentiments: sentiments, topics: topics)

        var words: [String: WordFrequencies] = [:]
        if let tokenizer {
            for side in sides {
                let texts = dataset.items.flatMap { $0.side(side)?.texts ?? [] }
                if !texts.isEmpty { words[side] = WordFrequencies(texts: texts, tokenizer: tokenizer) }
            }
        }
        let source = words[MonocultureDataset.sourceName]
        let summaries = sides.compactMap { side in
            statistics.side(
                side, items: items, wording: words[side]?.summary(source: source, isSource: side == MonocultureDataset.sourceName))
        }
        let comparisons = dataset.configurations.compactMap { statistics.comparison($0, items: items) }

        var premiumResults: [PremiumResult] = []
        for table in premium {
            let texts = dataset.items.enumerated().map { i, item in
                item.source.texts.indices.compactMap { j -> PremiumText? in
                    guard let compound = sentiments.values[i][MonocultureDataset.sourceName]?[j]?.compound else { return nil }
                    return PremiumText(score: table.scores[i][j], compound: compound, words: PromptSample.wordCount(item.source.texts[j]))
                }
            }
            let estimator = PositivityPremium(
                options: options.premium, resamples: options.bootstrapResamples, confidence: options.confidence,
                seed: options.seed ^ CalibrationAudit.stream(table.descriptor.name, "premium"))
            premiumResults.append(estimator.estimate(scorer: table.descriptor, items: texts, failed: table.failures.count))
        }

        var notes: [String] = []
        let failures = sentiments.failures + premium.flatMap(\.failures)
        if !sentiments.failures.isEmpty {
            notes.append("\(sentiments.failures.count) texts could not be rated for sentiment and were left out (see failures).")
        }
        let withoutSource = items.filter { $0.sides[MonocultureDataset.sourceName] == nil }.count
        if withoutSource > 0, !dataset.configurations.isEmpty {
            notes.append("\(withoutSource) of \(items.count) items have no source side and are not compared.")
        }
        let perItem = summaries.map { ($0.name, Double($0.texts) / Double($0.items)) }
        if let low = perItem.min(by: { $0.1 < $1.1 }), let high = perItem.max(by: { $0.1 < $1.1 }), high.1 > 1.2 * low.1 {
            notes.append(
                "Sides differ in texts per item (\(low.0): \(NumberText.fixed(low.1, 1)), \(high.0): \(NumberText.fixed(high.1, 1))); entropies and cluster counts grow with the number of texts, so compare them with care."
            )
        }
        if sentiments.source.contains("vader") {
            notes.append(
                "Sentiment is VADER's: positive at a compound of at least 0.05, negative at −0.05 or below. Positive shares are comparable only between runs with the same classifier (the Generative Monoculture study used a binary SST-2 classifier).")
        }
        for result in premiumResults where result.failed > 0 {
            notes.append("\(result.scorer.name): \(result.failed) source texts could not be scored (see failures).")
        }
        return MonocultureOutcome(
            sentimentSource: sentiments.source, sides: summaries, comparisons: comparisons, premium: premiumResults,
            items: items, failures: failures, notes: notes)
    }
}
