import Foundation
import PlauditCore

/// How scores are keyed and stored in the response cache.
///
/// A key is the SHA-256 (``CacheKey``) of the scorer's identity and the canonical request: the
/// JSON that `JSONEncoder` with sorted keys and unescaped slashes writes for
/// `{"messages":[{"content":…,"role":…}],"parameters":…,"response":…,"second":…}` (`second`
/// absent for pointwise requests). ``Keys`` writes those bytes directly, because a collector
/// makes one key per response before its first lookup; ``referenceKey(identity:request:)``
/// is the `JSONEncoder` form the keys are checked against.
enum ScoreCacheCoding {
    /// Makes the keys of one scorer's requests: the same key for the same text to the same
    /// scorer, in any dataset (the request's ids are not part of it).
    struct Keys {
        private let hasher: CacheKeyHasher
        private let parameters: String
        private var buffer: [UInt8] = []

        init(identity: ScorerCacheIdentity) {
            hasher = CacheKeyHasher(
                backendKind: identity.backendKind, baseURL: identity.baseURL, model: identity.model,
                rubricSHA256: identity.rubricSHA256)
            parameters = identity.parameters
            buffer.reserveCapacity(1024)
        }

        mutating func key(for request: ScoringRequest) -> CacheKey {
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: #"{"messages":["#.utf8)
            for (index, message) in request.prompt.messages.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                buffer.append(contentsOf: #"{"content":"#.utf8)
                CanonicalJSON.appendString(message.content, to: &buffer)
                buffer.append(contentsOf: #","role":"#.utf8)
                CanonicalJSON.appendString(message.role, to: &buffer)
                buffer.append(UInt8(ascii: "}"))
            }
            buffer.append(contentsOf: #"],"parameters":"#.utf8)
            CanonicalJSON.appendString(parameters, to: &buffer)
            buffer.append(contentsOf: #","response":"#.utf8)
            CanonicalJSON.appendString(request.response, to: &buffer)
            if let second = request.second {
                buffer.append(contentsOf: #","second":"#.utf8)
                CanonicalJSON.appendString(second, to: &buffer)
            }
            buffer.append(UInt8(ascii: "}"))
            return hasher.key(request: buffer)
        }
    }

    private struct CanonicalRequest: Encodable {
        let parameters: String
        let messages: [ChatMessage]
        let response: String
        /// Absent (not null) for pointwise requests, so their keys are unchanged.
        let second: String?
    }

    /// The key as first defined, through `JSONEncoder`: what ``Keys`` must reproduce.
    static func referenceKey(identity: ScorerCacheIdentity, request: ScoringRequest) throws -> CacheKey {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(
            CanonicalRequest(
                parameters: identity.parameters, messages: request.prompt.messages, response: request.response, second: request.second))
        return CacheKey(
            backendKind: identity.backendKind, baseURL: identity.baseURL, model: identity.model, request: body,
            rubricSHA256: identity.rubricSHA256)
    }

    /// Eight bytes, the IEEE 754 bit pattern little-endian: exact and compact.
    static func encode(_ value: Double) -> Data {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { Data($0) }
    }

    static func decode(_ data: Data) -> Double? {
        guard data.count == 8 else { return nil }
        var bits: UInt64 = 0
        for (shift, byte) in data.enumerated() { bits |= UInt64(byte) << (8 * UInt64(shift)) }
        let value = Double(bitPattern: bits)
        return value.isFinite ? value : nil
    }
}
