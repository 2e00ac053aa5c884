/// Why a backend call failed, in words a user can act on.
public struct ClientError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }

    static func status(_ code: UInt, url: String, body: String) -> ClientError {
        ClientError("HTTP \(code) from \(url): \(body.prefix(300))")
    }
}
