public import Foundation
public import PlauditCore
import Synchronization

/// One configured backend: its replicas, its key, its limits, and the retry policy, over a
/// shared ``HTTPTransport``. Adapters call ``post(_:body:decode:)`` and get a decoded answer or
/// a ``ClientError`` whose message never contains the key.
///
/// Each attempt of a call goes through, in order:
/// 1. the concurrency window (`ConcurrencyWindow`) (AIMD: at most `concurrency` in flight, halved on 429, 503
///    and 529, grown back on success);
/// 2. the rate limiter (`RateLimiter`) when `requests_per_minute` or `tokens_per_minute` is set;
/// 3. the replica balancer (`ReplicaBalancer`), which picks the replica with the fewest requests outstanding;
/// 4. the transport, bounded by `request_timeout` (a timeout counts as a connection failure).
///
/// A failed attempt is judged by the ``RetryPolicy`` (`max_retries` from the configuration);
/// waits between attempts run on the injected ``TransportClock``. The client remembers whether
/// the backend has ever answered: until it has, a connection that cannot be opened ends the
/// call after one quick retry with a ``ClientError`` of code `unreachable` naming the backend
/// and its URL, so a run against a server that is down stops within a second or so. Get clients on the process's
/// shared transport from ``SharedTransports/client(for:environment:)``.
public final class BackendClient: Sendable {
    public let configuration: BackendConfiguration
    /// The rules for retrying failed attempts, from `max_retries`.
    public let retryPolicy: RetryPolicy
    let transport: any HTTPTransport
    let apiKey: String?
    let counters = Mutex(BackendStatistics())
    let window: ConcurrencyWindow
    let rateLimiter: RateLimiter?
    let replicas: ReplicaBalancer
    let clock: TransportClock
    let jitter: @Sendable () -> Double
    let redactor: SecretRedactor
    /// Whether any request has had an answer (any status) from any replica.
    let answered = Atomic<Bool>(false)

    /// - Parameters:
    ///   - environment: where the variable named by `api_key_env` is looked up.
    ///   - clock: time for back-off, `retry-after` and rate-limit waits (tests pass a clock
    ///     that does not really sleep).
    ///   - jitter: random numbers in `0..<1` that shorten back-off waits by up to a quarter.
    /// - Throws: ``ClientError`` when `api_key_env` names a variable that is not set, or
    ///   there is no URL.
    public init(
        configuration: BackendConfiguration,
        transport: any HTTPTransport,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        clock: TransportClock = .system,
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) throws {
        guard !configuration.urls.isEmpty else {
            throw ClientError(.configuration, "backend '\(configuration.name)': no urls given")
        }
        self.configuration = configuration
        self.transport = transport
        if let variable = configuration.apiKeyEnv {
            guard let key = environment[variable], !key.isEmpty else {
                throw ClientError(.configuration, "backend '\(configuration.name)': environment variable \(variable) (api_key_env) is not set")
            }
            self.apiKey = key
        } else {
            self.apiKey = nil
        }
        retryPolicy = RetryPolicy(maxRetries: configuration.maxRetries)
        window = ConcurrencyWindow(maximum: configuration.concurrency)
        rateLimiter = RateLimiter(
            requestsPerMinute: configuration.requestsPerMinute,
            tokensPerMinute: configuration.tokensPerMinute,
            clock: clock
        )
        replicas = ReplicaBalancer(replicas: configuration.urls.count)
        self.clock = clock
        self.jitter = jitter
        redactor = SecretRedactor(secret: apiKey, urls: configuration.urls)
    }

    /// The backend's identity in cache keys and manifests: `identityURL` when set, else the
    /// first base URL; without credentials either way.
    public var baseURL: String {
        URLCredentials.removing(from: configuration.identityURL ?? configuration.urls[0])
    }

    /// Where answers come from, for cache keys: ``baseURL``, plus a digest of the configured
    /// headers when there are any (a gateway may route on a header, or an API version header may
    /// change answers). Credentials never enter it: keys come from `api_key_env`, and
    /// configuration refuses credential headers.
    public var cacheURL: String {
        guard !configuration.headers.isEmpty else { return baseURL }
        let lines = configuration.headers.map { "\($0.key.lowercased()): \($0.value)" }.sorted().joined(separator: "\n")
        return baseURL + "#headers=" + SHA256Hex.digest(of: lines).prefix(16)
    }

    /// Counts so far.
    public var statistics: BackendStatistics {
        counters.withLock { $0 }
    }

    /// The current concurrency window (AIMD): `concurrency` until the server says "slow down".
    public var concurrencyLimit: Int {
        get async { await window.limit }
    }

    /// POSTs a JSON body to `path` on one replica and decodes the 2xx answer with `decode`.
    ///
    /// A 2xx answer that is not valid JSON (for example JSON cut short) is retried like a
    /// dropped connection. Valid JSON that `decode` rejects fails at once with
    /// `.unexpectedResponse`: the same server would answer the same way again.
    public func post<T>(_ path: String, body: Data, decode: @Sendable (Data) throws -> T) async throws -> T {
        try await exchange(method: "POST", path: path, body: body, decode: decode)
    }

    /// POSTs `body` encoded as JSON with sorted keys and decodes the answer as `T`.
    public func post<B: Encodable, T: Decodable & Sendable>(_ path: String, body: B, as type: T.Type) async throws -> T {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try await post(path, body: try encoder.encode(body)) { try JSONDecoder().decode(T.self, from: $0) }
    }

