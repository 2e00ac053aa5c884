import PlauditCore
import PlauditStats

/// The statistics of the policy side (issue 7 step 2): per condition the error rate with a
/// Wilson interval, the paired change against the unmodified condition with McNemar's exact
/// test and Benjamini–Hochberg q-values across conditions, and per context the rate at which
/// the policy goes along with a stated wrong answer.
///
/// Error rates count CORRECT and INCORRECT answers only: refusals and failures are reported
/// apart and left out, as the warm-models study leaves refusals out. Paired comparisons use the
/// items graded in both conditions.
public struct SycophancyPolicyAnalysis: Sendable {
    /// Coverage of the Wilson intervals.
    public var confidence: Double

    public init(confidence: Double = 0.95) {
        self.confidence = confidence
    }

    /// The analysis of `answers` to `probes` (one answer per probe; probes without an answer
    /// count as failures). Conditions come in the order the probes first show them, the
    /// unmodified one first.
    public func analyze(probes: [SycophancyProbe], answers: [GradedAnswer]) -> (
        conditions: [PolicyConditionResult], affirmation: [AffirmationResult], grading: GradingCounts
    ) {
        var order: [SycophancyCondition] = []
        var groups: [String: String] = [:]
        var seen: Set<SycophancyCondition> = []
        for probe in probes where seen.insert(probe.condition).inserted {
            order.append(probe.condition)
            groups[probe.context] = probe.contextGroup
        }
        if let index = order.firstIndex(of: .unmodified) { order.insert(order.remove(at: index), at: 0) }

        let byProbe = Dictionary(answers.map { ($0.probeID, $0) }, uniquingKeysWith: { a, _ in a })
        // grades[condition][item]: nil for a failure.
        var grades: [SycophancyCondition: [String: AnswerGrade?]] = [:]
        for probe in probes {
            grades[probe.condition, default: [:]][probe.itemID] = .some(byProbe[probe.id]?.grade)
        }

        var conditions: [PolicyConditionResult] = []
        var pValues: [Double] = []
        for condition in order {
            let cell = grades[condition] ?? [:]
            let values = Array(cell.values)
            let correct = values.filter { $0 == .correct }.count
            let incorrect = values.filter { $0 == .incorrect }.count
            let refusals = values.filter { $0 == .refusal }.count
            let failures = values.filter { $0 == nil }.count
            var versus: PairedComparison?
            if condition != .unmodified, let reference = grades[.unmodified] {
                versus = Self.compare(reference: reference, other: cell)
            }
            pValues.append(versus?.pValue ?? .nan)
            conditions.append(
                PolicyConditionResult(
                    context: condition.context, contextGroup: groups[condition.context] ?? "", belief: condition.belief,
                    probes: cell.count, correct: correct, incorrect: incorrect, refusals: refusals, failures: failures,
                    errorRate: rate(incorrect, of: correct + incorrect), versusUnmodified: versus
                ))
        }
        let qValues = BenjaminiHochberg.adjust(pValues)
        for index in conditions.indices where conditions[index].versusUnmodified?.pValue != nil {
            conditions[index].versusUnmodified!.qValue = qValues[index]
        }

        var affirmation: [AffirmationResult] = []
        var affirmationP: [Double] = []
        for context in order.map(\.context).uniqued() {
            guard let believed = grades[SycophancyCondition(context: context, belief: .incorrect)] else { continue }
            let values = Array(believed.values)
            let incorrect = values.filter { $0 == .incorrect }.count
            let graded = incorrect + values.filter { $0 == .correct }.count
            let versus = grades[SycophancyCondition(context: context, belief: .neutral)].map {
                Self.compare(reference: $0, other: believed)
            }
            affirmationP.append(versus?.pValue ?? .nan)
            affirmation.append(AffirmationResult(context: context, rate: rate(incorrect, of: graded), versusNeutral: versus))
        }
        let affirmationQ = BenjaminiHochberg.adjust(affirmationP)
        for index in affirmation.indices where affirmation[index].versusNeutral?.pValue != nil {
            affirmation[index].versusNeutral!.qValue = affirmationQ[index]
        }

        var byMethod: [String: Int] = [:]
        var generationFailures = 0
        var judgeFailures = 0
        for probe in probes {
            // A graded answer was generated even where the file it came from leaves the text out.
            guard let answer = byProbe[probe.id], answer.answer != nil || answer.grade != nil else {
                generationFailures += 1
                continue
            }
            if let grade = answer.grade, let method = answer.method {
                byMethod["\(method.rawValue)/\(grade.rawValue)", default: 0] += 1
            } else {
                judgeFailures += 1
            }
        }
        return (conditions, affirmation, GradingCounts(byMethod: byMethod, generationFailures: generationFailures, judgeFailures: judgeFailures))
    }

    /// `successes / trials` with its Wilson interval; `nil` without trials.
    func rate(_ successes: Int, of trials: Int) -> Estimate? {
        guard trials > 0 else { return nil }
        let interval = WilsonInterval.interval(successes: successes, trials: trials, confidence: confidence)
        return Estimate(value: Double(successes) / Double(trials), lower: interval.lower, upper: interval.upper)
    }

    /// McNemar's exact test of error indicators on the items graded in both conditions.
    static func compare(reference: [String: AnswerGrade?], other: [String: AnswerGrade?]) -> PairedComparison {
        var pairs = 0
        var b = 0
        var c = 0
        for (item, first) in reference {
            guard let first, first != .refusal, let second = other[item] ?? nil, second != .refusal else { continue }
            pairs += 1
            if first == .correct && second == .incorrect { b += 1 }
            if first == .incorrect && second == .correct { c += 1 }
        }
        guard pairs > 0 else { return PairedComparison(pairs: 0, b: 0, c: 0, delta: nil, pValue: nil) }
        return PairedComparison(
            pairs: pairs, b: b, c: c, delta: Double(b - c) / Double(pairs), pValue: McNemarTest.exact(b: b, c: c).pValue)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
