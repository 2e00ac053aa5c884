import Crypto
public import Foundation

/// Makes the ``CacheKey``s of many requests to one model quickly: the same keys as
/// ``CacheKey/init(backendKind:baseURL:model:request:rubricSHA256:)``, but the parts every
/// request shares (backend kind, base URL without credentials, model) are hashed once, and the
/// credentials are removed from the URL once, not per key.
///
/// A collector makes one key per response before it can look anything up, so this cost is paid
/// in full before the first request of a cold run and on every fully cached rerun.
public struct CacheKeyHasher: Sendable {
    /// The SHA-256 state after the shared leading parts.
    private let prefix: SHA256
    /// The rubric hash, length-prefixed: the part after the request.
    private let suffix: Data

    public init(backendKind: String, baseURL: String, model: String, rubricSHA256: String = "") {
        var hasher = SHA256()
        for part in [Data(backendKind.utf8), Data(URLCredentials.removing(from: baseURL).utf8), Data(model.utf8)] {
            Self.update(&hasher, lengthPrefixed: part)
        }
        prefix = hasher
        var suffix = Data()
        Self.append(length: rubricSHA256.utf8.count, to: &suffix)
        suffix.append(contentsOf: rubricSHA256.utf8)
        self.suffix = suffix
    }

    /// The key of one canonical request (the bytes ``CacheKey`` would be given).
    public func key(request: some ContiguousBytes) -> CacheKey {
        var hasher = prefix
        request.withUnsafeBytes { bytes in
            var length = UInt64(bytes.count).littleEndian
            withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
            hasher.update(bufferPointer: bytes)
        }
        suffix.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return CacheKey(hex: SHA256Hex.hex(of: hasher.finalize()))
    }

    private static func update(_ hasher: inout SHA256, lengthPrefixed part: Data) {
        var bytes = Data()
        append(length: part.count, to: &bytes)
        bytes.append(part)
        hasher.update(data: bytes)
    }

    private static func append(length: Int, to data: inout Data) {
        var length = UInt64(length).littleEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
    }
}
