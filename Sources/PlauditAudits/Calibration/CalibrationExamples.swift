import PlauditCore

/// Chooses the example pairs a report shows.
enum CalibrationExamples {
    /// The `count` quality-matched pairs with the lowest score(atypical) − score(modal) for one
    /// scorer, worst first (prompt and pair order on ties); empty when the scorer scored no pair.
    static func worstPairs(scorer: String, scores: [[Double?]], items: [Item], structures: [PromptStructure], count: Int) -> [CalibrationExample] {
        let index = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.id, $0) })
        var candidates: [(difference: Double, item: Int, pair: PromptStructure.Pair)] = []
        for structure in structures {
            guard let i = index[structure.itemID], i < scores.count else { continue }
            for pair in structure.pairs {
                guard let a = scores[i][pair.atypical], let m = scores[i][pair.modal] else { continue }
                candidates.append((a - m, i, pair))
            }
        }
        let order = candidates.indices.sorted {
            candidates[$0].difference != candidates[$1].difference ? candidates[$0].difference < candidates[$1].difference : $0 < $1
        }
        return order.prefix(max(count, 0)).map { position in
            let chosen = candidates[position]
            let item = items[chosen.item]
            func side(_ j: Int) -> CalibrationExample.Side {
                CalibrationExample.Side(responseID: item.responses[j].id, text: item.responses[j].text, score: scores[chosen.item][j]!)
            }
            return CalibrationExample(
                scorer: scorer, itemID: item.id, prompt: item.prompt.text, modal: side(chosen.pair.modal), atypical: side(chosen.pair.atypical))
        }
    }
}
