import Foundation
public import PlauditCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A reward model behind a local program that speaks JSON lines: plaudit starts the program
/// once and keeps it running, writes one request per line to its stdin, and reads one answer
/// per line from its stdout. Answers may come back in any order; they are matched by `id`.
///
/// Protocol (UTF-8, one JSON object per line, `\n`-terminated):
/// - plaudit writes `{"id": "17", "prompt": <string, or [{"role", "content"}, …]>, "response": "…"}`;
/// - the program answers `{"id": "17", "score": 3.25}`, or `{"id": "17", "error": "why"}` for a
///   response it cannot score (a per-item ``PlauditCore/ScoreOutcome/failure(_:)``).
///
/// Anything else on stdout (a log line, an unknown id, a line over 1 MiB) is a protocol error:
/// the program is stopped and every pending and later request fails saying so; logs belong on
/// stderr. When the program exits, every pending and later request fails with its exit status
/// and the last lines of its stderr. At most `concurrency` requests are in flight (later
/// ones wait), and each waits at most `request_timeout` seconds for its answer.
///
/// Options (`BackendConfiguration.options`):
/// - `command` (required): the program and its arguments, never through a shell. Either a
///   JSON array of strings (`["python3", "rm.py", "--model", "my model"]`), for arguments that
///   contain spaces, or plain text split on whitespace (`python3 rm.py --device cpu`), with no
///   quoting, globbing or variables. A program without a `/` is looked up on `PATH`.
///
/// Writing to a program that has exited raises SIGPIPE, which would kill plaudit; the first
/// scorer made sets SIGPIPE to be ignored for the process, so the failed write is an error
/// instead. Scores are not cached (`cacheIdentity` is `nil`): plaudit cannot see when the
/// program or its model changes.
public final class SubprocessScorer: RewardScorer {
    public let name: String
    /// The program and its arguments.
    public let arguments: [String]
    let model: String?
    private let process: Process
    private let writer: StdinWriter
    private let session: SubprocessSession

    /// Starts the program named by the `command` option.
    ///
    /// - Parameters:
    ///   - configuration: a `subprocess` backend: `options.command`, `concurrency` (requests in
    ///     flight) and `request_timeout` (seconds per answer) are read.
    ///   - name: the scorer's name in results; the backend's name when `nil`.
    ///   - environment: the program's environment and the `PATH` it is looked up on; plaudit's
    ///     own when `nil`.
    /// - Throws: ``ClientError`` (`.configuration`) when `command` is missing, malformed or
    ///   names no executable; (`.serverStart`) when the program cannot be started.
    public init(configuration: BackendConfiguration, name: String? = nil, environment: [String: String]? = nil) throws {
        let options = try BackendOptions(configuration, known: ["command"])
        // The program gets plaudit's environment minus the variable named by this backend's
        // api_key_env: a scorer program has no business with the run's API keys.
        var environment = environment ?? ProcessInfo.processInfo.environment
        if let variable = configuration.apiKeyEnv { environment[variable] = nil }
        let arguments = try Self.parseCommand(
            try options.required(
                "command", purpose: "the program to run, as a JSON array of strings or space-separated words"),
            options: options
        )
        self.arguments = arguments
        self.name = name ?? configuration.name
        self.model = configuration.model
        let executable = try Self.locate(arguments[0], path: environment["PATH"] ?? "/usr/bin:/bin", options: options)
        Self.ignoreSIGPIPE()

        let process = Process()
        process.executableURL = executable
        process.arguments = Array(arguments.dropFirst())
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw ClientError(
                .serverStart, "scorer program \(arguments[0]) did not start: \(error.localizedDescription)")
        }
        // The parent's copies of the child's ends must be closed, or EOF never arrives.
        try? stdin.fileHandleForReading.close()
        try? stdout.fileHandleForWriting.close()
        try? stderr.fileHandleForWriting.close()

