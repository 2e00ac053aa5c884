import Foundation
import PlauditCore
import PlauditText
import Synchronization
import Testing

@testable import PlauditAudits

/// A classifier that reads each text's compound from a table (unknown texts are neutral).
struct TableClassifier: SentimentClassifier {
    let compounds: [String: Double]
    var name: String { "table" }

    func classify(_ texts: [String]) async throws -> [SentimentScores] {
        texts.map { SentimentScores(negative: 0, neutral: 0, positive: 0, compound: compounds[$0] ?? 0) }
    }
}

/// A judge that rates a text by a table and fails on texts it does not know; counts its calls.
final class TableJudge: RewardScorer {
    let ratings: [String: Double]
    let calls = Mutex(0)

    init(ratings: [String: Double]) {
        self.ratings = ratings
    }

    var descriptor: ScorerDescriptor {
        ScorerDescriptor(name: "table-judge", kind: .judge, backend: "test", rubric: RubricReference(id: "review-sentiment", version: "1", sha256: "x"))
    }

    func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        calls.withLock { $0 += 1 }
        return ratings[request.response].map { .score($0) } ?? .failure("no rating in the reply")
    }
}

/// A reward model whose score is a function of the request; records what it was asked.
final class FunctionScorer: RewardScorer {
    let name: String
    let function: @Sendable (ScoringRequest) -> ScoreOutcome
    let asked = Mutex<[ScoringRequest]>([])

    init(name: String, _ function: @escaping @Sendable (ScoringRequest) -> ScoreOutcome) {
        self.name = name
        self.function = function
    }

    var requests: [ScoringRequest] { asked.withLock { $0 } }
    var descriptor: ScorerDescriptor { ScorerDescriptor(name: name, kind: .rewardModel, backend: "test") }

    func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        asked.withLock { $0.append(request) }
        return function(request)
    }
}

@Suite("Monoculture audit")
struct MonocultureAuditTests {
    static let template = try! PromptTemplate.load("book-review")

    /// Two books; the source is mixed, the generated configuration is all positive.
    static let data = MonocultureDataset(items: [
        MonocultureItem(
            id: "a", title: "A", source: TextSet(texts: ["a1", "a2", "a3", "a4"]), generated: ["g": TextSet(texts: ["ga1", "ga2"])]),
        MonocultureItem(id: "b", title: "B", source: TextSet(texts: ["b1", "b2"]), generated: ["g": TextSet(texts: ["gb1", "gb2"])]),
        MonocultureItem(id: "c", title: "C", generated: ["g": TextSet(texts: ["gc1"])]),
    ])
    static let compounds: [String: Double] = [
        "a1": 0.8, "a2": -0.6, "a3": 0.0, "a4": 0.3, "b1": -0.9, "b2": -0.2,
        "ga1": 0.9, "ga2": 0.7, "gb1": 0.6, "gb2": 0.02, "gc1": 0.5,
    ]

    @Test("per-item and per-side numbers by hand: shares, SD, entropy, histogram, |Δ|, W1")
    func byHand() async throws {
        let outcome = try await MonocultureAudit(options: MonocultureOptions(bootstrapResamples: 200)).run(
            dataset: Self.data, sentiment: .classifier(TableClassifier(compounds: Self.compounds)), template: Self.template)
        // Item a, source: labels +, −, neutral, + → share 0.5, SD 0.5, entropy of (1, 1, 2) = 1.5 bits.
        let a = try #require(outcome.items.first { $0.id == "a" }?.sides["source"])
        #expect(a.positive == 2 && a.negative == 1 && a.neutral == 1)
        #expect(a.positiveShare == 0.5 && a.standardDeviation == 0.5)
        #expect(abs(a.entropy - 1.5) < 1e-12)
        #expect(abs(a.meanCompound! - 0.125) < 1e-12)
        // Item b, generated: +, neutral (0.02 < 0.05) → share 0.5.
        let gb = try #require(outcome.items.first { $0.id == "b" }?.sides["g"])
        #expect(gb.positiveShare == 0.5 && gb.neutral == 1)

        let source = try #require(outcome.side("source"))
        #expect(source.items == 2 && source.texts == 6)
        #expect(abs(source.positiveShare.value - 2.0 / 6) < 1e-12)
        #expect(abs(source.meanItemPositiveShare - 0.25) < 1e-12)
        #expect(source.histogram == [1, 1, 0, 0, 0, 0])
        let generated = try #require(outcome.side("g"))
        #expect(generated.items == 3 && generated.texts == 5)
        #expect(abs(generated.positiveShare.value - 0.8) < 1e-12)
        #expect(generated.histogram == [0, 1, 0, 0, 0, 2])

        // Shared items a (0.5 → 1.0) and b (0.0 → 0.5): mean Δ 0.5, mean |Δ| 0.5, W1 0.5.
        let c = try #require(outcome.comparison("g"))
        #expect(c.sharedItems == 2)
        #expect(abs(c.meanDelta.value - 0.5) < 1e-12 && abs(c.meanAbsoluteDelta.value - 0.5) < 1e-12)
        #expect(abs(c.wasserstein.value - 0.5) < 1e-12)
        // Compound means: a 0.125 → 0.8, b −0.55 → 0.31.
        #expect(abs(c.compoundMeanAbsoluteDelta!.value - (0.675 + 0.86) / 2) < 1e-12)
        #expect(outcome.notes.contains { $0.contains("1 of 3 items have no source side") })
        #expect(outcome.notes.contains { $0.contains("No embedder") })
        #expect(outcome.sentimentSource == "classifier table")
    }

