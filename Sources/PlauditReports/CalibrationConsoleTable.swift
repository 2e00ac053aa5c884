public import PlauditCore
import Foundation

/// The short summary printed on standard output: one line per scorer.
public enum CalibrationConsoleTable {
    public static func render(_ results: CalibrationResults) -> String {
        let header = ["scorer", "G [95% CI]", "U [95% CI]", "gamma [95% CI]", "pairs", "flag"]
        var rows = [header]
        for result in results.scorers {
            let e = result.overall
            rows.append([
                result.scorer.name, NumberFormat.interval(e?.gap, 2), NumberFormat.interval(e?.underRewardRate, 2),
                NumberFormat.interval(e?.typicalitySlope, 2), e.map { String($0.pairs) } ?? "0",
                e.map { $0.flagged ? "UNDER-REWARDS" : "ok" } ?? "no pairs",
            ])
        }
        return TextTable.render(rows)
    }
}
