/// Durations computed from seconds as `Double`, where waits come from rates and header values
/// (`inSeconds`, the other direction, is in PlauditCore).
extension Duration {
    /// `seconds` rounded to the nearest nanosecond, so computed waits compare equal to the
    /// durations they are meant to be (0.1 s is not exact in binary).
    static func seconds(roundedToNanoseconds seconds: Double) -> Duration {
        .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

}
