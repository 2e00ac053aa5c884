import Foundation
import PlauditCore
import PlauditStats

/// Seeded datasets scored by five planted scorers at once, for the verdicts that need invalid
/// answers (BLIND, PREFERS-INVALID) and for paired scorer comparisons.
///
/// Each prompt has 12 responses: a modal cluster of 5, two atypical clusters of 2, and 3 invalid
/// responses. Valid responses have latent quality q ~ N(0, 0.5²), invalid ones q ~ N(−1.5, 0.5²).
/// No human ratings: discrimination is read from the valid flags alone, and every atypical–modal
/// pair counts. Every scorer has its own N(0, 1) noise:
/// - `fair`, `fair2`: q + noise;
/// - `biased`: q + noise − δ on atypical responses;
/// - `noise`: noise only (cannot tell valid from invalid);
/// - `inverted`: q + noise + 3 on invalid responses (prefers them).
struct PlantedScorersData {
    let prompts: Int
    let delta: Double
    let seed: UInt64

    static let scorers = ["fair", "fair2", "biased", "noise", "inverted"]

    func make() -> (dataset: Dataset, embedder: TableEmbedder) {
        var rng = SeededGenerator(seed: seed)
        var items: [Item] = []
        var table: [String: [Float]] = [:]
        let clusterOf = [0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 3]
        for p in 0..<prompts {
            var responses: [Response] = []
            for (j, cluster) in clusterOf.enumerated() {
                let invalid = cluster == 3
                let atypical = cluster == 1 || cluster == 2
                let quality = (invalid ? -1.5 : 0) + 0.5 * rng.normal()
                let scores: [String: Double] = [
                    "fair": quality + rng.normal(),
                    "fair2": quality + rng.normal(),
                    "biased": quality + rng.normal() - (atypical ? delta : 0),
                    "noise": rng.normal(),
                    "inverted": quality + rng.normal() + (invalid ? 3 : 0),
                ]
                let text = "prompt \(p) response \(j)" + String(repeating: " word", count: Int(rng.next() % 12))
                responses.append(
                    Response(id: "r\(j)", text: text, valid: !invalid, scores: scores, cluster: "c\(cluster)"))
                var vector = [Float](repeating: 0, count: 8)
                vector[cluster] = 1
                for d in 0..<8 { vector[d] += Float(0.2 * rng.normal()) }
                table[text] = vector
            }
            items.append(Item(id: "p\(p)", prompt: .text("prompt \(p)"), responses: responses))
        }
        return (Dataset(items: items), TableEmbedder(table: table))
    }
}
