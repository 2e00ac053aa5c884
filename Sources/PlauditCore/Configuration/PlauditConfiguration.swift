public import Foundation
import Yams

/// `plaudit.yaml`: the backends a run may talk to, the scorers built on them, the embedder and
/// the cache. Command-line flags override what it says.
///
/// ```yaml
/// cache: {path: .plaudit/cache.sqlite}
/// backends:
///   - name: skywork
///     kind: vllm
///     urls: [http://10.0.0.5:8000, http://10.0.0.6:8000]
///     model: Skywork/Skywork-Reward-V2-Llama-3.1-8B
///     concurrency: 128
///   - name: gpt
///     kind: openai
///     urls: [https://api.openai.com]
///     model: gpt-4.1-mini
///     api_key_env: OPENAI_API_KEY
/// scorers:
///   - {name: skywork-rm, backend: skywork, type: reward-model}
///   - {name: gpt-judge, backend: gpt, type: judge, rubric: pointwise-quality}
/// embedder: {builtin: minilm}
/// ```
///
/// Keys are never written here: `api_key_env` names the environment variable that holds one.
public struct PlauditConfiguration: Codable, Hashable, Sendable {
    public var cache: CacheSettings?
    public var backends: [BackendConfiguration]
    public var scorers: [ScorerConfiguration]
    public var embedder: EmbedderConfiguration?

    public init(
        cache: CacheSettings? = nil, backends: [BackendConfiguration] = [], scorers: [ScorerConfiguration] = [],
        embedder: EmbedderConfiguration? = nil
    ) {
        self.cache = cache
        self.backends = backends
        self.scorers = scorers
        self.embedder = embedder
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cache = try c.decodeIfPresent(CacheSettings.self, forKey: .cache)
        backends = try c.decodeIfPresent([BackendConfiguration].self, forKey: .backends) ?? []
        scorers = try c.decodeIfPresent([ScorerConfiguration].self, forKey: .scorers) ?? []
        embedder = try c.decodeIfPresent(EmbedderConfiguration.self, forKey: .embedder)
    }

    /// The backend named `name`.
    public func backend(named name: String) -> BackendConfiguration? {
        backends.first { $0.name == name }
    }

    /// Reads and checks a configuration file. Errors are ``InputError``s with the line and
    /// field (`plaudit.yaml:12: backends[1].kind: …`); an unknown field is an error, not
    /// silently ignored, because a misspelt limit would otherwise take its default.
    public static func load(_ path: String) throws(InputError) -> PlauditConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(file: path, line: 0, message: "cannot read the configuration file: \(error.localizedDescription)")
        }
        return try parse(data, file: path)
    }

    /// The configuration a command runs with: the file given with `--config`, else
    /// `./plaudit.yaml` when it exists, else an empty configuration (built-in models only).
    public static func loadDefault(_ path: String?) throws(InputError) -> PlauditConfiguration {
        if let path { return try load(path) }
        if FileManager.default.fileExists(atPath: "plaudit.yaml") { return try load("plaudit.yaml") }
        return PlauditConfiguration()
    }

    /// Parses configuration text; `file` names it in errors.
    public static func parse(_ data: Data, file: String) throws(InputError) -> PlauditConfiguration {
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: file, line: 0, message: "not UTF-8 text")
        }
        let configuration: PlauditConfiguration
        do {
            configuration = try YAMLDecoder().decode(PlauditConfiguration.self, from: text)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                let detail = context.underlyingError.map { "\($0)" } ?? context.debugDescription
                throw InputError(file: file, line: 0, message: "invalid YAML: " + Rubric.oneLine(detail))
            }
            let (field, message) = error.fieldAndMessage
            throw InputError(file: file, line: YAMLLocator.line(of: Self.codingPath(of: error), in: text), field: field, message: message)
        } catch {
            throw InputError(file: file, line: 0, message: "invalid YAML: " + Rubric.oneLine("\(error)"))
        }
        try ConfigurationSchema.rejectUnknownKeys(in: text, file: file)
        try ConfigurationValidation(text: text, file: file).check(configuration)
        return configuration
    }

    static func codingPath(of error: DecodingError) -> [any CodingKey] {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): context.codingPath
        case .keyNotFound(_, let context): context.codingPath
        @unknown default: []
        }
    }
}

/// Where the response cache lives, and whether to use it.
public struct CacheSettings: Codable, Hashable, Sendable {
    /// Default `.plaudit/cache.sqlite`.
    public var path: String?
    /// Default true.
    public var enabled: Bool?

    public init(path: String? = nil, enabled: Bool? = nil) {
        self.path = path
        self.enabled = enabled
    }
}

/// A scorer built on a backend.
public struct ScorerConfiguration: Codable, Hashable, Sendable {
    /// What the scorer measures.
    public enum ScorerType: String, Codable, Hashable, Sendable, CaseIterable {
        case rewardModel = "reward-model"
        case judge
        case perplexity
    }

    /// Unique; the scorer's name in results.
    public var name: String
    /// The backend's name.
    public var backend: String
    public var type: ScorerType
    /// For judges: a rubric file or the id of an embedded rubric (default `pointwise-quality`).
    public var rubric: String?

    public init(name: String, backend: String, type: ScorerType, rubric: String? = nil) {
        self.name = name
        self.backend = backend
        self.type = type
        self.rubric = rubric
    }
}

/// Which embedder clusters responses: a built-in one, or a backend's embeddings endpoint.
public struct EmbedderConfiguration: Codable, Hashable, Sendable {
    /// `minilm`, `lexical` or `auto`.
    public var builtin: String?
    /// A backend's name (OpenAI-compatible, TEI or Ollama embeddings).
    public var backend: String?

    public init(builtin: String? = nil, backend: String? = nil) {
        self.builtin = builtin
        self.backend = backend
    }
}
