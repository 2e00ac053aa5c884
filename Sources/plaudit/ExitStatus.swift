import ArgumentParser
import Foundation
import PlauditClients
import PlauditCore
import PlauditStore

/// Exit codes: 0 success, 1 a failure while running (a server died), 2 bad input or
/// configuration. Errors are printed as one line on standard error.
enum ExitStatus {
    static let failure = ExitCode(1)
    static let badInput = ExitCode(2)

    /// The exit code for an error met while running: 2 when the user's input or configuration
    /// is at fault (a located input error, a backend configured wrongly, a file that is not a
    /// cache), 1 otherwise (a server failed, the cache is busy).
    static func code(for error: any Error) -> ExitCode {
        switch error {
        case is InputError, is ConfigurationError: badInput
        case let error as ClientError where error.code == .configuration: badInput
        case let error as CacheError where [.notACache, .newerSchema, .corrupt].contains(error.code): badInput
        default: failure
        }
    }

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
