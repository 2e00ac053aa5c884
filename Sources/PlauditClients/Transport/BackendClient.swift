public import Foundation
public import PlauditCore
import Synchronization

/// One configured backend: its replicas, its key, its limits, and the retry policy, over a
/// shared ``HTTPTransport``. Adapters call ``post(_:body:decode:)`` and get a decoded answer or
/// a ``ClientError`` whose message never contains the key.
///
/// SKELETON: the public API is fixed; the machinery behind it (AIMD, rate limits, replica
/// balancing, retry-after) is being filled in.
public final class BackendClient: Sendable {
    public let configuration: BackendConfiguration
    let transport: any HTTPTransport
    let apiKey: String?
    let counters = Mutex(BackendStatistics())

    /// - Throws: ``ClientError`` when `api_key_env` names a variable that is not set, or
    ///   there is no URL.
    public init(
        configuration: BackendConfiguration,
        transport: any HTTPTransport,
        environment: [String: String] = ProcessInfo.processInfo.environment
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
    }

    /// The first base URL without credentials: the backend's identity in cache keys and
    /// manifests.
    public var baseURL: String {
        URLCredentials.removing(from: configuration.urls[0])
    }

    /// Counts so far.
    public var statistics: BackendStatistics {
        counters.withLock { $0 }
    }

    /// POSTs a JSON body to `path` on one replica and decodes the 2xx answer with `decode`.
    /// An answer that does not decode (for example JSON cut short) is retried like a dropped
    /// connection; the last decoding error is reported if retries run out.
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

    func exchange<T>(method: String, path: String, body: Data?, decode: @Sendable (Data) throws -> T) async throws -> T {
        let url = configuration.urls[0] + path
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
        var lastError: any Error = ClientError(.unexpectedResponse, "no attempt made")
        for attempt in 0...configuration.maxRetries {
            counters.withLock {
                $0.requests += 1
                if attempt > 0 { $0.retries += 1 }
            }
            do {
                let response = try await transport.send(
                    TransportRequest(method: method, url: url, headers: headers, body: body, timeout: .seconds(configuration.requestTimeout))
                )
                if (200..<300).contains(response.status) {
                    do {
                        return try decode(response.body)
                    } catch {
                        lastError = ClientError(.unexpectedResponse, "unexpected answer from \(URLCredentials.removing(from: url)): \(error)")
                    }
                } else {
                    let error = ClientError(.httpStatus(UInt(response.status)), "HTTP \(response.status) from \(URLCredentials.removing(from: url))")
                    guard [408, 409, 429, 500, 502, 503, 504, 529].contains(response.status) else {
                        counters.withLock { $0.failures += 1 }
                        throw error
                    }
                    lastError = error
                }
            } catch let error as ClientError {
                throw error
            } catch {
                lastError = ClientError(.connection, "no answer from \(URLCredentials.removing(from: url)): \(error)")
            }
            if attempt < configuration.maxRetries {
                try await Task.sleep(for: .milliseconds(100 << min(attempt, 6)))
            }
        }
        counters.withLock { $0.failures += 1 }
        throw lastError
    }
}
