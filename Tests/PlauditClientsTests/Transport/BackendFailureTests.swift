import Foundation
import Testing

@testable import PlauditClients

@Suite("BackendFailure messages")
struct BackendFailureTests {
    static let key = "sk-proj-Abc/123+SECRET"

    let failure = BackendFailure(
        backend: "judge", url: "http://10.0.0.5:8000/v1/chat/completions", apiKeyEnv: "JUDGE_KEY",
        redactor: SecretRedactor(secret: key), maxServerDelay: .seconds(120)
    )

    func status(_ code: Int, _ body: String, _ headers: [String: String] = [:]) -> RetryPolicy.Failure {
        .status(code, headers: headers, body: Data(body.utf8))
    }

    @Test("401: backend, URL, status, server message, the key variable; never the key")
    func unauthorized() {
        let body = #"{"error": {"message": "Incorrect API key provided: sk-proj-Abc\/123+SECRET.", "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}"#
        let error = failure.error(status(401, body), reason: .notRetryable, attempts: 1, detail: nil)
        #expect(error.code == .httpStatus(401))
        for part in ["judge", "http://10.0.0.5:8000/v1/chat/completions", "HTTP 401", "Incorrect API key provided", "JUDGE_KEY", "after 1 attempt"] {
            #expect(error.description.contains(part), "missing \(part) in \(error.description)")
        }
        #expect(!error.description.contains(Self.key))
        #expect(!error.description.contains("SECRET"))
    }

    @Test("an unparseable body that echoes the key, JSON-escaped or not, is redacted")
    func rawEcho() {
        let error = failure.error(status(403, "forbidden for key sk-proj-Abc\\/123+SECRET and sk-proj-Abc/123+SECRET"), reason: .notRetryable, attempts: 1, detail: nil)
        #expect(!error.description.contains("SECRET"))
        #expect(error.description.contains("[redacted]"))
        let connection = failure.error(.connection, reason: .retriesExhausted, attempts: 3, detail: "refused by sk-proj-Abc/123+SECRET")
        #expect(!connection.description.contains("SECRET"))
    }

    @Test("passwords in the backend's URLs are redacted from transport text")
    func urlPasswords() {
        let redactor = SecretRedactor(secret: "k-123", urls: ["http://alice:pa%2Fss@10.0.0.5:8000", "http://10.0.0.6:8000"])
        let text = redactor.redact("failed http://alice:pa%2Fss@10.0.0.5:8000/x (password pa/ss, key k-123)")
        #expect(text == "failed http://[redacted]@10.0.0.5:8000/x (password [redacted], key [redacted])")
        #expect(SecretRedactor(secret: nil).redact("unchanged") == "unchanged")
    }

    @Test("context overflow: permanent per-item failure, not retried")
    func contextOverflow() {
        let body = #"{"error": "`inputs` must have less than 512 tokens. Given: 600", "error_type": "validation"}"#
        let error = failure.error(status(422, body), reason: .notRetryable, attempts: 1, detail: nil)
        #expect(error.code == .httpStatus(422))
        #expect(error.description.contains("(validation)"))
        #expect(error.description.contains("permanent failure of this item"))
        #expect(error.description.contains("not retried"))
    }

    @Test("retries exhausted, quota and too long a wait say so")
    func stopReasons() {
        let overloaded = failure.error(status(529, #"{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}"#), reason: .retriesExhausted, attempts: 7, detail: nil)
        #expect(overloaded.code == .httpStatus(529))
        #expect(overloaded.description.contains("after 7 attempts"))
        #expect(overloaded.description.contains("\"Overloaded\""))
        #expect(overloaded.description.contains("lower concurrency"))
        let quota = failure.error(status(429, "{}"), reason: .quotaExhausted, attempts: 1, detail: nil)
        #expect(quota.description.contains("quota or spend limit"))
        let wait = failure.error(status(429, "{}", ["retry-after": "300"]), reason: .serverDelayTooLong(.seconds(300)), attempts: 2, detail: nil)
        #expect(wait.description.contains("asked to wait 300 s"))
        #expect(wait.description.contains("120 s"))
        let connection = failure.error(.connection, reason: .retriesExhausted, attempts: 3, detail: "no answer within 2.0 seconds")
        #expect(connection.code == .connection)
        #expect(connection.description.contains("after 3 attempts (no answer within 2.0 seconds)"))
        let cut = failure.error(.undecodable, reason: .retriesExhausted, attempts: 2, detail: "dataCorrupted")
        #expect(cut.code == .unexpectedResponse)
    }

    @Test("a 401 without api_key_env says to set one")
    func noKeyVariable() {
        let keyless = BackendFailure(backend: "b", url: "http://h/x", apiKeyEnv: nil, redactor: SecretRedactor(secret: nil), maxServerDelay: .seconds(120))
        let error = keyless.error(status(401, #"{"error": "unauthorized"}"#), reason: .notRetryable, attempts: 1, detail: nil)
        #expect(error.description.contains("api_key_env"))
        #expect(error.description.contains("\"unauthorized\""))
    }

    @Test("no server there: one line naming the backend, its kind and URL, what failed and what to check")
    func unreachable() {
        let down = BackendFailure(
            backend: "rm-a", url: "http://127.0.0.1:8001", apiKeyEnv: "RM_KEY", redactor: SecretRedactor(secret: Self.key),
            maxServerDelay: .seconds(120), kind: "vllm"
        )
        let expected: [(ConnectFailure.Reason, String)] = [
            (.refused, "connection refused after 2 attempts — is the server running? Start it, or correct the urls of 'rm-a' in the configuration."),
            (.couldNotConnect, "could not connect after 2 attempts — is the server running? Start it, or correct the urls of 'rm-a' in the configuration."),
            (.unreachable, "host unreachable after 2 attempts — check the host in the urls of 'rm-a' and the network between here and it."),
            (.unresolved, "host name not found after 2 attempts — check the host name in the urls of 'rm-a'."),
            (.timedOut, "no connection within the connect timeout after 2 attempts — is the host right and the server up? A slow network may need a longer connect_timeout."),
        ]
        for (reason, tail) in expected {
            let error = down.error(.notConnected(reason), reason: .unreachable, attempts: 2, detail: "raw \(Self.key)")
            #expect(error.code == .unreachable)
            #expect(error.description == "backend 'rm-a' (vllm at http://127.0.0.1:8001): " + tail)
            #expect(!error.description.contains("\n"))
        }
        // After the backend has answered, running out of retries reads like any connection failure.
        let later = down.error(.notConnected(.refused), reason: .retriesExhausted, attempts: 7, detail: "connection refused (errno 111)")
        #expect(later.code == .connection)
        #expect(later.description.contains("no complete answer after 7 attempts (connection refused (errno 111))"))
    }
}
