public import PlauditCore

/// The under-rewarded pairs of an audit as preference data: what a team can train or
/// fine-tune a reward model on to close the gap the audit found.
public enum PreferencePairExport {
    /// Why no pairs can be exported.
    public struct NotQualityMatched: Error, CustomStringConvertible {
        public var description: String {
            "--export-pairs: the pairs are not quality-matched (no human ratings and no --quality judge), so an atypical answer is not "
                + "known to be as good as the modal one it lost to; no preference pairs were written. Add human ratings or --quality JUDGE."
        }
    }

    /// Every quality-matched valid pair some scorer scored atypical < modal, one line per
    /// (scorer, pair), scorers in results order, then prompts and pairs in audit order.
    /// - Parameter scored: the data the audit ran on, for the texts.
    /// - Throws: ``NotQualityMatched`` when the audit had no quality to match pairs on.
    public static func pairs(_ results: CalibrationResults, scored: Dataset) throws -> [PreferencePair] {
        guard !results.qualitySource.hasPrefix("none") else { throw NotQualityMatched() }
        let items = Dictionary(scored.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var out: [PreferencePair] = []
        for scorer in results.scorers.map(\.scorer.name) {
            for structure in results.prompts {
                guard let item = items[structure.itemID], let scores = structure.scores[scorer] else { continue }
                for pair in structure.pairs {
                    guard pair.atypical < scores.count, pair.modal < scores.count,
                        let a = scores[pair.atypical], let m = scores[pair.modal], a < m
                    else { continue }
                    let (chosen, rejected) = (item.responses[pair.atypical], item.responses[pair.modal])
                    out.append(
                        PreferencePair(
                            prompt: item.prompt.text, chosen: chosen.text, rejected: rejected.text, scorer: scorer, chosenScore: a, rejectedScore: m,
                            itemID: item.id, category: item.category, chosenResponseID: chosen.id, rejectedResponseID: rejected.id))
                }
            }
        }
        return out
    }
}
