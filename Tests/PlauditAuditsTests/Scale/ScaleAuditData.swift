import Foundation
import PlauditCore
import PlauditStats

/// A seeded audit of many prompts with fixed clusters (`cluster` labels and vectors near one
/// axis per cluster): three scorers (fair, biased against atypical answers, blind), human
/// ratings, some invalid responses, some missing scores, four categories and one too small
/// to report. Its statistics exercise every path the audit has; its geometry does not depend
/// on any embedder's corpus.
struct ScaleAuditData {
    var prompts = 2_000
    var responses = 8
    var seed: UInt64 = 17

    static let scorers = ["blind", "biased", "fair"]

    func make() -> (dataset: Dataset, embedder: TableEmbedder) {
        var rng = SeededGenerator(seed: seed)
        var items: [Item] = []
        var table: [String: [Float]] = [:]
        for p in 0..<prompts {
            let modalSize = 3 + Int(rng.next() % 3)
            var responseList: [Response] = []
            for j in 0..<responses {
                let cluster = j < modalSize ? 0 : 1 + Int(rng.next() % 3)
                let quality = 0.5 * rng.normal()
                let ratings = (0..<3).map { _ in 5 + 2 * quality + 0.6 * rng.normal() }
                let atypical = cluster != 0
                var scores: [String: Double] = [:]
                let draws = (rng.normal(), rng.normal(), rng.normal())
                scores["fair"] = quality + draws.0
                scores["biased"] = quality + draws.1 - (atypical ? 0.3 : 0)
                scores["blind"] = draws.2
                if rng.next() % 50 == 0 { scores["fair"] = nil }
                let valid = rng.next() % 10 != 0
                let text = "prompt \(p) response \(j)" + String(repeating: " word", count: Int(rng.next() % 10))
                responseList.append(
                    Response(id: "r\(j)", text: text, valid: valid, humanRatings: ratings, scores: scores, cluster: "c\(cluster)"))
                var vector = [Float](repeating: 0, count: 6)
                vector[cluster] = 1
                for d in 0..<6 { vector[d] += Float(0.25 * rng.normal()) }
                table[text] = vector
            }
            let category = p < 5 ? "rare" : ["a", "b", "c", "d"][p % 4]
            items.append(Item(id: "p\(p)", prompt: .text("prompt \(p)"), category: category, responses: responseList))
        }
        return (Dataset(items: items), TableEmbedder(table: table))
    }
}
