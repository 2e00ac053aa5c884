/// Splits a text into words for word-frequency statistics (an audit's wording attribute:
/// vocabulary size, word entropy, frequency-vector cosine).
///
/// Contract: pure; the same text always gives the same words, in order.
public protocol WordTokenizer: Sendable {
    /// Name and rules, for manifests.
    var name: String { get }
    func words(in text: String) -> [String]
}
