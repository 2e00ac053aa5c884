import PlauditCore

/// A token bucket: `ratePerMinute` units flow in, at most `capacity` are stored, and each
/// request takes its cost out.
///
/// Reservation style: ``reserve(_:at:)`` always takes the cost, letting the level go negative,
/// and returns how long the caller must wait until the level is back at zero. Callers that
/// reserve one after another therefore wait in order, each behind the debt of the ones before,
/// and a cost larger than the capacity is admitted after a proportionally longer wait
/// instead of never. A pure value: time is passed in, so it is tested without a clock.
struct TokenBucket: Hashable, Sendable {
    /// Units per second.
    let rate: Double
    /// The most units stored: the largest burst sent without waiting.
    let capacity: Double
    private(set) var level: Double
    private(set) var updated: Duration

    /// A full bucket.
    /// - Parameters:
    ///   - ratePerMinute: the sustained rate; must be positive.
    ///   - capacity: the burst; `nil` means one second's worth, at least 1, so a per-minute
    ///     limit is spread over the minute rather than spent in its first instant (OpenAI
    ///     says its per-minute limits may be enforced over shorter periods).
    init(ratePerMinute: Double, capacity: Double? = nil, now: Duration) {
        rate = ratePerMinute / 60
        self.capacity = capacity ?? max(1, rate)
        level = self.capacity
        updated = now
    }

    /// Takes `cost` units at `now` and returns the wait before they may be spent.
    mutating func reserve(_ cost: Double, at now: Duration) -> Duration {
        if now > updated {
            level = min(capacity, level + (now - updated).inSeconds * rate)
            updated = now
        }
        level -= cost
        return level >= 0 ? .zero : .seconds(roundedToNanoseconds: -level / rate)
    }
}
