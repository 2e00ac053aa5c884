import Foundation
import PlauditCore
import Testing

@testable import PlauditAudits

/// The acceptance bar of issue 6: on the Generative Monoculture label files, the audit gives the
/// figures of ../shared/data/README.md (positive shares, mean per-book entropies, mean |Δ|) to
/// four decimals, and every other metric equals the pandas/scipy oracle.
@Suite("Generative Monoculture figures from the study's label files")
struct GeMOReproductionTests {
    static let source = "sentiment_goodreads_src_grouped_reviews_long_sub_en_10_sentiment.json"
    static let files = [
        "llama-chat-T1.0": "sentiment_goodreads_personalized_llama-2-13b-chat_500_temp-1.0_p-1.00_k-50.json",
        "llama-chat-T0.5": "sentiment_goodreads_personalized_llama-2-13b-chat_500_temp-0.5_p-1.00_k-50.json",
        "vicuna-T1.0": "sentiment_goodreads_personalized_vicuna-13b-chat_500_temp-1.0_p-1.00_k-50.json",
        "llama-base-T1.2": "sentiment_goodreads_personalized_llama-2-13b-nonchat_500_temp-1.2_p-1.00_k-50.json",
    ]
    static let names = ["llama-chat-T1.0", "llama-chat-T0.5", "vicuna-T1.0", "llama-base-T1.2"]

    static func outcome() async throws -> MonocultureOutcome {
        let folder = RepositoryPaths.gemo
        let data = try MonocultureReader().read(
            source: folder.appendingPathComponent(source).path,
            generated: names.map { ($0, folder.appendingPathComponent(files[$0]!).path) })
        return try await MonocultureAudit(options: MonocultureOptions(bootstrapResamples: 200, seed: 7)).run(
            dataset: data, sentiment: .labels, template: try PromptTemplate.load("book-review"))
    }

    /// `value` rounded to four decimals is `expected`.
    static func fourDecimals(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs((value * 10_000).rounded() / 10_000 - expected) < 1e-9
    }

    @Test("positive shares, mean per-book entropies and mean |Δ| as in ../shared/data/README.md, to four decimals")
    func readmeFigures() async throws {
        let outcome = try await Self.outcome()
        // Positive share — README: source 0.659, Llama-chat T1.0 0.9845, T0.5 0.9943, Vicuna 0.9217, base 0.7417.
        let shares = ["source": 0.6590, "llama-chat-T1.0": 0.9845, "llama-chat-T0.5": 0.9943, "vicuna-T1.0": 0.9217, "llama-base-T1.2": 0.7417]
        for (side, expected) in shares {
            let value = outcome.side(side)?.positiveShare.value
            #expect(Self.fourDecimals(value, expected), "\(side): positive share \(value ?? .nan)")
        }
        // Mean per-book entropy, bits — README: source 0.809, Llama-chat T1.0 0.068, Vicuna 0.297, base 0.736.
        let entropies = ["source": 0.8086, "llama-chat-T1.0": 0.0681, "vicuna-T1.0": 0.2975, "llama-base-T1.2": 0.7358, "llama-chat-T0.5": 0.0254]
        for (side, expected) in entropies {
            let value = outcome.side(side)?.meanItemEntropy.value
            #expect(Self.fourDecimals(value, expected), "\(side): mean entropy \(value ?? .nan)")
        }
        // Mean |Δ per-book positive share| over shared books — README: 0.326, 0.335, 0.279, 0.186.
        let deltas = ["llama-chat-T1.0": 0.3263, "llama-chat-T0.5": 0.3352, "vicuna-T1.0": 0.2795, "llama-base-T1.2": 0.1861]
        for (side, expected) in deltas {
            let value = outcome.comparison(side)?.meanAbsoluteDelta.value
            #expect(Self.fourDecimals(value, expected), "\(side): mean |Δ| \(value ?? .nan)")
        }
        #expect(outcome.side("source")?.items == 742)
        #expect(outcome.side("source")?.texts == 7_420)
        #expect(outcome.comparisons.map(\.sharedItems) == [742, 742, 742, 742])
        #expect(outcome.sides.filter { $0.name != "source" }.map(\.items) == [750, 750, 750, 750])
    }

    @Test("every side and comparison equals the pandas/numpy/scipy oracle")
    func oracle() async throws {
        let outcome = try await Self.outcome()
        let sides = MonocultureOracle.gemo["sides"] as! [String: [String: Any]]
        let comparisons = MonocultureOracle.gemo["comparisons"] as! [String: [String: Any]]
        for name in ["source"] + Self.names {
            let file = name == "source" ? Self.source : Self.files[name]!
            let expected = try #require(sides[file])
            let side = try #require(outcome.side(name))
            #expect(side.items == expected["books"] as? Int)
            #expect(side.texts == expected["labels"] as? Int)
            #expect(side.histogram == expected["histogram"] as? [Int], "\(name)")
            for (actual, key) in [
                (side.positiveShare.value, "pooled_positive_share"), (side.meanItemPositiveShare, "mean_book_share"),
                (side.meanItemStandardDeviation, "mean_book_sd"), (side.meanItemEntropy.value, "mean_book_entropy"),
            ] {
                let value = expected[key] as! Double
                #expect(abs(actual - value) <= 1e-12 * max(1, abs(value)), "\(name) \(key): \(actual) vs \(value)")
            }
            // Intervals bracket their estimates.
            #expect(side.positiveShare.lower <= side.positiveShare.value && side.positiveShare.value <= side.positiveShare.upper)
            guard name != "source" else { continue }
            let c = try #require(outcome.comparison(name))
            let oracle = try #require(comparisons[file])
            #expect(c.sharedItems == oracle["shared_books"] as? Int)
            #expect(abs(c.meanAbsoluteDelta.value - (oracle["mean_abs_delta"] as! Double)) < 1e-12, "\(name) |Δ|")
            #expect(abs(c.wasserstein.value - (oracle["wasserstein"] as! Double)) < 1e-12, "\(name) W1")
            #expect(c.compoundWasserstein == nil && c.topicEntropyDifference == nil, "labels have no compound or topics")
        }
    }
}
