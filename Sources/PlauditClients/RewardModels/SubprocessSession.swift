import Foundation
import PlauditCore

/// The requests a ``SubprocessScorer`` has in flight, matched to answers by id.
///
/// Every path is bounded: at most `maxInFlight` requests are written before an answer comes
/// back (later ones wait), each waits at most `timeout` for its answer, and once the program
/// has exited or broken the protocol every pending and later request fails with one error
/// that says why.
actor SubprocessSession {
    /// What the stdout reader saw.
    enum Event: Sendable {
        case line(String)
        case lineTooLong
        case stdoutClosed
    }

    private let program: String
    private let writer: StdinWriter
    private let maxInFlight: Int
    private let timeout: Duration
    /// Stops the program; for protocol errors.
    private let terminate: @Sendable () -> Void
    /// How the program ended, once it has: its status and the end of its stderr.
    private let exitDescription: @Sendable () async -> String

    private var pending: [String: CheckedContinuation<ScoreOutcome, any Error>] = [:]
    private var timers: [String: Task<Void, Never>] = [:]
    /// Requests given up on (timed out, cancelled) whose late answers are ignored.
    private var abandoned: Set<String> = []
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var nextID = 0
    /// Set once the scorer is unusable; every later request throws it.
    private var terminal: ClientError?

    init(
        program: String,
        writer: StdinWriter,
        maxInFlight: Int,
        timeout: Duration,
        terminate: @escaping @Sendable () -> Void,
        exitDescription: @escaping @Sendable () async -> String
    ) {
        self.program = program
        self.writer = writer
        self.maxInFlight = max(1, maxInFlight)
        self.timeout = timeout
        self.terminate = terminate
        self.exitDescription = exitDescription
    }

    /// Sends one request and waits for its answer.
    func submit(_ request: ScoringRequest) async throws -> ScoreOutcome {
        while terminal == nil, pending.count >= maxInFlight {
            await withCheckedContinuation { waiting.append($0) }
        }
        if let terminal { throw terminal }
        try Task.checkCancellation()
        nextID += 1
        let id = String(nextID)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(
            SubprocessWire.Request(id: id, prompt: request.prompt, response: request.response))
        line.append(0x0A)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                pending[id] = continuation
                writer.write(line) { _ in
                    // The program closed stdin or exited; its stdout closing reports why.
                }
                let timeout = self.timeout
                timers[id] = Task { [weak self] in
                    try? await Task.sleep(for: timeout)
                    guard !Task.isCancelled else { return }
                    await self?.expire(id)
                }
            }
        } onCancel: {
            Task { await self.abandon(id, with: CancellationError()) }
        }
    }

    /// Handles what the stdout reader saw, in order.
    func handle(_ event: Event) async {
        switch event {
        case .line(let line):
            receive(line)
        case .lineTooLong:
            fail(
                ClientError(
                    .unexpectedResponse,
                    "scorer program \(program) wrote a stdout line longer than the limit; answers must be one short JSON line each"
                ), stop: true)
        case .stdoutClosed:
            let ending = await exitDescription()
            fail(ClientError(.connection, "scorer program \(program) \(ending)"), stop: false)
        }
    }

    /// Marks the session shut down: pending and later requests fail with `reason`.
    func close(reason: String) {
        fail(ClientError(.connection, "scorer program \(program): \(reason)"), stop: false)
    }

    private func receive(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)) else {
            fail(
                ClientError(
                    .unexpectedResponse,
                    "scorer program \(program) wrote a stdout line that is not a JSON object: \"\(line.prefix(200))\"; stdout must carry only answer lines ({\"id\", \"score\"} or {\"id\", \"error\"}); write logs to stderr"
                ),
                stop: true
            )
            return
        }
        guard case .string(let id)? = fields["id"] else {
            fail(
                ClientError(
                    .unexpectedResponse,
                    "scorer program \(program) answered without a string \"id\": \(line.prefix(200))"), stop: true)
            return
        }
        guard let continuation = pending.removeValue(forKey: id) else {
            if abandoned.remove(id) != nil { return }
            fail(
                ClientError(
                    .unexpectedResponse,
                    "scorer program \(program) answered id \"\(id.prefix(40))\", which no request in flight has: \(line.prefix(200))"
                ), stop: true)
            return
        }
        timers.removeValue(forKey: id)?.cancel()
        wakeOne()
        if case .string(let message)? = fields["error"] {
            continuation.resume(returning: .failure(message.isEmpty ? "the scorer program reported an error" : message))
        } else if let score = fields["score"]?.numberValue, score.isFinite {
            continuation.resume(returning: .score(score))
        } else {
            continuation.resume(
                returning: .failure(
                    "the scorer program answered without a numeric score or an error: \(line.prefix(200))"))
        }
    }

    private func expire(_ id: String) {
        abandon(
            id,
            with: ClientError(.connection, "scorer program \(program) did not answer request \(id) within \(timeout)"))
    }

    private func abandon(_ id: String, with error: any Error) {
        guard let continuation = pending.removeValue(forKey: id) else { return }
        timers.removeValue(forKey: id)?.cancel()
        if abandoned.count >= 10_000 { abandoned.removeAll() }
        abandoned.insert(id)
        continuation.resume(throwing: error)
        wakeOne()
    }

    /// Makes the session unusable with `error`, failing everything in flight; `stop` also
    /// terminates the program (it broke the protocol, so its later answers cannot be trusted).
    private func fail(_ error: ClientError, stop: Bool) {
        if terminal == nil { terminal = error }
        let error = terminal ?? error
        for (_, continuation) in pending { continuation.resume(throwing: error) }
        pending.removeAll()
        for (_, timer) in timers { timer.cancel() }
        timers.removeAll()
        for waiter in waiting { waiter.resume() }
        waiting.removeAll()
        if stop { terminate() }
    }

    private func wakeOne() {
        if !waiting.isEmpty { waiting.removeFirst().resume() }
    }
}
