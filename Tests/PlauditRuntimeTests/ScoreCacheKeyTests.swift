import Foundation
import PlauditCore
@testable import PlauditRuntime
import Testing

/// Score cache keys written directly (``ScoreCacheCoding/Keys``) must be the keys every cache
/// file already holds: those of `JSONEncoder` (sorted keys, unescaped slashes) through
/// ``CacheKey``. A difference in one escaped character would orphan every stored answer.
@Suite("Score cache keys: the direct writer equals JSONEncoder's keys")
struct ScoreCacheKeyTests {
    static let identity = ScorerCacheIdentity(
        backendKind: "vllm", baseURL: "http://user:secret@127.0.0.1:8000", model: "stub-rm", parameters: "endpoint=pooling")

    static func request(_ prompt: Prompt, _ response: String, second: String? = nil) -> ScoringRequest {
        ScoringRequest(itemID: "q", responseID: "r", prompt: prompt, response: response, second: second)
    }

    @Test("every ASCII character, alone and among text, in each field")
    func everyASCIICharacter() throws {
        var keys = ScoreCacheCoding.Keys(identity: Self.identity)
        for scalar in 0..<128 {
            let c = String(UnicodeScalar(UInt8(scalar)))
            for request in [
                Self.request(.text(c), c), Self.request(.text("a\(c)b"), "x\(c)\(c)y/z", second: c),
                Self.request(.messages([ChatMessage(role: "system", content: "s\(c)"), ChatMessage(role: "user", content: c)]), "\(c)end"),
            ] {
                #expect(keys.key(for: request) == (try ScoreCacheCoding.referenceKey(identity: Self.identity, request: request)), "U+\(scalar)")
            }
        }
    }

    @Test("non-ASCII text, empty strings, a rubric hash and long texts")
    func otherText() throws {
        let rubric = ScorerCacheIdentity(backendKind: "openai", baseURL: "https://api.example.com/v1", model: "judge", rubricSHA256: "ab12", parameters: "")
        let texts = ["", "é", "日本語のテキスト", "🙂👍🏽", "\u{2028}\u{2029}\u{FEFF}", "e\u{301}", "\u{7F}\u{80}\u{FFFD}", String(repeating: "long \"quoted\"\n", count: 500)]
        for identity in [Self.identity, rubric] {
            var keys = ScoreCacheCoding.Keys(identity: identity)
            for text in texts {
                for request in [Self.request(.text(text), text), Self.request(.text("p"), "r", second: text)] {
                    #expect(keys.key(for: request) == (try ScoreCacheCoding.referenceKey(identity: identity, request: request)))
                }
            }
        }
    }

    /// The oracle, in Python (credentials removed from the URL; the rubric hash last):
    ///
    ///     def key(parts): return hashlib.sha256(b"".join(struct.pack("<Q", len(p)) + p for p in parts)).hexdigest()
    ///     body = json.dumps(req, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    ///     key([b"vllm", b"http://127.0.0.1:8000", b"stub-rm", body, b""])
    @Test("keys equal SHA-256 over the length-prefixed parts, as Python's hashlib and json compute them")
    func pythonOracle() {
        var keys = ScoreCacheCoding.Keys(identity: Self.identity)
        let prompt = Prompt.text("Say \"hi\"\n\tthen/stop: é 🙂 \u{01}")
        #expect(keys.key(for: Self.request(prompt, "A \\ B\r\n\u{1F}\u{7F}")).hex == "2ebdbe01c9cdb4619a2ff1511586ff0ab9189d37cb26b57772e4c69b69fdf723")
        var judged = ScoreCacheCoding.Keys(
            identity: ScorerCacheIdentity(
                backendKind: "vllm", baseURL: "http://127.0.0.1:8000", model: "stub-rm", rubricSHA256: "abc123", parameters: "endpoint=pooling"))
        #expect(
            judged.key(for: Self.request(prompt, "A \\ B\r\n\u{1F}\u{7F}", second: "B/2")).hex
                == "4b50f00d01bb0407edb4ee91355b31e9f123a1b1462fc92b885a6e9fdafcbb52")
    }
}
