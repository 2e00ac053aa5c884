import Foundation
import PlauditCore
import Testing

@Suite("plaudit.yaml")
struct ConfigurationTests {
    static let valid = """
        cache:
          path: /tmp/x/cache.sqlite
        backends:
          - name: skywork
            kind: vllm
            urls: [http://10.0.0.5:8000, "http://user:pw@10.0.0.6:8000"]
            model: Skywork/Skywork-Reward-V2-Llama-3.1-8B
            concurrency: 128
            options: {endpoint: classify}
          - name: gpt
            kind: openai
            urls: [https://api.openai.com]
            model: gpt-4.1-mini
            api_key_env: OPENAI_API_KEY
            requests_per_minute: 500
            transport: urlsession
          - name: claude
            kind: anthropic
            urls: [https://api.anthropic.com]
            model: claude-x
            api_key_env: ANTHROPIC_API_KEY
        scorers:
          - {name: skywork-rm, backend: skywork, type: reward-model}
          - {name: gpt-judge, backend: gpt, type: judge, rubric: pointwise-quality}
        embedder: {builtin: minilm}

        """

    func parse(_ text: String) throws(InputError) -> PlauditConfiguration {
        try PlauditConfiguration.parse(Data(text.utf8), file: "plaudit.yaml")
    }

    func failure(_ text: String) -> InputError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("a full file decodes with defaults filled in")
    func decodes() throws {
        let configuration = try parse(Self.valid)
        #expect(configuration.cache?.path == "/tmp/x/cache.sqlite")
        #expect(configuration.backends.count == 3)
        let skywork = try #require(configuration.backend(named: "skywork"))
        #expect(skywork.kind == .vllm)
        #expect(skywork.urls.count == 2)
        #expect(skywork.concurrency == 128)
        #expect(skywork.options["endpoint"] == "classify")
        #expect(skywork.maxRetries == 6)
        #expect(skywork.transport == .asyncHTTPClient)
        let gpt = try #require(configuration.backend(named: "gpt"))
        #expect(gpt.requestsPerMinute == 500)
        #expect(gpt.transport == .urlSession)
        #expect(gpt.effectiveAuth == .bearer)
        #expect(configuration.backend(named: "claude")?.effectiveAuth == .xAPIKey)
        #expect(configuration.scorers.map(\.type) == [.rewardModel, .judge])
        #expect(configuration.embedder?.builtin == "minilm")
    }

    @Test("a misspelt field is an error on its line, with a suggestion")
    func unknownField() {
        let text = Self.valid.replacingOccurrences(of: "    concurrency: 128", with: "    concurency: 128")
        let error = failure(text)
        #expect(error?.line == 8)
        #expect(error?.field == "backends[0].concurency")
        #expect(error?.message.contains("did you mean 'concurrency'") == true)
    }

    @Test("a scorer type that the backend kind cannot serve is refused on the scorer's line")
    func typeKindPairing() {
        let text = Self.valid.replacingOccurrences(of: "backend: skywork, type: reward-model", with: "backend: gpt, type: reward-model")
        let error = failure(text)
        #expect(error?.line == 23)
        #expect(error?.field == "scorers[0].type")
        #expect(error?.message.contains("cannot run on a openai backend") == true)
    }

    @Test("a reference to a missing backend names the known ones")
    func missingBackend() {
        let error = failure(Self.valid.replacingOccurrences(of: "backend: gpt, type: judge", with: "backend: gtp, type: judge"))
        #expect(error?.field == "scorers[1].backend")
        #expect(error?.message.contains("skywork, gpt, claude") == true)
    }

    @Test("a key pasted into api_key_env is refused without being echoed")
    func keyInsteadOfVariable() {
        let secret = "sk-proj-THISISASECRET-1234"
        let error = failure(Self.valid.replacingOccurrences(of: "api_key_env: OPENAI_API_KEY", with: "api_key_env: \(secret)"))
        #expect(error?.field == "backends[1].api_key_env")
        #expect(error?.line == 14)
        #expect(error.map { !$0.description.contains(secret) } == true)
    }

    @Test("credentials in headers are refused")
    func credentialsInHeaders() {
        let error = failure(Self.valid.replacingOccurrences(of: "    transport: urlsession", with: "    headers: {Authorization: Bearer abc}"))
        #expect(error?.field == "backends[1].headers.Authorization")
        #expect(error.map { !$0.description.contains("abc") } == true)
    }

    @Test("a URL without a scheme is refused, shown without credentials")
    func badURL() {
        let error = failure(Self.valid.replacingOccurrences(of: "https://api.openai.com", with: "api.openai.com"))
        #expect(error?.field == "backends[1].urls[0]")
        #expect(error?.line == 12)
    }

    @Test("a wrong type is reported with its line")
    func wrongType() {
        let error = failure(Self.valid.replacingOccurrences(of: "concurrency: 128", with: "concurrency: lots"))
        #expect(error?.field == "backends[0].concurrency")
        #expect(error?.line == 8)
    }

    @Test("an unknown backend kind lists nothing secret and fails")
    func unknownKind() {
        let error = failure(Self.valid.replacingOccurrences(of: "kind: vllm", with: "kind: vllm2"))
        #expect(error?.field == "backends[0].kind")
        #expect(error?.line == 5)
    }

    @Test("credentials are removed from URLs")
    func credentials() {
        #expect(URLCredentials.removing(from: "http://user:pw@10.0.0.6:8000/v1") == "http://10.0.0.6:8000/v1")
        #expect(URLCredentials.removing(from: "https://api.openai.com") == "https://api.openai.com")
        let a = CacheKey(backendKind: "vllm", baseURL: "http://user:pw@h:1", model: "m", request: Data("x".utf8))
        let b = CacheKey(backendKind: "vllm", baseURL: "http://h:1", model: "m", request: Data("x".utf8))
        let c = CacheKey(backendKind: "vllm", baseURL: "http://h:1", model: "m", request: Data("y".utf8))
        #expect(a == b)
        #expect(a != c)
        #expect(a.hex.count == 64)
    }

    @Test("the full plaudit.yaml example in docs/backends.md parses")
    func documentedExample() throws {
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/backends.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        let section = try #require(text.range(of: "# Backends, configuration, cache and scale-out"))
        let start = try #require(text.range(of: "```yaml\n", range: section.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let configuration = try parse(String(text[start.upperBound..<end.lowerBound]))
        #expect(configuration.backends.map(\.name) == ["skywork", "gpt"])
        #expect(configuration.scorers.map(\.type) == [.rewardModel, .judge])
        #expect(configuration.backend(named: "skywork")?.urls.count == 2)
    }
}
