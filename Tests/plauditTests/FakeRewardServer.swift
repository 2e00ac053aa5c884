import Foundation
import PlauditTesting
import Synchronization

/// A fake vLLM reward-model server for end-to-end runs of the binary: `/pooling` answers with
/// vLLM's exact shape and a score that is a fixed function of the response text, after
/// `delay`. It records which responses it has answered (after the delay, when the reply goes
/// out), so a test can tell what was asked again.
final class FakeRewardServer: Sendable {
    let server: FakeHTTPServer
    private let answered = Mutex<[String]>([])

    /// Responses answered so far, in order.
    var answeredTexts: [String] { answered.withLock { $0 } }
    /// Responses asked for so far (arrival order).
    var askedTexts: [String] { server.log.compactMap(Self.responseText) }
    var baseURL: String { server.baseURL }

    static func score(of text: String) -> Double {
        // Longer answers score higher, with a wobble so ties are rare.
        Double(text.unicodeScalars.count) / 10 - 3 + Double(text.unicodeScalars.reduce(0) { ($0 &* 31 &+ Int($1.value)) % 1000 }) / 2000
    }

    static func responseText(_ request: FakeHTTPServer.Request) -> String? {
        guard let messages = request.json?["messages"] as? [[String: Any]] else { return nil }
        return messages.last?["content"] as? String
    }

    private init(server: FakeHTTPServer) {
        self.server = server
    }

    /// - Parameters:
    ///   - key: when given, requests must carry `Authorization: Bearer KEY`; others get a 401
    ///     whose body echoes the key they sent (as careless servers do).
    ///   - faults: inject, on the first attempt at some responses, each fault real servers
    ///     produce (see ``Fault``); the second attempt succeeds.
    static func start(delay: Duration = .zero, key: String? = nil, faults: Bool = false) async throws -> FakeRewardServer {
        let box = Mutex<FakeRewardServer?>(nil)
        let attempts = Mutex<[String: Int]>([:])
        let server = try await FakeHTTPServer.start { request in
            if let key, request.headers["authorization"] != "Bearer \(key)" {
                return .json(#"{"error":{"message":"Incorrect API key provided: \#(request.headers["authorization"] ?? "none")","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#, status: 401)
            }
            guard request.path == "/pooling", let text = responseText(request) else {
                return .json(#"{"error":{"message":"Not Found","type":"NotFoundError","param":null,"code":404}}"#, status: 404)
            }
            let attempt = attempts.withLock { seen in
                seen[text, default: 0] += 1
                return seen[text]!
            }
            if faults, attempt == 1, let fault = Fault.forText(text) {
                return fault.reply
            }
            if delay > .zero { try? await Task.sleep(for: delay) }
            box.withLock { $0 }?.answered.withLock { $0.append(text) }
            let score = score(of: text)
            return .json(#"{"id":"pool-1","object":"list","created":1767000000,"model":"fake-rm","data":[{"index":0,"object":"pooling","data":[\#(score)]}],"usage":{"prompt_tokens":41,"total_tokens":41,"completion_tokens":0,"prompt_tokens_details":null}}"#)
        }
        let fake = FakeRewardServer(server: server)
        box.withLock { $0 = fake }
        return fake
    }

    /// The faults a first attempt may meet, chosen by the response text.
    enum Fault: CaseIterable {
        case rateLimited, unavailable, dropped, truncated, slow

        static func forText(_ text: String) -> Fault? {
            let h = text.unicodeScalars.reduce(7) { ($0 &* 131 &+ Int($1.value)) % 1_000_003 }
            switch h % 10 {
            case 0: return .rateLimited
            case 1: return .unavailable
            case 2: return .dropped
            case 3: return .truncated
            case 4 where h % 3 == 0: return .slow
            default: return nil
            }
        }

        var reply: FakeHTTPServer.Reply {
            switch self {
            case .rateLimited:
                .json(#"{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}"#, status: 429, headers: ["retry-after-ms": "30"])
            case .unavailable:
                .json(#"{"error":{"message":"engine busy","type":"ServiceUnavailableError","param":null,"code":503}}"#, status: 503)
            case .dropped:
                .dropConnection()
            case .truncated:
                .truncated(status: 200, body: Data(#"{"id":"pool-1","object":"list","created":0,"model":"fake-rm","data":[{"index":0,"object":"pooling","data":[1.5]}]}"#.utf8), keepBytes: 40)
            case .slow:
                // Well past the request timeout the tests configure (4 s).
                .json(#"{"id":"pool-1","object":"list","created":0,"model":"fake-rm","data":[{"index":0,"object":"pooling","data":[0.5]}]}"#, delay: .seconds(10))
            }
        }
    }

    func stop() async throws {
        try await server.stop()
    }

    /// A `plaudit.yaml` with one vLLM reward-model scorer on this server.
    func configuration(cache: String, concurrency: Int = 4, keyVariable: String? = nil, url: String? = nil, requestTimeout: Double = 30) -> String {
        """
        cache: {path: \(cache)}
        backends:
          - name: fake
            kind: vllm
            urls: [\(url ?? baseURL)]
            model: fake-rm
            concurrency: \(concurrency)
            max_retries: 3
            request_timeout: \(requestTimeout)
        \(keyVariable.map { "    api_key_env: \($0)" } ?? "")
        scorers:
          - {name: fake-rm, backend: fake, type: reward-model}

        """
    }
}
