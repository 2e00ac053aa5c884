import Foundation
public import PlauditClients
public import PlauditCore
public import PlauditRuntime

/// Everything the live scorers of one run need, brought up together and torn down together:
/// the shared HTTP transport, one ``BackendClient`` per backend, the local llama.cpp server
/// when the built-in SmolLM2 scorers are asked for, and any subprocess scorers.
public struct ScorerSession: Sendable {
    public var configuration: PlauditConfiguration
    /// Configured scorers to use, by name; empty means all of them.
    public var selected: [String]
    public var localJudgeRubric: Rubric?
    /// The rubric of the built-in pairwise judge, when asked for.
    public var localPairwiseRubric: Rubric? = nil
    /// The rubric of the built-in validity judge, when asked for.
    public var localValidityRubric: Rubric? = nil
    public var localPerplexity: Bool
    public var llamaURL: String?
    public var threads: Int
    /// `--concurrency`: replaces every backend's own limit when given.
    public var concurrencyOverride: Int?
    /// `--verbose`: describe each backend before the run and its request counts after.
    public var verbose = false
    /// A client of a local llama.cpp server already up (a generator session's), for the
    /// built-in scorers to share instead of starting their own.
    public var localClient: BackendClient?

    public init(
        configuration: PlauditConfiguration, selected: [String], localJudgeRubric: Rubric?, localPerplexity: Bool, llamaURL: String?,
        threads: Int, concurrencyOverride: Int?, verbose: Bool = false
    ) {
        self.configuration = configuration
        self.selected = selected
        self.localJudgeRubric = localJudgeRubric
        self.localPerplexity = localPerplexity
        self.llamaURL = llamaURL
        self.threads = threads
        self.concurrencyOverride = concurrencyOverride
        self.verbose = verbose
    }

    /// The configured scorers this run uses, checked against the configuration.
    public func chosenScorers() throws -> [ScorerConfiguration] {
        guard !selected.isEmpty else { return configuration.scorers }
        return try selected.map { name in
            guard let scorer = configuration.scorers.first(where: { $0.name == name }) else {
                let known = configuration.scorers.map(\.name).joined(separator: ", ")
                throw ConfigurationError("--scorer \(name): no such scorer in the configuration (scorers: \(known.isEmpty ? "none" : known))")
            }
            return scorer
        }
    }

    /// Whether a built-in scorer on the local model is asked for.
    public var usesLocalModel: Bool { localJudgeRubric != nil || localPairwiseRubric != nil || localPerplexity || localValidityRubric != nil }