    @Test("topics: each item's texts are clustered over all sides; entropy, clusters and pairwise cosine per side")
    func topics() async throws {
        // Source texts point two ways, generated texts all one way.
        let vectors: [String: [Float]] = [
            "a1": [1, 0], "a2": [0, 1], "a3": [1, 0.05], "a4": [0.05, 1], "b1": [1, 0], "b2": [0, 1],
            "ga1": [1, 0], "ga2": [1, 0.01], "gb1": [1, 0], "gb2": [1, 0], "gc1": [1, 0],
        ]
        let outcome = try await MonocultureAudit(options: MonocultureOptions(bootstrapResamples: 200, topicThreshold: 0.25)).run(
            dataset: Self.data, sentiment: .classifier(TableClassifier(compounds: Self.compounds)), template: Self.template,
            embedder: TableEmbedder(table: vectors))
        let a = try #require(outcome.items.first { $0.id == "a" })
        #expect(a.sides["source"]?.topicClusters == 2)
        #expect(a.sides["source"]?.topicEntropy == 1)
        #expect(a.sides["g"]?.topicClusters == 1)
        #expect(a.sides["g"]?.topicEntropy == 0)
        #expect(abs(a.sides["g"]!.meanPairwiseCosine! - 0.99995) < 1e-4)
        #expect(outcome.items.first { $0.id == "c" }?.sides["g"]?.meanPairwiseCosine == nil, "one text has no pair")
        let c = try #require(outcome.comparison("g"))
        #expect(abs(c.topicEntropyDifference!.value + 1) < 1e-12, "generated entropy 0 against source 1 on both items")
        #expect(c.pairwiseCosineDifference!.value > 0.5)
        #expect(outcome.side("source")?.meanTopicClusters == 2)
    }

    @Test("wording: pooled counts per side, vocabulary, entropy and cosine to the source")
    func wording() async throws {
        let data = MonocultureDataset(items: [
            MonocultureItem(id: "x", source: TextSet(texts: ["Good book, good plot.", "Bad end"]), generated: ["g": TextSet(texts: ["good GOOD good"])])
        ])
        let outcome = try await MonocultureAudit(options: MonocultureOptions(bootstrapResamples: 100)).run(
            dataset: data, sentiment: .classifier(TableClassifier(compounds: [:])), template: Self.template,
            tokenizer: PlainWordTokenizer())
        let source = try #require(outcome.side("source")?.wording)
        // good ×2, book, plot, bad, end: 6 tokens, 5 words.
        #expect(source.tokens == 6 && source.vocabulary == 5)
        let p = [2.0, 1, 1, 1, 1].map { $0 / 6 }
        #expect(abs(source.entropy - p.reduce(0) { $0 - $1 * log2($1) }) < 1e-12)
        #expect(source.cosineToSource == 1)
        let generated = try #require(outcome.side("g")?.wording)
        #expect(generated.tokens == 3 && generated.vocabulary == 1 && generated.entropy == 0)
        // (3·2) / (3 · √(4 + 1 + 1 + 1 + 1)) = 2 / √8.
        #expect(abs(generated.cosineToSource! - 2 / 8.0.squareRoot()) < 1e-6)
    }

