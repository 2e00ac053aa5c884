import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// JSON over HTTP on one shared AsyncHTTPClient, with retries on transient failures.
///
/// AsyncHTTPClient was measured at about 4.8× URLSession's requests per second on this
/// machine kind (research/swift_stack.md §1). Its per-host connection limit defaults to 8 and
/// is raised here to `maxConnectionsPerHost`. Retries cover connection errors, 429 and 5xx
/// with exponential back-off; 4xx other than 429 fail at once.
public final class JSONHTTPClient: Sendable {
    let client: HTTPClient
    let timeout: TimeAmount
    let maxAttempts: Int

    public init(maxConnectionsPerHost: Int = 8, timeoutSeconds: Int64 = 120, maxAttempts: Int = 3) {
        var configuration = HTTPClient.Configuration()
        configuration.httpVersion = .http1Only
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: maxConnectionsPerHost
        )
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(timeoutSeconds))
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.timeout = .seconds(timeoutSeconds)
        self.maxAttempts = maxAttempts
    }

    /// Closes connections. Call once, when no request is in flight.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// POSTs `body` as JSON and decodes a 2xx answer as `T`.
    public func post<Body: Encodable, T: Decodable>(_ url: String, body: Body, as type: T.Type) async throws -> T {
        let data = try JSONEncoder().encode(body)
        let answer = try await send(url: url, method: .POST, body: data)
        do {
            return try JSONDecoder().decode(T.self, from: answer)
        } catch {
            throw ClientError(.unexpectedResponse, "unexpected answer from \(url): \(error); body: \(String(decoding: answer.prefix(300), as: UTF8.self))")
        }
    }

    func send(url: String, method: HTTPMethod, body: Data) async throws -> Data {
        var lastError: any Error = ClientError(.unexpectedResponse, "no attempt made")
        for attempt in 1...maxAttempts {
            var request = HTTPClientRequest(url: url)
            request.method = method
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: body))
            do {
                let response = try await client.execute(request, timeout: timeout)
                let buffer = try await response.body.collect(upTo: 64 << 20)
                let data = Data(buffer: buffer)
                let code = response.status.code
                if (200..<300).contains(code) { return data }
                let error = ClientError.status(code, url: url, body: String(decoding: data, as: UTF8.self))
                guard code == 429 || code >= 500 else { throw error }
                lastError = error
            } catch let error as ClientError {
                throw error
            } catch {
                lastError = error
            }
            if attempt < maxAttempts {
                try await Task.sleep(for: .milliseconds(250 * (1 << (attempt - 1))))
            }
        }
        throw lastError
    }
}
