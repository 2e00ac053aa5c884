public import Foundation

/// The identity of one answer in the response cache: a SHA-256 over everything that decides
/// the answer and nothing that does not.
///
/// The parts are the backend kind, the base URL without credentials (so a key rotation or a
/// `user:password@` never changes or leaks into a key), the model, the canonical request and
/// the rubric hash. Each part is length-prefixed before hashing, so no two different part
/// lists can give the same byte stream.
public struct CacheKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 64 lower-case hexadecimal characters.
    public let hex: String

    /// A key from its stored hexadecimal form.
    public init(hex: String) {
        self.hex = hex
    }

    /// - Parameters:
    ///   - backendKind: for example `vllm`, `openai`, `llama.cpp`.
    ///   - baseURL: the backend's (first) base URL; credentials are removed here.
    ///   - model: the served model name, or empty.
    ///   - request: the canonical request bytes (JSON with sorted keys).
    ///   - rubricSHA256: the rubric's hash when a rubric shaped the request, else empty.
    ///
    /// Many keys for one model are made faster by a ``CacheKeyHasher``, which gives the same keys.
    public init(backendKind: String, baseURL: String, model: String, request: Data, rubricSHA256: String = "") {
        self.hex = Self.digest(
            of: [Data(backendKind.utf8), Data(URLCredentials.removing(from: baseURL).utf8), Data(model.utf8), request, Data(rubricSHA256.utf8)])
    }

    /// SHA-256 over `parts`, each prefixed with its length (8 bytes, little-endian).
    static func digest(of parts: [Data]) -> String {
        var bytes = Data()
        for part in parts {
            var length = UInt64(part.count).littleEndian
            withUnsafeBytes(of: &length) { bytes.append(contentsOf: $0) }
            bytes.append(part)
        }
        return SHA256Hex.digest(of: bytes)
    }

    public var description: String { hex }

    public static func < (lhs: CacheKey, rhs: CacheKey) -> Bool { lhs.hex < rhs.hex }
}
