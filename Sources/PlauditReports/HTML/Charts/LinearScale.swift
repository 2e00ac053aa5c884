import Foundation

/// Maps a data interval onto a pixel interval, with round tick values for the axis.
struct LinearScale {
    let lower: Double
    let upper: Double
    let start: Double
    let end: Double

    /// A scale covering `values` (finite ones), widened to round numbers and always
    /// containing `including` (a reference line such as 0 or 0.5).
    init(covering values: [Double], including: [Double] = [], start: Double, end: Double) {
        let finite = (values + including).filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if high - low < 1e-12 {
            low -= 0.5
            high += 0.5
        }
        let step = Self.step(for: high - low)
        self.lower = (low / step).rounded(.down) * step
        self.upper = (high / step).rounded(.up) * step
        self.start = start
        self.end = end
    }

    init(lower: Double, upper: Double, start: Double, end: Double) {
        self.lower = lower
        self.upper = upper
        self.start = start
        self.end = end
    }

    func callAsFunction(_ value: Double) -> Double {
        let clamped = min(max(value, lower), upper)
        return start + (clamped - lower) / (upper - lower) * (end - start)
    }

    /// About five round values from `lower` to `upper`.
    var ticks: [Double] {
        let step = Self.step(for: upper - lower)
        var out: [Double] = []
        var value = (lower / step).rounded(.up) * step
        while value <= upper + step * 1e-9 {
            out.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return out
    }

    /// 1, 2 or 5 × 10^k, giving four to ten intervals over `span`.
    static func step(for span: Double) -> Double {
        let raw = span / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction < 1.5 ? 1 : (fraction < 3.5 ? 2 : (fraction < 7.5 ? 5 : 10))
        return nice * magnitude
    }

    /// A tick label with as many decimals as the step needs.
    func label(_ value: Double) -> String {
        let step = Self.step(for: upper - lower)
        let digits = max(0, min(4, Int((-log10(step)).rounded(.up))))
        return NumberFormat.fixed(value, digits)
    }
}
