import PlauditCore

/// Turns the alternatives a server returned for one token position into the order
/// ``TokenLogprobs/top`` promises: highest log-probability first.
///
/// Servers do not agree on the order: vLLM lists the sampled token first, whatever its rank
/// (research/serving_apis.md §3.2), and the legacy completions shape is a JSON object with no
/// order at all. OpenAI and vLLM write `-9999.0` for "not in the top N"; those entries, and any
/// non-finite value, carry no information and are dropped.
enum TopLogprobs {
    /// The floor servers clamp to; entries at or below it are dropped.
    static let floor = -9999.0

    /// `candidates` without the floor entries, sorted by log-probability (highest first); ties
    /// keep the server's order.
    static func normalized(_ candidates: [TokenLogprob]) -> [TokenLogprob] {
        candidates.enumerated()
            .filter { $0.element.logprob.isFinite && $0.element.logprob > floor }
            .sorted { a, b in
                a.element.logprob != b.element.logprob ? a.element.logprob > b.element.logprob : a.offset < b.offset
            }
            .map(\.element)
    }
}
