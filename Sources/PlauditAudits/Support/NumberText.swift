import Foundation

/// Numbers in notes: fixed decimals.
enum NumberText {
    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
