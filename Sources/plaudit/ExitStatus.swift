import ArgumentParser
import Foundation
import PlauditClients
import PlauditCore
import PlauditStore

/// Exit codes: 0 success, 1 a failure while running (a server died), 2 bad input, arguments or
/// configuration. Errors are printed as one line on standard error, here and nowhere else.
enum ExitStatus {
    static let failure = ExitCode(1)
    static let badInput = ExitCode(2)

    /// The exit code for an error met while running: 2 when the user's input or configuration
    /// is at fault (a located input error, a backend configured wrongly, a file that is not a
    /// cache), 1 otherwise (a server failed, the cache is busy).
    static func code(for error: any Error) -> ExitCode {
        switch error {
        case let error as ExitCode: error
        case is InputError, is ConfigurationError: badInput
        case let error as ClientError where error.code == .configuration: badInput
        case let error as CacheError where [.notACache, .newerSchema, .corrupt].contains(error.code): badInput
        default: failure
        }
    }

    /// Ends the process for `error`. `--help` and `--version` print as ArgumentParser prints
    /// them; an argument the parser or a `validate()` refused is one line naming the command's
    /// help, with status 2 like any other bad input; an `ExitCode` was already reported.
    static func exit(for error: any Error) -> Never {
        if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
        switch Plaudit.exitCode(for: error) {
        case .success:
            Plaudit.exit(withError: error)
        case .validationFailure:
            let message = Plaudit.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            FileHandle.standardError.write(Data("plaudit: error: \(message) (see '\(helpCommand()) --help')\n".utf8))
            Foundation.exit(badInput.rawValue)
        default:
            FileHandle.standardError.write(Data("plaudit: error: \(error)\n".utf8))
            Foundation.exit(code(for: error).rawValue)
        }
    }

    /// `plaudit` followed by the subcommand words of this invocation, for pointing at its help.
    private static func helpCommand() -> String {
        var words = ["plaudit"]
        var commands: [any ParsableCommand.Type] = Plaudit.configuration.subcommands
        for argument in CommandLine.arguments.dropFirst() {
            guard let next = commands.first(where: { $0._commandName == argument }) else { break }
            words.append(argument)
            commands = next.configuration.subcommands
        }
        return words.joined(separator: " ")
    }
}
