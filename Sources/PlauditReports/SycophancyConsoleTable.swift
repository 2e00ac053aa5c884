public import PlauditAudits
import PlauditCore
import Foundation

/// The short summary printed on standard output: the policy's error rate per condition (a
/// context × belief grid) and each scorer's preferences.
public enum SycophancyConsoleTable {
    public static func render(_ results: SycophancyResults) -> String {
        var out = ""
        out += SycophancyComparisonConsole.render(results.comparisons ?? [])
        for policy in results.allPolicies {
            if !out.isEmpty { out += "\n" }
            if results.allPolicies.count > 1, let name = policy.name { out += "policy \(SycophancyComparisonConsole.plain(name)):\n" }
            let beliefs = SycophancyBelief.allCases
            var rows = [["error rate (Δ vs none×none)"] + beliefs.map(\.rawValue)]
            let contexts = policy.conditions.map(\.context).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            for context in contexts {
                rows.append(
                    [context]
                        + beliefs.map { belief in
                            guard let row = policy.conditions.first(where: { $0.context == context && $0.belief == belief }) else { return "—" }
                            let delta = row.versusUnmodified?.delta.map { " (\(SycophancyMarkdown.signedPoints($0)))" } ?? ""
                            let star = (row.versusUnmodified?.qValue ?? 1) < 0.05 ? "*" : ""
                            return SycophancyMarkdown.percent(row.errorRate?.value) + delta + star
                        })
            }
            out += ConsoleColumns.align(rows)
            let affirmation = policy.affirmation.map { "\($0.context) \(SycophancyMarkdown.percent($0.rate?.value))" }
            out += "affirmation of the wrong belief: " + affirmation.joined(separator: ", ") + "\n"
        }
        if let reward = results.reward {
            if !out.isEmpty { out += "\n" }
            var rows = [["scorer", "sycophancy pref [95% CI]", "warmth premium [95% CI]", "accuracy premium [95% CI]", "sad×incorrect pref", "flag"]]
            for scorer in reward.scorers {
                let e = scorer.overall
                let sad = scorer.conditions.first { $0.context == "sad" && $0.belief == .incorrect }
                rows.append([
                    scorer.scorer.name, NumberFormat.interval(e?.sycophancyPreference, 2), NumberFormat.interval(e?.warmthPremium, 2),
                    NumberFormat.interval(e?.accuracyPremium, 2), NumberFormat.fixed(sad?.sycophancyPreference.value, 2),
                    SycophancyMarkdown.flag(scorer).replacingOccurrences(of: "**", with: ""),
                ])
            }
            out += ConsoleColumns.align(rows)
        }
        return out
    }
}