    /// Runs `body` with the scorers up, and shuts everything down on every path.
    public func run<T: Sendable>(
        progress: any ProgressReporter,
        _ body: ([LiveScorer], [BackendClient]) async throws -> T
    ) async throws -> T {
        let chosen = try chosenScorers()
        var backends = configuration.backends.map(BackendRegistry.clientConfiguration)
        if let concurrencyOverride {
            for i in backends.indices { backends[i].concurrency = concurrencyOverride }
        }
        let localPlaceholder = LocalModelServer.placeholder(concurrency: concurrencyOverride ?? 1)
        let transports = SharedTransports(for: backends + [localPlaceholder])
        do {
            let result = try await withLocalClient(transports: transports, progress: progress) { localClient in
                var clients: [String: BackendClient] = [:]
                // A subprocess backend has no URL and no HTTP client.
                for backend in backends where backend.kind != .subprocess && chosen.contains(where: { $0.backend == backend.name }) {
                    clients[backend.name] = try BackendClient(configuration: backend, transport: transports.transport(for: backend))
                }
                var live: [LiveScorer] = []
                var processes: [SubprocessScorer] = []
                // Subprocess scorers are stopped on every path (bounded: a grace period, then kill).
                func stopProcesses() async {
                    for process in processes { await process.shutdown() }
                }
                do {
                    for scorer in chosen {
                        let backend = backends.first { $0.name == scorer.backend }!
                        let rubric = scorer.type == .judge ? try Rubric.load(scorer.rubric ?? "pointwise-quality") : nil
                        let made = try await BackendRegistry.make(
                            scorer, backend: backend, client: clients[backend.name], rubric: rubric,
                            keyVariables: Set(backends.compactMap(\.apiKeyEnv)), progress: progress)
                        if let process = made as? SubprocessScorer { processes.append(process) }
                        live.append(LiveScorer(scorer: made, concurrency: backend.concurrency, rubric: rubric))
                    }
                    if let client = localClient {
                        clients[client.configuration.name] = client
                        let concurrency = concurrencyOverride ?? 1
                        if let rubric = localJudgeRubric {
                            live.append(LiveScorer(scorer: try BackendRegistry.localJudge(client: client, rubric: rubric), concurrency: concurrency, rubric: rubric))
                        }
                        if let rubric = localPairwiseRubric {
                            let judge = ChatLogprobJudge(name: ScorerNames.pairwiseJudge, generator: try OpenAIChatGenerator(client: client), rubric: rubric)
                            live.append(LiveScorer(scorer: BackendRegistry.local(judge, client: client), concurrency: concurrency, rubric: rubric))
                        }
                        if let rubric = localValidityRubric {
                            let judge = ChatLogprobJudge(name: ScorerNames.validity, generator: try OpenAIChatGenerator(client: client), rubric: rubric)
                            live.append(LiveScorer(scorer: BackendRegistry.local(judge, client: client), concurrency: concurrency, rubric: rubric))
                        }
                        if localPerplexity {
                            live.append(LiveScorer(scorer: BackendRegistry.localPerplexity(client: client), concurrency: concurrency))
                        }
                    }
                } catch {
                    await stopProcesses()
                    throw error
                }
                let all = clients.keys.sorted().map { clients[$0]! }
                if verbose {
                    for client in all { progress.note("backend \(Self.summary(client.configuration))") }
                }
                progress.watch(retries: { all.reduce(0) { $0 + $1.statistics.retries } })
                defer {
                    progress.watch(retries: nil)
                    if verbose {
                        for client in all {
                            let s = client.statistics
                            progress.note("backend \(client.configuration.name): \(s.requests) requests, \(s.retries) retries, \(s.throttled) throttled, \(s.failures) failed")
                        }
                    }
                }
                do {
                    let result = try await body(live, all)
                    await stopProcesses()
                    return result
                } catch {
                    await stopProcesses()
                    throw error
                }
            }
            try await transports.shutdown()
            return result
        } catch {
            try? await transports.shutdown()
            throw error
        }
    }

    /// One line about a backend for `--verbose`: never the key, only where it comes from.
    public static func summary(_ backend: BackendConfiguration) -> String {
        let urls = backend.urls.map(URLCredentials.removing(from:))
        var parts = ["\(backend.name): \(backend.kind.rawValue) at \(urls.joined(separator: ", "))"]
        if let model = backend.model { parts.append("model \(model)") }
        parts.append("concurrency \(backend.concurrency)")
        if let rpm = backend.requestsPerMinute { parts.append("\(rpm) requests/min") }
        if let tpm = backend.tokensPerMinute { parts.append("\(tpm) tokens/min") }
        parts.append("timeouts \(backend.connectTimeout) s connect, \(backend.requestTimeout) s request, \(backend.maxRetries) retries")
        parts.append("transport \(backend.transport.rawValue)")
        if let variable = backend.apiKeyEnv { parts.append("key from $\(variable) (\(backend.effectiveAuth.rawValue))") }
        return parts.joined(separator: ", ")
    }

    /// Runs `body` with a client of the local server when a built-in scorer is asked for (the
    /// one handed in, or a server started here), else with `nil`.
    private func withLocalClient<T: Sendable>(
        transports: SharedTransports, progress: any ProgressReporter, _ body: (BackendClient?) async throws -> T
    ) async throws -> T {
        guard usesLocalModel else { return try await body(nil) }
        if let localClient { return try await body(localClient) }
        return try await LocalModelServer.withRunning(llamaURL: llamaURL, threads: threads, progress: progress) { url, identity in
            let local = LocalModelServer.backend(url: url, identity: identity, concurrency: concurrencyOverride ?? 1)
            return try await body(try BackendClient(configuration: local, transport: transports.transport(for: local)))
        }
    }
}
