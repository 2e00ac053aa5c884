import Foundation
import PlauditCore
import PlauditStats
import PlauditTesting
import PlauditText
import Testing

@testable import PlauditAudits

/// A prompt's clusters, typicality, pairs and per-prompt gaps depend only on that prompt's
/// responses: the fixture prompts audited alone and inside a file of 2,000 other prompts built
/// from the same words give identical structures and per-prompt statistics, for the lexical
/// embedder (whose word weights once came from the whole file, so large files merged every
/// prompt's clusters into one) and for MiniLM (whose batches change with the file).
@Suite("A prompt's audit does not depend on the other prompts in the file")
struct PromptIndependenceTests {
    /// The open-ended fixtures (32 prompts with the authors' labels), scored by a scorer that
    /// under-rewards the authors' minority clusters.
    static func fixturePrompts() throws -> [Item] {
        var items = try FixtureClusteringTests.dataset().items
        for i in items.indices {
            let labels = items[i].responses.map { $0.cluster ?? "" }
            let modal = Dictionary(grouping: labels, by: { $0 }).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!.key
            for j in items[i].responses.indices {
                let text = items[i].responses[j].text
                let noise = Double(text.unicodeScalars.reduce(UInt64(7)) { ($0 &* 31 &+ UInt64($1.value)) % 1_000_003 }) / 1_000_003
                items[i].responses[j].scores = ["biased": noise - (labels[j] == modal ? 0 : 0.8)]
            }
        }
        return items
    }

    /// `count` prompts whose responses reuse the fixture's words in shuffled order, so the
    /// fixture's vocabulary is common across the file.
    static func filler(_ count: Int, from items: [Item], responses: Int, seed: UInt64) -> [Item] {
        var rng = SeededGenerator(seed: seed)
        let words = items.flatMap { $0.responses.flatMap { $0.text.split(separator: " ").map(String.init) } }
        return (0..<count).map { f in
            let answers = (0..<responses).map { j in
                let length = 4 + Int(rng.next() % 14)
                let text = (0..<length).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
                return Response(id: "r\(j)", text: text, scores: ["biased": Double(rng.next() % 1_000) / 1_000])
            }
            return Item(id: "filler-\(seed)-\(f)", prompt: .text("filler \(f)"), responses: answers)
        }
    }

    static func audit(_ items: [Item], embedder: any Embedder) async throws -> CalibrationOutcome {
        let cut = CalibrationOptions.defaultThreshold(embedder: embedder.descriptor.name)
        let options = CalibrationOptions(clustering: .agglomerative(threshold: cut), bootstrapResamples: 50, permutationResamples: 99)
        return try await withTaskExecutorPreference(DedicatedExecutor(label: "prompt-independence")) {
            try await CalibrationAudit(options: options).analyze(dataset: Dataset(items: items), embedder: embedder, live: [])
        }
    }

    static func expectSame(alone: CalibrationOutcome, inFile: CalibrationOutcome, prompts: [Item]) {
        let structures = Dictionary(uniqueKeysWithValues: inFile.prompts.map { ($0.itemID, $0) })
        let gaps = Dictionary(uniqueKeysWithValues: inFile.scorers[0].prompts.map { ($0.itemID, $0) })
        #expect(alone.prompts.count == prompts.count)
        for structure in alone.prompts {
            let other = structures[structure.itemID]
            #expect(other?.clusters == structure.clusters, "\(structure.itemID): clusters")
            #expect(other?.modalCluster == structure.modalCluster, "\(structure.itemID): modal cluster")
            #expect(other?.typicality == structure.typicality, "\(structure.itemID): typicality")
            #expect(other?.pairs == structure.pairs, "\(structure.itemID): pairs")
        }
        for gap in alone.scorers[0].prompts {
            #expect(gaps[gap.itemID] == gap, "\(gap.itemID): per-prompt gap")
        }
    }

    @Test("lexical embedder: the fixture prompts alone and among 2,000 others")
    func lexical() async throws {
        let prompts = try Self.fixturePrompts()
        let alone = try await Self.audit(prompts, embedder: LexicalEmbedder())
        let inFile = try await Self.audit(Self.filler(1_000, from: prompts, responses: 8, seed: 1) + prompts + Self.filler(1_000, from: prompts, responses: 8, seed: 2), embedder: LexicalEmbedder())
        Self.expectSame(alone: alone, inFile: inFile, prompts: prompts)
        // The fixture's prompts do split: most have an atypical–modal pair, and the scorer's gap shows.
        let withPairs = alone.prompts.filter { !$0.pairs.isEmpty }.count
        #expect(withPairs >= 25, "\(withPairs) prompts with pairs")
        #expect(alone.scorers[0].overall?.flagged == true)
    }

    @Test(
        "MiniLM: the fixture prompts alone and among 2,000 others",
        .enabled(if: MiniLMLocation.available || MiniLMLocation.required, "MiniLM not installed; run `plaudit assets install`"))
    func miniLM() async throws {
        let embedder = try MiniLMEmbedder(directory: MiniLMLocation.directory)
        let prompts = try Self.fixturePrompts()
        let alone = try await Self.audit(prompts, embedder: embedder)
        // Short fillers keep the test quick; what matters is that the texts around each prompt change.
        let inFile = try await Self.audit(Self.filler(1_000, from: prompts, responses: 2, seed: 1) + prompts + Self.filler(1_000, from: prompts, responses: 2, seed: 2), embedder: embedder)
        Self.expectSame(alone: alone, inFile: inFile, prompts: prompts)
        #expect(alone.prompts.filter { !$0.pairs.isEmpty }.count >= 25)
    }
}
