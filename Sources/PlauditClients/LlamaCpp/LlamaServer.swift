public import Foundation
public import PlauditCore

/// A llama.cpp server that plaudit starts, owns and stops: 127.0.0.1 only, a free port, and
/// stopped by PID however the run ends.
///
/// Prefer ``withRunning(_:body:)``, which stops the server when `body` returns or throws.
/// The server also exits by itself when plaudit's process goes away (its standard input
/// closes), so a crash leaves no orphan behind.
public actor LlamaServer {
    /// How to start the server.
    public struct Configuration: Sendable {
        /// How an embedding server pools per-token states into one vector per input
        /// (llama.cpp's `--pooling`).
        public enum Pooling: String, Sendable {
            /// The mean over the input's tokens.
            case mean
            /// The first token's state.
            case cls
            /// The last token's state (decoder models trained for it).
            case last
        }

        /// The GGUF model file.
        public var model: URL
        /// The `pip --target` folder holding `xllamacpp`.
        public var pythonPath: URL
        /// CPU threads; 1 keeps the server deterministic and leaves a core for plaudit.
        public var threads: Int
        public var contextSize: Int
        /// The model name the OpenAI-compatible API reports and accepts.
        public var alias: String
        /// Where the server's own log goes.
        public var logFile: URL
        /// Upper bound on the server's life, whatever happens to plaudit.
        public var maxSeconds: Int
        public var startupTimeout: Duration
        /// `nil` (the default): a generation server (chat, completions, tokenize). Set: an
        /// embedding server (llama.cpp's `--embeddings --pooling P`) whose `/v1/embeddings`
        /// answers with L2-normalised vectors. Start a separate server for generation:
        /// llama.cpp documents embedding mode as embeddings only.
        public var embeddings: Pooling?

        public init(
            model: URL,
            pythonPath: URL,
            threads: Int = 1,
            contextSize: Int = 4096,
            alias: String = "smollm2",
            logFile: URL,
            maxSeconds: Int = 6 * 3600,
            startupTimeout: Duration = .seconds(120),
            embeddings: Pooling? = nil
        ) {
            self.model = model
            self.pythonPath = pythonPath
            self.threads = threads
            self.contextSize = contextSize
            self.alias = alias
            self.logFile = logFile
            self.maxSeconds = maxSeconds
            self.startupTimeout = startupTimeout
            self.embeddings = embeddings
        }

        /// The SmolLM2 server from installed assets; `embeddings` starts it in embedding mode.
        public static func smolLM2(_ assets: LocalAssets, threads: Int = 1, embeddings: Pooling? = nil) -> Configuration {
            Configuration(
                model: assets.smolLM2, pythonPath: assets.pythonPath, threads: threads,
                logFile: assets.root.appendingPathComponent("llama-server.log"), embeddings: embeddings
            )
        }
    }

    public nonisolated let configuration: Configuration
    /// `http://127.0.0.1:PORT`.
    public nonisolated let baseURL: String
    public nonisolated let pid: Int32
    private let process: Process
    private let input: Pipe

    private init(configuration: Configuration, baseURL: String, pid: Int32, process: Process, input: Pipe) {
        self.configuration = configuration
        self.baseURL = baseURL
        self.pid = pid
        self.process = process
        self.input = input
    }

    /// Starts a server, runs `body` with it, and stops it whether `body` returns or throws.
    public static func withRunning<T: Sendable>(
        _ configuration: Configuration,
        body: (LlamaServer) async throws -> T
    ) async throws -> T {
        let server = try await start(configuration)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Starts a server and waits until it answers `/health`.
    public static func start(_ configuration: Configuration) async throws -> LlamaServer {
        guard FileManager.default.fileExists(atPath: configuration.model.path) else {
            throw ClientError(.assetMissing, "model file \(configuration.model.path) not found; run `plaudit assets install`")
        }
        let scriptURL = configuration.logFile.deletingLastPathComponent().appendingPathComponent("serve_llama.py")
        try FileManager.default.createDirectory(
            at: scriptURL.deletingLastPathComponent(), withIntermediateDirectories: true
        )
        try Data(LlamaServerScript.source.utf8).write(to: scriptURL, options: .atomic)
        _ = FileManager.default.createFile(atPath: configuration.logFile.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            LocalAssets.python, "-u", scriptURL.path, configuration.model.path, String(configuration.threads),
            String(configuration.contextSize), configuration.alias, String(configuration.maxSeconds),
            configuration.embeddings?.rawValue ?? "generate",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = [configuration.pythonPath.path, environment["PYTHONPATH"]]
            .compactMap { $0 }.joined(separator: ":")
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: configuration.logFile)
        try process.run()

        let timeout = Task {
            try await Task.sleep(for: configuration.startupTimeout)
            process.terminate()
        }
        let line = await firstLine(of: output.fileHandleForReading)
        timeout.cancel()

        struct Event: Decodable {
            var event: String
            var port: Int?
            var message: String?
        }
        guard let line, let event = try? JSONDecoder().decode(Event.self, from: Data(line.utf8)),
            event.event == "ready", let port = event.port
        else {
            if process.isRunning { process.terminate() }
            let log = (try? String(contentsOf: configuration.logFile, encoding: .utf8)) ?? ""
            throw ClientError(
                .serverStart,
                "llama.cpp server did not start (\(line ?? "no output")); last log lines:\n"
                    + log.split(separator: "\n").suffix(5).joined(separator: "\n")
            )
        }
        let server = LlamaServer(
            configuration: configuration, baseURL: "http://127.0.0.1:\(port)", pid: process.processIdentifier,
            process: process, input: input
        )
        return server
    }

    /// Stops the server: closes its input (it exits at once), then SIGTERM, then SIGKILL, each
    /// after a bounded wait.
    public func stop() async {
        try? input.fileHandleForWriting.close()
        if await waitForExit(seconds: 5) { return }
        process.terminate()
        if await waitForExit(seconds: 5) { return }
        kill(pid, SIGKILL)
        _ = await waitForExit(seconds: 5)
    }

    /// A backend of kind `llama.cpp` for this server, to build a ``BackendClient`` from: its
    /// base URL, its alias as the model, one request at a time (the server has one slot), no
    /// key.
    public nonisolated func backendConfiguration(name: String = "llama.cpp (local)") -> BackendConfiguration {
        BackendConfiguration(
            name: name, kind: .llamaCpp, urls: [baseURL], model: configuration.alias, concurrency: 1, requestTimeout: 600,
            maxRetries: 2
        )
    }

    /// Whether the server process is still alive.
    public var isRunning: Bool { process.isRunning }

    private func waitForExit(seconds: Int) async -> Bool {
        for _ in 0..<(seconds * 20) {
            if !process.isRunning { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return !process.isRunning
    }

    /// Reads up to the first newline on a background thread; `nil` at end of file.
    private static func firstLine(of handle: FileHandle) async -> String? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var buffer = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty {
                        continuation.resume(returning: nil)
                        return
                    }
                    buffer.append(chunk)
                    if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                        continuation.resume(returning: String(decoding: buffer[..<newline], as: UTF8.self))
                        return
                    }
                }
            }
        }
    }
}
