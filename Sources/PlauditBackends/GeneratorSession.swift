import Foundation
public import PlauditClients
public import PlauditCore
public import PlauditRuntime

/// The generators of one run, brought up together and torn down together: one client per
/// configured chat backend on the shared transport, and the local llama.cpp server when the
/// built-in model is asked for (or when the job needs it for something else, such as a local
/// judge: `localClient` hands it over so both share one server).
public struct GeneratorSession: Sendable {
    /// The built-in model's name in results.
    public static let localName = GeneratorSelection.localName

    public var configuration: PlauditConfiguration
    public var options: GeneratorSelection
    /// Start the local server even without `--local-generator`.
    public var needsLocalServer = false

    public init(configuration: PlauditConfiguration, options: GeneratorSelection, needsLocalServer: Bool = false) {
        self.configuration = configuration
        self.options = options
        self.needsLocalServer = needsLocalServer
    }

    /// The configured backends asked for, checked before anything starts.
    public func chosenBackends() throws -> [BackendConfiguration] {
        try options.generators.map { name in
            guard let backend = configuration.backend(named: name) else {
                let known = configuration.backends.map(\.name).joined(separator: ", ")
                throw ConfigurationError("--generator \(name): no such backend in the configuration (backends: \(known.isEmpty ? "none" : known))")
            }
            guard BackendRegistry.servesChat(backend.kind) else {
                throw ConfigurationError("--generator \(name): a \(backend.kind.rawValue) backend does not serve chat completions")
            }
            return backend
        }
    }

    /// Runs `body` with the generators up (and the local server's client, when one runs);
    /// shuts everything down on every path.
    public func run<T: Sendable>(
        progress: any ProgressReporter,
        _ body: (_ generators: [LiveGenerator], _ localClient: BackendClient?) async throws -> T
    ) async throws -> T {
        var backends = try chosenBackends().map(BackendRegistry.clientConfiguration)
        if let concurrency = options.generationConcurrency {
            for i in backends.indices { backends[i].concurrency = concurrency }
        }
        let localConcurrency = options.generationConcurrency ?? 1
        let transports = SharedTransports(for: backends + [LocalModelServer.placeholder(concurrency: localConcurrency)])
        do {
            var live: [LiveGenerator] = []
            for backend in backends {
                let client = try transports.client(for: backend)
                live.append(LiveGenerator(name: backend.name, generator: try BackendRegistry.chatGenerator(client: client), concurrency: backend.concurrency))
            }
            let result: T
            if options.localGenerator || needsLocalServer {
                result = try await LocalModelServer.withRunning(llamaURL: options.llamaURL, threads: options.threads, progress: progress) { url, identity in
                    let local = LocalModelServer.backend(url: url, identity: identity, concurrency: localConcurrency)
                    let client = try BackendClient(configuration: local, transport: transports.transport(for: local))
                    var all = live
                    if options.localGenerator {
                        all.append(LiveGenerator(name: Self.localName, generator: try OpenAIChatGenerator(client: client), concurrency: localConcurrency))
                    }
                    return try await body(all, client)
                }
            } else {
                result = try await body(live, nil)
            }
            try await transports.shutdown()
            return result
        } catch {
            try? await transports.shutdown()
            throw error
        }
    }
}
