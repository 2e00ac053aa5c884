/// A configuration problem found before any work starts: an option that names no scorer, a
/// rubric of the wrong mode, two scorers with one name. The user's to fix, so the command line
/// exits with status 2.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
