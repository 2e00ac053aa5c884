/// An error that may be a server's refusal of one input (too long for the model) rather than a
/// failure of the backend itself.
///
/// Audits cannot see transport error types; they ask this instead, so that a refused input
/// fails alone (a per-item failure) while every other error stops the run.
public protocol RejectedInputError: Error {
    /// The server's (redacted) reason when it refused this one input; `nil` for any other failure.
    var rejectedInput: String? { get }
}
