extension Duration {
    /// The duration in seconds, for timings, rates and ETAs.
    public var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
