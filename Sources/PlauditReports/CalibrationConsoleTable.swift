public import PlauditAudits
import PlauditCore
import Foundation

/// The short summary printed on standard output: one line per scorer.
public enum CalibrationConsoleTable {
    public static func render(_ results: CalibrationResults) -> String {
        let header = ["scorer", "G [95% CI]", "U [95% CI]", "gamma [95% CI]", "pairs", "MDE |G|", "verdict"]
        var rows = [header]
        for result in results.scorers {
            let e = result.overall
            rows.append([
                result.scorer.name, NumberFormat.interval(e?.gap, 2), NumberFormat.interval(e?.underRewardRate, 2),
                NumberFormat.interval(e?.typicalitySlope, 2), e.map { String($0.pairs) } ?? "0",
                e?.power.map { NumberFormat.fixed($0.minimumDetectableGap, 2) } ?? "—",
                result.verdict?.label ?? "no pairs",
            ])
        }
        // Only pairwise judges in this run: no empty pointwise table.
        var out = results.scorers.isEmpty && !results.pairwiseJudges.isEmpty ? "" : ConsoleColumns.align(rows)
        if !results.pairwiseJudges.isEmpty {
            var judges = [["pairwise judge", "U [95% CI]", "first position [95% CI]", "flips [95% CI]", "McNemar p", "pairs", "flag"]]
            for judge in results.pairwiseJudges {
                judges.append([
                    judge.scorer.name, NumberFormat.interval(judge.underRewardRate, 2), NumberFormat.interval(judge.firstPositionRate, 2),
                    NumberFormat.interval(judge.flipRate, 2), NumberFormat.p(judge.positionTest.pValue), String(judge.pairs),
                    judge.underRewardRate == nil ? "no pairs" : (judge.flagged ? "UNDER-REWARDS" : "ok"),
                ])
            }
            out += (out.isEmpty ? "" : "\n") + ConsoleColumns.align(judges)
        }
        return out
    }
}
