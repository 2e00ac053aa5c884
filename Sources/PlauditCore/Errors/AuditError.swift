/// A failure of a job's own logic or of a component it was given (an embedder that returned
/// fewer vectors than texts, a scorer that answered a batch with the wrong count).
public struct AuditError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