    /// GETs `path` and decodes the answer as `T`.
    public func get<T: Decodable & Sendable>(_ path: String, as type: T.Type) async throws -> T {
        try await exchange(method: "GET", path: path, body: nil) { try JSONDecoder().decode(T.self, from: $0) }
    }

    // MARK: - One call

    /// What one attempt came to.
    private enum Attempt<T> {
        case success(T)
        /// A failure the ``RetryPolicy`` judges.
        case failure(RetryPolicy.Failure, detail: String?)
        /// A failure no retry can fix (a 2xx answer of the wrong shape, a bad URL).
        case permanent(ClientError)
    }

    func exchange<T>(method: String, path: String, body: Data?, decode: @Sendable (Data) throws -> T) async throws -> T {
        var history = RetryPolicy.History()
        while true {
            let (attempt, replica) = try await send(method: method, path: path, body: body, isRetry: history.retries > 0, decode: decode)
            let failure: RetryPolicy.Failure
            let detail: String?
            switch attempt {
            case .success(let value):
                return value
            case .failure(let f, let d):
                (failure, detail) = (f, d)
            case .permanent(let error):
                counters.withLock { $0.failures += 1 }
                throw error
            }
            history.backendHasAnswered = answered.load(ordering: .relaxed)
            let decision = retryPolicy.decide(failure, history: history, jitter: jitter(), now: clock.date())
            switch decision {
            case .retry(let delay):
                history = history.recording(failure)
                try await clock.sleep(delay)
            case .stop(let reason):
                counters.withLock { $0.failures += 1 }
                // No server there: name the server's address, not the endpoint.
                let url = reason == .unreachable ? configuration.urls[replica] : configuration.urls[replica] + path
                let report = BackendFailure(
                    backend: configuration.name,
                    url: URLCredentials.removing(from: url),
                    apiKeyEnv: configuration.apiKeyEnv,
                    redactor: redactor,
                    maxServerDelay: retryPolicy.maxServerDelay,
                    kind: configuration.kind.rawValue
                )
                throw report.error(failure, reason: reason, attempts: history.retries + 1, detail: detail)
            }
        }
    }

    /// Sends one attempt under the concurrency window and the rate limits, to the replica
    /// chosen when it is admitted.
    /// - Returns: the outcome and the index of the replica it was sent to.
    /// - Throws: only `CancellationError`; every other outcome is an ``Attempt``.
    private func send<T>(
        method: String, path: String, body: Data?, isRetry: Bool, decode: @Sendable (Data) throws -> T
    ) async throws -> (Attempt<T>, replica: Int) {
        let permit = try await window.acquire()
        var outcome = ConcurrencyWindow.Outcome.neutral
        do {
            try await rateLimiter?.admit(bodyBytes: body?.count ?? 0)
            let replica = replicas.start()
            defer { replicas.finish(replica) }
            let url = configuration.urls[replica] + path
            let attempt = try await sendHoldingPermit(method: method, url: url, body: body, isRetry: isRetry, decode: decode, outcome: &outcome)
            await window.release(permit, outcome: outcome)
            return (attempt, replica)
        } catch {
            await window.release(permit, outcome: outcome)
            throw error
        }
    }

    private func sendHoldingPermit<T>(
        method: String, url: String, body: Data?, isRetry: Bool, decode: @Sendable (Data) throws -> T,
        outcome: inout ConcurrencyWindow.Outcome
    ) async throws -> Attempt<T> {
        counters.withLock {
            $0.requests += 1
            if isRetry { $0.retries += 1 }
        }
        let request = TransportRequest(
            method: method, url: url, headers: headers(), body: body, timeout: .seconds(roundedToNanoseconds: configuration.requestTimeout)
        )
        let response: TransportResponse
        do {
            let transport = self.transport
            response = try await RequestTimeout.run(request.timeout) { try await transport.send(request) }
        } catch let error as ClientError where error.code == .configuration {
            return .permanent(ClientError(.configuration, redactor.redact(error.description)))
        } catch let error as ConnectFailure {
            if Task.isCancelled { throw CancellationError() }
            return .failure(.notConnected(error.reason), detail: redactor.redact(error.description))
        } catch {
            if Task.isCancelled { throw CancellationError() }
            return .failure(.connection, detail: redactor.redact(String(describing: error)))
        }
        answered.store(true, ordering: .relaxed)
        guard (200..<300).contains(response.status) else {
            if RetryPolicy.throttlingStatuses.contains(response.status) {
                outcome = .throttled
                counters.withLock { $0.throttled += 1 }
            }
            return .failure(.status(response.status, headers: response.headers, body: response.body), detail: nil)
        }
        do {
            let value = try decode(response.body)
            outcome = .success
            return .success(value)
        } catch {
            let detail = redactor.redact(String(describing: error))
            if (try? JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed])) == nil {
                return .failure(.undecodable, detail: detail)
            }
            return .permanent(
                ClientError(
                    .unexpectedResponse,
                    redactor.redact(
                        "backend '\(configuration.name)' at \(URLCredentials.removing(from: url)): the answer does not have the expected shape "
                            + "(\(detail)). Check that the backend's kind and endpoint match the server; not retried."
                    )
                )
            )
        }
    }

    /// The configured headers, then the key in the configured style.
    private func headers() -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json")]
        for (name, value) in configuration.headers.sorted(by: { $0.key < $1.key }) {
            headers.append((name, value))
        }
        if let apiKey {
            switch configuration.effectiveAuth {
            case .bearer: headers.append(("Authorization", "Bearer \(apiKey)"))
            case .xAPIKey: headers.append(("x-api-key", apiKey))
            case .none: break
            }
        }
        return headers
    }
}
