import Foundation
import PlauditCore
import PlauditStats

/// Seeded simulated datasets with a planted under-reward effect.
///
/// Each prompt has 10 responses: a modal cluster of 5, two atypical clusters of 2 and one
/// invalid response. Every response has a latent quality q ~ N(0, 0.5²) and five human
/// ratings q + N(0, 0.3²). The scorer `sim` gives q + N(0, 1) − δ for atypical responses, so
/// δ is in units of the scorer's noise SD and the expected raw-score gap is −δ.
struct SimulatedAuditData {
    let prompts: Int
    let delta: Double
    let seed: UInt64
    /// Pad texts with a random number of words, so length varies within prompts.
    var varyLength = true

    static let scorer = "sim"

    func make() -> (dataset: Dataset, embedder: TableEmbedder) {
        var rng = SeededGenerator(seed: seed)
        var items: [Item] = []
        var table: [String: [Float]] = [:]
        let clusterOf = [0, 0, 0, 0, 0, 1, 1, 2, 2, 3]
        for p in 0..<prompts {
            var responses: [Response] = []
            for (j, cluster) in clusterOf.enumerated() {
                let quality = 0.5 * rng.normal()
                let ratings = (0..<5).map { _ in quality + 0.3 * rng.normal() }
                let atypical = cluster == 1 || cluster == 2
                let score = quality + rng.normal() - (atypical ? delta : 0)
                let padding = varyLength ? Int(rng.next() % 12) : 0
                let text = "prompt \(p) response \(j)" + String(repeating: " word", count: padding)
                responses.append(
                    Response(
                        id: "r\(j)", text: text, valid: cluster != 3, humanRatings: ratings, scores: [Self.scorer: score],
                        cluster: "c\(cluster)"
                    )
                )
                // Vectors near one axis per cluster, so typicality is highest in the modal cluster.
                var vector = [Float](repeating: 0, count: 8)
                vector[cluster] = 1
                for d in 0..<8 { vector[d] += Float(0.2 * rng.normal()) }
                table[text] = vector
            }
            items.append(Item(id: "p\(p)", prompt: .text("prompt \(p)"), category: p % 2 == 0 ? "even" : "odd", responses: responses))
        }
        return (Dataset(items: items), TableEmbedder(table: table))
    }
}

/// An embedder that looks vectors up by text: lets simulations fix the geometry.
struct TableEmbedder: Embedder {
    let table: [String: [Float]]

    var descriptor: EmbedderDescriptor { EmbedderDescriptor(name: "table", dimension: table.first?.value.count ?? 0) }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        texts.map { table[$0]! }
    }
}

extension SeededGenerator {
    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        let u1 = max(Double(next() >> 11) / Double(1 << 53), .leastNonzeroMagnitude)
        let u2 = Double(next() >> 11) / Double(1 << 53)
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