    @Test("judge sentiment: ratings map onto [−1, 1]; a text the judge cannot rate is a failure, left out and noted")
    func judge() async throws {
        var ratings: [String: Double] = [:]
        for (text, compound) in Self.compounds { ratings[text] = 5 + 4 * compound }
        ratings["a3"] = nil
        let judge = TableJudge(ratings: ratings)
        let outcome = try await MonocultureAudit(options: MonocultureOptions(bootstrapResamples: 100)).run(
            dataset: Self.data, sentiment: .judge(judge, scale: 1...9), template: Self.template)
        #expect(judge.calls.withLock { $0 } == 11)
        #expect(outcome.failures.map(\.responseID) == ["source/2"])
        #expect(outcome.failures.first?.itemID == "a")
        let a = try #require(outcome.items.first { $0.id == "a" }?.sides["source"])
        #expect(a.texts == 3 && a.positive == 2 && a.negative == 1)
        #expect(abs(a.meanCompound! - (0.8 - 0.6 + 0.3) / 3) < 1e-12)
        #expect(outcome.notes.contains { $0.hasPrefix("1 texts could not be rated") })
        #expect(outcome.sentimentSource.hasPrefix("judge table-judge (rubric review-sentiment"))
        #expect(TextSentiment(rating: 1, scale: 1...9).compound == -1)
        #expect(TextSentiment(rating: 9, scale: 1...9).label == .positive)
        #expect(TextSentiment(rating: 5, scale: 1...9).label == .neutral)
    }

    @Test("the premium runs the scorer on the source texts with the rendered prompt")
    func premiumThroughTheAudit() async throws {
        let scorer = FunctionScorer(name: "rm") { request in .score(2 * (Self.compounds[request.response] ?? 0)) }
        let outcome = try await MonocultureAudit(options: MonocultureOptions(bootstrapResamples: 200)).run(
            dataset: Self.data, sentiment: .classifier(TableClassifier(compounds: Self.compounds)), template: Self.template,
            scorers: [scorer])
        #expect(scorer.requests.count == 6, "source texts only")
        #expect(scorer.requests.first?.prompt.text == #"Write a short personal review (one to three sentences) of the book "A" by an unknown author."#)
        let premium = try #require(outcome.premium.first)
        #expect(premium.scorer.name == "rm" && premium.items == 2 && premium.scored == 6)
        #expect(abs(premium.rawSlope!.value - 2) < 1e-9, "score = 2 × compound exactly")
    }

    @Test("checks before any model runs: labels vs texts, and the premium's needs")
    func checks() {
        let labels = MonocultureDataset(items: [MonocultureItem(id: "x", source: TextSet(labels: [.positive, .negative]))])
        #expect(MonocultureAudit.check(dataset: labels, fromLabels: true, premium: false) == nil)
        #expect(MonocultureAudit.check(dataset: labels, fromLabels: false, premium: false)?.contains("labels without texts") == true)
        #expect(MonocultureAudit.check(dataset: labels, fromLabels: true, premium: true)?.contains("continuous sentiment") == true)
        #expect(MonocultureAudit.check(dataset: Self.data, fromLabels: true, premium: false)?.contains("texts without labels") == true)
        #expect(MonocultureAudit.check(dataset: Self.data, fromLabels: false, premium: true) == nil)
    }
}

/// The bundled book reviews with the embedded VADER: the fixture gives a real spread.
@Suite("fixtures/book-reviews with VADER")
struct BookReviewFixtureTests {
    static let assets = RepositoryPaths.root.appendingPathComponent(".plaudit/assets/python/vaderSentiment")
    static var hasVader: Bool { FileManager.default.fileExists(atPath: assets.appendingPathComponent("vader_lexicon.txt").path) }
    static var required: Bool { ProcessInfo.processInfo.environment["PLAUDIT_REQUIRE_LOCAL_MODEL"] == "1" }

    @Test(
        "26 books, 187 reviews: 124 positive, 13 neutral, 50 negative; item shares from 1/6 to 1",
        .enabled(if: hasVader || required, "VADER not installed; run `plaudit assets install`"))
    func spread() async throws {
        let data = try MonocultureReader().read(paths: [RepositoryPaths.bookReviews.path])
        let vader = VaderAnalyzer(
            lexicon: try VaderLexicon(
                lexicon: Self.assets.appendingPathComponent("vader_lexicon.txt"),
                emoji: Self.assets.appendingPathComponent("emoji_utf8_lexicon.txt")))
        let outcome = try await MonocultureAudit(options: MonocultureOptions(bootstrapResamples: 200)).run(
            dataset: data, sentiment: .classifier(vader), template: MonocultureAuditTests.template)
        let source = try #require(outcome.side("source"))
        #expect(source.items == 26 && source.texts == 187)
        let counts = outcome.items.compactMap { $0.sides["source"] }.reduce(into: [0, 0, 0]) { totals, side in
            totals[0] += side.positive
            totals[1] += side.neutral
            totals[2] += side.negative
        }
        #expect(counts == [124, 13, 50])
        let shares = outcome.items.compactMap { $0.sides["source"]?.positiveShare }
        #expect(abs(shares.min()! - 1.0 / 6) < 1e-12 && shares.max() == 1)
        #expect(source.meanItemEntropy.value > 0.8, "mixed stances within books")
    }
}
