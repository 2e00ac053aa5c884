import Foundation

/// Checks a decoded `plaudit.yaml` for what decoding cannot: references, ranges, and the
/// pairing of scorer types with backend kinds. Every error names the line and field.
struct ConfigurationValidation {
    let text: String
    let file: String

    /// Backend kinds each scorer type can run on.
    static let kindsForType: [ScorerConfiguration.ScorerType: Set<BackendKind>] = [
        .rewardModel: [.vllm, .tei, .httpTemplate, .subprocess],
        .judge: [.openai, .vllm, .tgi, .llamaCpp, .ollama, .anthropic],
        .perplexity: [.llamaCpp],
    ]
    static let embeddingKinds: Set<BackendKind> = [.openai, .vllm, .tei, .ollama, .llamaCpp]
    static let builtinEmbedders: Set<String> = ["auto", "minilm", "lexical"]

    func check(_ configuration: PlauditConfiguration) throws(InputError) {
        var names: Set<String> = []
        for (i, backend) in configuration.backends.enumerated() {
            let at = "backends[\(i)]"
            guard !backend.name.isEmpty else { throw error([PathKey("backends"), PathKey(i)], "\(at).name", "missing required field") }
            guard names.insert(backend.name).inserted else {
                throw error([PathKey("backends"), PathKey(i), PathKey("name")], "\(at).name", "'\(backend.name)' is already the name of another backend")
            }
            try check(backend, index: i)
        }
        var scorerNames: Set<String> = []
        for (i, scorer) in configuration.scorers.enumerated() {
            let path: [any CodingKey] = [PathKey("scorers"), PathKey(i)]
            guard scorerNames.insert(scorer.name).inserted else {
                throw error(path + [PathKey("name")], "scorers[\(i)].name", "'\(scorer.name)' is already the name of another scorer")
            }
            guard let backend = configuration.backend(named: scorer.backend) else {
                let known = configuration.backends.map(\.name).joined(separator: ", ")
                throw error(path + [PathKey("backend")], "scorers[\(i)].backend", "no backend named '\(scorer.backend)' (backends: \(known.isEmpty ? "none" : known))")
            }
            let allowed = Self.kindsForType[scorer.type] ?? []
            guard allowed.contains(backend.kind) else {
                throw error(
                    path + [PathKey("type")], "scorers[\(i)].type",
                    "a \(scorer.type.rawValue) scorer cannot run on a \(backend.kind.rawValue) backend (possible: \(allowed.map(\.rawValue).sorted().joined(separator: ", ")))"
                )
            }
            if scorer.rubric != nil && scorer.type != .judge {
                throw error(path + [PathKey("rubric")], "scorers[\(i)].rubric", "only judges take a rubric")
            }
        }
        if let embedder = configuration.embedder {
            let path: [any CodingKey] = [PathKey("embedder")]
            switch (embedder.builtin, embedder.backend) {
            case (.some, .some), (.none, .none):
                throw error(path, "embedder", "give exactly one of builtin (\(Self.builtinEmbedders.sorted().joined(separator: ", "))) or backend")
            case (.some(let name), .none):
                guard Self.builtinEmbedders.contains(name) else {
                    throw error(path + [PathKey("builtin")], "embedder.builtin", "unknown embedder '\(name)' (possible: \(Self.builtinEmbedders.sorted().joined(separator: ", ")))")
                }
            case (.none, .some(let name)):
                guard let backend = configuration.backend(named: name) else {
                    throw error(path + [PathKey("backend")], "embedder.backend", "no backend named '\(name)'")
                }
                guard Self.embeddingKinds.contains(backend.kind) else {
                    throw error(
                        path + [PathKey("backend")], "embedder.backend",
                        "a \(backend.kind.rawValue) backend has no embeddings endpoint (possible: \(Self.embeddingKinds.map(\.rawValue).sorted().joined(separator: ", ")))"
                    )
                }
            }
        }
    }

    private func check(_ backend: BackendConfiguration, index i: Int) throws(InputError) {
        let path: [any CodingKey] = [PathKey("backends"), PathKey(i)]
        let at = "backends[\(i)]"
        if backend.kind != .subprocess {
            guard !backend.urls.isEmpty else { throw error(path, "\(at).urls", "give at least one base URL") }
            for (j, url) in backend.urls.enumerated() {
                let components = URLComponents(string: url)
                guard let scheme = components?.scheme, ["http", "https"].contains(scheme), components?.host?.isEmpty == false else {
                    throw error(path + [PathKey("urls"), PathKey(j)], "\(at).urls[\(j)]", "'\(URLCredentials.removing(from: url))' is not an http(s) URL with a host")
                }
            }
        }
        if let variable = backend.apiKeyEnv, variable.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) == nil {
            // Never echo the value: someone may have pasted the key itself here.
            throw error(
                path + [PathKey("api_key_env")], "\(at).api_key_env",
                "must be the NAME of an environment variable (letters, digits, _) that holds the key, not the key itself; the value is not shown"
            )
        }
        for name in backend.headers.keys where ["authorization", "x-api-key", "api-key"].contains(name.lowercased()) {
            throw error(path + [PathKey("headers")], "\(at).headers.\(name)", "credentials do not belong in the file: put the key in an environment variable and name it in api_key_env")
        }
        guard backend.concurrency >= 1 else { throw error(path + [PathKey("concurrency")], "\(at).concurrency", "must be at least 1") }
        for (key, value) in [("requests_per_minute", backend.requestsPerMinute), ("tokens_per_minute", backend.tokensPerMinute)] {
            if let value, !(value > 0) { throw error(path + [PathKey(key)], "\(at).\(key)", "must be positive") }
        }
        for (key, value) in [("connect_timeout", backend.connectTimeout), ("request_timeout", backend.requestTimeout)] where !(value > 0) {
            throw error(path + [PathKey(key)], "\(at).\(key)", "must be a positive number of seconds")
        }
        guard backend.maxRetries >= 0 else { throw error(path + [PathKey("max_retries")], "\(at).max_retries", "must be 0 or more") }
        if let size = backend.maxBatchSize, size < 1 { throw error(path + [PathKey("max_batch_size")], "\(at).max_batch_size", "must be at least 1") }
    }

    private func error(_ path: [any CodingKey], _ field: String, _ message: String) -> InputError {
        InputError(file: file, line: YAMLLocator.line(of: path, in: text), field: field, message: message)
    }
}
