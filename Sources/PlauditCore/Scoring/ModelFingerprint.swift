import Foundation

/// A short digest of the model actually answering at a backend: its start-up probe's scores,
/// the metadata its server reports, or a pinned file's SHA-256. It joins a scorer's cache
/// identity, so a model replaced under the same URL and name starts a new cache namespace
/// instead of inheriting the old model's answers.
///
/// Numbers are rounded to a few significant digits before hashing (``rounded(_:)``), so that
/// GPU nondeterminism in the last bits does not start a new namespace on every run while a real
/// change (a score of 1.82 becoming 2.32) does.
public struct ModelFingerprint: Hashable, Sendable, CustomStringConvertible {
    /// 16 lower-case hexadecimal characters: the start of the SHA-256 of the parts.
    public let hex: String

    /// A fingerprint of `parts`, in order (each a `name=value` text, for example
    /// `probe.good=1.82` or `max_model_len=4096`).
    public init(parts: [String]) {
        let canonical = parts.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        hex = String(SHA256Hex.digest(of: canonical).prefix(16))
    }

    /// A fingerprint already computed, from its stored form.
    public init(hex: String) {
        self.hex = hex
    }

    /// `value` with 4 significant digits (`%.4g`): the form in which numbers enter a fingerprint.
    public static func rounded(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        // -0 and 0 are the same answer.
        let text = String(format: "%.4g", value)
        return text == "-0" ? "0" : text
    }

    public var description: String { hex }
}
