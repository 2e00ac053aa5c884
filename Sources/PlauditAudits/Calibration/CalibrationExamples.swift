import PlauditCore

/// Chooses the example pairs a report shows.
enum CalibrationExamples {
    /// The quality-matched pair with the lowest score(atypical) − score(modal) for one scorer,
    /// first such pair on ties; `nil` when the scorer scored no pair.
    static func worstPair(scorer: String, scores: [[Double?]], items: [Item], structures: [PromptStructure]) -> CalibrationExample? {
        let index = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.id, $0) })
        var worst: (difference: Double, item: Int, pair: PromptStructure.Pair)?
        for structure in structures {
            guard let i = index[structure.itemID], i < scores.count else { continue }
            for pair in structure.pairs {
                guard let a = scores[i][pair.atypical], let m = scores[i][pair.modal] else { continue }
                if worst == nil || a - m < worst!.difference { worst = (a - m, i, pair) }
            }
        }
        guard let worst else { return nil }
        let item = items[worst.item]
        func side(_ j: Int) -> CalibrationExample.Side {
            CalibrationExample.Side(responseID: item.responses[j].id, text: item.responses[j].text, score: scores[worst.item][j]!)
        }
        return CalibrationExample(
            scorer: scorer, itemID: item.id, prompt: item.prompt.text, modal: side(worst.pair.modal), atypical: side(worst.pair.atypical)
        )
    }
}
