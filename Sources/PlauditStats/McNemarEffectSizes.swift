/// Effect sizes for McNemar's test on the discordant counts of paired binary outcomes: `b`
/// pairs went from the first outcome to the second, `c` the other way.
///
/// Both are functions of the discordant pairs only, like the test itself. With no discordant
/// pair there is no effect to measure and both are `nil`.
public enum McNemarEffectSizes {
    /// The conditional (paired) odds ratio `b / c`: above 1 when more pairs moved first → second.
    ///
    /// Zero cells: when `b` or `c` is 0 (but not both), ½ is added to each (Haldane–Anscombe),
    /// `(b + ½) / (c + ½)`, so the ratio stays finite and keeps its direction; `nil` when both
    /// are 0 or a count is negative. (The warm-models study reports ∞ for `c = 0`.)
    public static func oddsRatio(b: Int, c: Int) -> Double? {
        guard b >= 0, c >= 0, b + c > 0 else { return nil }
        if b == 0 || c == 0 { return (Double(b) + 0.5) / (Double(c) + 0.5) }
        return Double(b) / Double(c)
    }

    /// Cohen's g (Cohen 1988, §7): the share of discordant pairs in the more common direction
    /// minus one half, `max(b, c) / (b + c) − ½`, in [0, ½]; 0.05, 0.15 and 0.25 are Cohen's
    /// small, medium and large. `nil` without discordant pairs or with a negative count.
    ///
    /// Not the column the warm-models study's script labels "Cohen's g", which is
    /// `|b − c| / √(b + c)`, the square root of McNemar's χ² without continuity correction.
    public static func cohensG(b: Int, c: Int) -> Double? {
        guard b >= 0, c >= 0, b + c > 0 else { return nil }
        return Double(max(b, c)) / Double(b + c) - 0.5
    }
}
