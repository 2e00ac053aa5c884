import Foundation

/// An age on the command line: a whole number and a unit, `90s`, `90m`, `12h`, `30d` or `2w`.
struct CacheAge: Equatable {
    let seconds: TimeInterval
    let text: String

    private static let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]

    /// Nil when `text` is not a positive whole number followed by one of the units.
    init?(_ text: String) {
        guard let unit = text.last, let scale = Self.units[unit], let count = Int(text.dropLast()), count > 0 else {
            return nil
        }
        self.seconds = TimeInterval(count) * scale
        self.text = text
    }
}
