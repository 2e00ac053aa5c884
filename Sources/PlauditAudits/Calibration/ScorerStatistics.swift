import PlauditCore

/// One scorer's gap statistics, overall and per category, and its discrimination, from the
/// prompts' structures: what the audit computes per scorer, independent of the other scorers
/// (so scorers can be analysed in parallel).
struct ScorerStatistics: Sendable {
    let options: CalibrationOptions
    let items: [Item]
    let itemIndex: [String: Int]
    let structures: [PromptStructure]
    /// Whether pairs and the typicality regression use quality (every valid response has one).
    let useQuality: Bool
    let qualities: [String: [Double?]]

    /// - Parameters:
    ///   - scores: the scorer's score per item (in `items` order) and response.
    ///   - failed: responses it could not score.
    func result(descriptor: ScorerDescriptor, scores: [[Double?]], failed: Int) -> ScorerResult {
        var samples: [(category: String?, sample: PromptSample)] = []
        var contributing: [String] = []
        for structure in structures {
            let i = itemIndex[structure.itemID]!
            if let sample = PromptSample(structure: structure, item: items[i], scores: scores[i], useQuality: useQuality, quality: qualities[structure.itemID]) {
                samples.append((structure.category, sample))
                contributing.append(structure.itemID)
            }
        }
        let overall = GapStatistics(options: options, stream: CalibrationAudit.stream(descriptor.name, nil))
            .estimates(samples.map(\.sample))
        var categories: [String: GapEstimates] = [:]
        var smallCategories: [String: Int] = [:]
        let byCategory = Dictionary(grouping: samples.filter { $0.category != nil }, by: { $0.category! })
        for (category, members) in byCategory {
            guard members.count >= options.minimumCategoryPrompts else {
                smallCategories[category] = members.count
                continue
            }
            categories[category] = GapStatistics(options: options, stream: CalibrationAudit.stream(descriptor.name, category))
                .estimates(members.map(\.sample))
        }
        let discrimination = DiscriminationStatistics(options: options, stream: CalibrationAudit.stream(descriptor.name, nil))
            .measure(structures: structures, items: items, itemIndex: itemIndex, scores: scores)
        let scored = scores.reduce(0) { $0 + $1.compactMap { $0 }.count }
        let prompts = zip(contributing, samples).map { id, entry in
            PromptGap(
                itemID: id, category: entry.category, pairs: entry.sample.pairs, gap: entry.sample.gap,
                rawGap: entry.sample.rawGap, underReward: entry.sample.underReward
            )
        }
        return ScorerResult(
            scorer: descriptor, scored: scored, failed: failed, overall: overall, categories: categories, prompts: prompts,
            discrimination: discrimination, smallCategories: smallCategories)
    }
}
