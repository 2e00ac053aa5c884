/// A failure while running that is not the user's input (a write that failed, an install that
/// broke): exit status 1, with the message as it is.
struct RunFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    /// Runs `body`, reporting a failure as one that happened writing to `out`.
    static func writing(to out: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            throw RunFailure("cannot write results to \(out): \(error)")
        }
    }
}
