public import PlauditCore

/// Why a backend or a local asset failed, in words a user can act on.
///
/// A struct around a code rather than a public enum, so codes can be added without breaking
/// callers (the pattern of swift-subprocess's `SubprocessError`).
public struct ClientError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Storage: Hashable, Sendable {
            case httpStatus(UInt)
            case unexpectedResponse
            case serverStart
            case assetMissing
            case assetCorrupt
            case installFailed
            case configuration
            case connection
            case unreachable
        }

        let storage: Storage

        /// The server answered with a non-success status (not retried, or retries exhausted).
        public static func httpStatus(_ code: UInt) -> Code { Code(storage: .httpStatus(code)) }
        /// The answer did not have the documented shape.
        public static let unexpectedResponse = Code(storage: .unexpectedResponse)
        /// A local model server did not start.
        public static let serverStart = Code(storage: .serverStart)
        /// A model or runtime file is not installed.
        public static let assetMissing = Code(storage: .assetMissing)
        /// An installed file does not have its pinned digest.
        public static let assetCorrupt = Code(storage: .assetCorrupt)
        /// pip did not install a pinned package.
        public static let installFailed = Code(storage: .installFailed)
        /// A backend is configured wrongly (no URL, missing key variable, unknown option).
        public static let configuration = Code(storage: .configuration)
        /// No complete answer arrived: refused or dropped connection, timeout.
        public static let connection = Code(storage: .connection)
        /// No server at a backend's address: it never answered, and a connection could not be
        /// opened on the first attempt nor on one quick retry (refused, unreachable, unknown host).
        public static let unreachable = Code(storage: .unreachable)

        public var description: String {
            switch storage {
            case .httpStatus(let code): "HTTP \(code)"
            case .unexpectedResponse: "unexpected response"
            case .serverStart: "server did not start"
            case .assetMissing: "asset missing"
            case .assetCorrupt: "asset corrupt"
            case .installFailed: "install failed"
            case .configuration: "configuration"
            case .connection: "connection"
            case .unreachable: "unreachable"
            }
        }
    }

    public let code: Code
    /// The full message: what happened and what to do about it.
    public let description: String
    /// When the server refused this one input as too long or too large (HTTP 400 or 422 about
    /// the context length, or 413): the server's message, redacted. Such an item fails alone;
    /// every other error stops the run.
    public let rejectedInput: String?

    public init(_ code: Code, _ description: String, rejectedInput: String? = nil) {
        self.code = code
        self.description = description
        self.rejectedInput = rejectedInput
    }
}

extension ClientError: RejectedInputError {}
