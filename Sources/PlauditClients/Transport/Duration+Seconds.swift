/// Conversions between `Duration` and seconds as `Double`, used where waits are computed from
/// rates and header values.
extension Duration {
    /// `seconds` rounded to the nearest nanosecond, so computed waits compare equal to the
    /// durations they are meant to be (0.1 s is not exact in binary).
    static func seconds(roundedToNanoseconds seconds: Double) -> Duration {
        .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    /// The duration in seconds.
    var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
