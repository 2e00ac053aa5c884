import ArgumentParser
import Foundation
import PlauditCore

/// Exit codes: 0 success, 1 a failure while running (a server died), 2 bad input or
/// configuration. Errors are printed as one line on standard error.
enum ExitStatus {
    static let failure = ExitCode(1)
    static let badInput = ExitCode(2)

    /// Prints `message` as `plaudit: error: …` and returns the exit code to throw.
    static func fail(_ message: String, code: ExitCode) -> ExitCode {
        FileHandle.standardError.write(Data("plaudit: error: \(message)\n".utf8))
        return code
    }
}

/// A configuration problem found before any work starts.
struct ConfigurationError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