        self.process = process
        let display = arguments[0]
        let writer = StdinWriter(handle: stdin.fileHandleForWriting, label: "plaudit.subprocess.\(display).stdin")
        self.writer = writer
        let tail = OutputTail(keepBytes: 4 << 10)
        PipeReader.tail(of: stderr.fileHandleForReading, into: tail, name: "plaudit stderr \(display)")
        let session = SubprocessSession(
            program: display,
            writer: writer,
            maxInFlight: configuration.concurrency,
            timeout: .milliseconds(Int64(max(0.001, configuration.requestTimeout) * 1000)),
            terminate: { Self.stop(process, grace: .seconds(1)) },
            exitDescription: { await Self.describeExit(of: process, stderr: tail) }
        )
        self.session = session
        let (events, continuation) = AsyncStream<SubprocessSession.Event>.makeStream()
        PipeReader.lines(
            of: stdout.fileHandleForReading, maxLineBytes: 1 << 20, name: "plaudit stdout \(display)",
            line: { continuation.yield(.line($0)) },
            tooLong: { continuation.yield(.lineTooLong) },
            end: {
                continuation.yield(.stdoutClosed)
                continuation.finish()
            }
        )
        Task {
            for await event in events { await session.handle(event) }
        }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    public var descriptor: ScorerDescriptor {
        ScorerDescriptor(name: name, kind: .rewardModel, backend: BackendKind.subprocess.rawValue, model: model)
    }

    public func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        try await session.submit(request)
    }

    /// Process id of the running program, for tests and diagnostics.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Whether the program is still running.
    public var isRunning: Bool { process.isRunning }

    /// Stops the program: pending and later requests fail, stdin is closed so the program can
    /// finish on its own, and after `grace` it is sent SIGTERM, then SIGKILL a second later.
    public func shutdown(grace: Duration = .seconds(2)) async {
        await session.close(reason: "the scorer was shut down")
        writer.close()
        await Self.waitForExit(process, upTo: grace)
        if process.isRunning { Self.stop(process, grace: .seconds(1)) }
        await Self.waitForExit(process, upTo: .seconds(2))
    }

    // MARK: - Helpers

    /// `command` as argv: a JSON array of strings, or words split on whitespace.
    static func parseCommand(_ text: String, options: BackendOptions) throws -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let arguments: [String]
        if trimmed.hasPrefix("[") {
            guard let parsed = try? JSONDecoder().decode([String].self, from: Data(trimmed.utf8)) else {
                throw options.error("option command starts with '[' but is not a JSON array of strings")
            }
            arguments = parsed
        } else {
            arguments = trimmed.split(whereSeparator: \.isWhitespace).map(String.init)
        }
        guard let first = arguments.first, !first.isEmpty else {
            throw options.error("option command names no program")
        }
        return arguments
    }

    /// The executable for `program`: itself when it contains `/`, else the first match on
    /// `path`.
    static func locate(_ program: String, path: String, options: BackendOptions) throws -> URL {
        let manager = FileManager.default
        if program.contains("/") {
            guard manager.isExecutableFile(atPath: program) else {
                throw options.error("option command: \(program) is not an executable file")
            }
            return URL(fileURLWithPath: program)
        }
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(program)"
            if manager.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        throw options.error("option command: program \(program) not found on PATH")
    }

    private static let sigpipeIgnored: Void = {
        _ = signal(SIGPIPE, SIG_IGN)
    }()

    static func ignoreSIGPIPE() {
        _ = sigpipeIgnored
    }

    static func waitForExit(_ process: Process, upTo limit: Duration) async {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while process.isRunning, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// SIGTERM now, SIGKILL after `grace` if it is still running.
    static func stop(_ process: Process, grace: Duration) {
        guard process.isRunning else { return }
        process.terminate()
        let pid = process.processIdentifier
        Task.detached {
            await waitForExit(process, upTo: grace)
            if process.isRunning { _ = kill(pid, SIGKILL) }
        }
    }

    /// "exited with status 3; its stderr ended with: …", after waiting briefly for the exit.
    static func describeExit(of process: Process, stderr: OutputTail) async -> String {
        await waitForExit(process, upTo: .seconds(5))
        var text: String
        if process.isRunning {
            text = "closed its stdout but is still running; it was stopped"
            stop(process, grace: .seconds(1))
        } else if process.terminationReason == .uncaughtSignal {
            text = "was killed by signal \(process.terminationStatus)"
        } else {
            text = "exited with status \(process.terminationStatus)"
        }
        let tail = await stderr.text(waitingUpTo: .seconds(1))
        let lines = tail.split(separator: "\n", omittingEmptySubsequences: false).suffix(10).joined(separator: "\n")
        text += lines.isEmpty ? " (nothing on stderr)" : "; its stderr ended with:\n\(lines)"
        return text
    }
}
