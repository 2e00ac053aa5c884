import Foundation

/// Turns the last failed attempt of a call into a ``ClientError`` a user can act on.
///
/// Every message names the backend, the URL without credentials, the status, the server's own
/// explanation (from any of the six error shapes, see ``ServerErrorBody``), how many attempts
/// were made, and what to do. Server text and the finished message both pass through the
/// backend's ``SecretRedactor``, so the API key never appears even when the server echoes it.
struct BackendFailure: Sendable {
    /// The backend's configured name.
    let backend: String
    /// The request URL, credentials already removed.
    let url: String
    /// The environment variable that holds the key, to name in advice about 401 and 403.
    let apiKeyEnv: String?
    let redactor: SecretRedactor
    /// The longest server-requested wait honoured, to quote when a server asks for more.
    let maxServerDelay: Duration
    /// The backend's kind (`vllm`, `openai`, ...), named next to the URL when no server is there.
    var kind: String? = nil

    /// The error for `failure`, after which the call stops for `reason`.
    /// - Parameters:
    ///   - attempts: requests sent for this call, the last included.
    ///   - detail: for connection and decoding failures, what the transport or decoder said.
    func error(_ failure: RetryPolicy.Failure, reason: RetryPolicy.StopReason, attempts: Int, detail: String?) -> ClientError {
        let prefix = "backend '\(backend)' at \(url)"
        let tries = attempts == 1 ? "after 1 attempt" : "after \(attempts) attempts"
        let error: ClientError
        if reason == .unreachable, case .notConnected(let why) = failure {
            return ClientError(.unreachable, redactor.redact(unreachable(why, tries: tries)))
        }
        switch failure {
        case .connection, .notConnected:
            error = ClientError(
                .connection,
                "\(prefix): no complete answer \(tries) (\(detail ?? "connection failed")). "
                    + "Check that the server is running and reachable; a timeout can be raised with request_timeout."
            )
        case .undecodable:
            error = ClientError(
                .unexpectedResponse,
                "\(prefix): the answer was not complete JSON \(tries) (\(detail ?? "undecodable")). "
                    + "The server may be cutting answers short; check its log."
            )
        case .status(let status, let headers, let body):
            let parsed = ServerErrorBody(parsing: body)
            var head = "\(prefix): HTTP \(status)"
            if let type = parsed?.type ?? parsed?.code { head += " (\(type))" }
            let said = serverText(parsed: parsed, body: body)
            let advice = advice(status: status, headers: headers, parsed: parsed, reason: reason)
            let rejected = status == 413 || ([400, 422].contains(status) && parsed?.isContextOverflow == true)
            error = ClientError(
                .httpStatus(UInt(max(0, status))), "\(head) \(tries): \(said). \(advice)",
                rejectedInput: rejected ? "the server refused the input (HTTP \(status)): \(said)" : nil
            )
        }
        return ClientError(error.code, redactor.redact(error.description), rejectedInput: error.rejectedInput.map(redactor.redact))
    }

    /// One line for a backend with no server at its address: what failed, where, and what to
    /// check. The URL is the server's base URL; the HTTP stack's own words add nothing here.
    private func unreachable(_ why: ConnectFailure.Reason, tries: String) -> String {
        let place = kind.map { "backend '\(backend)' (\($0) at \(url))" } ?? "backend '\(backend)' at \(url)"
        let what = ConnectFailure(why, detail: "").summary
        let hint: String
        switch why {
        case .refused, .couldNotConnect:
            hint = "is the server running? Start it, or correct the urls of '\(backend)' in the configuration."
        case .unreachable:
            hint = "check the host in the urls of '\(backend)' and the network between here and it."
        case .unresolved:
            hint = "check the host name in the urls of '\(backend)'."
        case .timedOut:
            hint = "is the host right and the server up? A slow network may need a longer connect_timeout."
        }
        return "\(place): \(what) \(tries) — \(hint)"
    }

    /// The server's explanation, or the start of the raw body when it has no known shape.
    private func serverText(parsed: ServerErrorBody?, body: Data) -> String {
        var text = parsed?.message ?? String(decoding: body.prefix(600), as: UTF8.self)
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > 300 { text = String(text.prefix(300)) + "…" }
        if text.isEmpty { return "the server gave no explanation" }
        return "\"" + redactor.redact(text) + "\""
    }

    private func advice(status: Int, headers: [String: String], parsed: ServerErrorBody?, reason: RetryPolicy.StopReason) -> String {
        switch reason {
        case .quotaExhausted:
            return "The account's quota or spend limit is used up; not retried. Check the provider's billing and limits."
        case .serverDelayTooLong(let asked):
            return "The server asked to wait \(Self.seconds(asked)) s before retrying, longer than the "
                + "\(Self.seconds(maxServerDelay)) s this client waits; try again later."
        case .retriesExhausted:
            if RetryPolicy.throttlingStatuses.contains(status) {
                return "The server kept saying it is overloaded or rate-limited; lower concurrency or requests_per_minute, or retry later."
            }
            return "The server kept failing; check its log."
        case .notRetryable, .unreachable:
            break
        }
        if headers["x-should-retry"]?.lowercased() == "false", RetryPolicy.retryableStatuses.contains(status) {
            return "The server said not to retry (x-should-retry: false)."
        }
        switch status {
        case 401, 403:
            if let apiKeyEnv {
                return "Check the API key in the environment variable \(apiKeyEnv) (api_key_env) and its permissions; not retried."
            }
            return "The server wants credentials: name the variable holding the key with api_key_env; not retried."
        case 400, 422:
            if parsed?.isContextOverflow == true {
                return "The input is longer than the model's context: a permanent failure of this item, not retried. "
                    + "Shorten the input or raise the server's context length."
            }
            return "The server rejected the request as invalid; not retried. Check the model name and options for this backend."
        case 404:
            return "Check the URL, the endpoint and the model name; the server may not serve this endpoint for this model. Not retried."
        case 413:
            return "The request is too large; lower max_batch_size. Not retried."
        case 424:
            return "The server's model backend failed (TEI/TGI 424); check the server's log."
        default:
            return "Not retried."
        }
    }

    /// Whole seconds, rounded up.
    private static func seconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) + (attoseconds > 0 ? 1 : 0)
    }
}
