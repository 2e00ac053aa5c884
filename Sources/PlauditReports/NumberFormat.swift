import Foundation
import PlauditCore

/// How numbers appear in reports: fixed decimals, a real minus sign never lost, and `—` for
/// what was not computed.
enum NumberFormat {
    static func fixed(_ value: Double?, _ digits: Int = 3) -> String {
        guard let value else { return "—" }
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        let text = String(format: "%.\(digits)f", value)
        return text == "-" + String(format: "%.\(digits)f", 0.0) ? String(format: "%.\(digits)f", 0.0) : text
    }

    /// `value [lower, upper]`.
    static func interval(_ estimate: Estimate?, _ digits: Int = 3) -> String {
        guard let estimate else { return "—" }
        return "\(fixed(estimate.value, digits)) [\(fixed(estimate.lower, digits)), \(fixed(estimate.upper, digits))]"
    }

    /// p-values: three significant digits, `<0.001` below that.
    static func p(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value < 0.001 ? "<0.001" : String(format: "%.3f", value)
    }
}
