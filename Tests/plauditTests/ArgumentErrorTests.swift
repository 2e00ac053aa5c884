import Foundation
import Testing

/// Arguments the parser or a command's `validate()` refuses exit 2, like every other bad input,
/// with one line on standard error that names the command's help.
@Suite("argument errors (command line)")
struct ArgumentErrorTests {
    static let cases: [(arguments: [String], says: String, help: String)] = [
        (["audit", "d.jsonl", "--resamples", "abc"], "'abc' is invalid for '--resamples", "plaudit audit --help"),
        (["audit", "d.jsonl", "--confidence", "2"], "--confidence must be in [0.5, 1)", "plaudit audit --help"),
        (["audit", "d.jsonl", "--no-such-option"], "Unknown option '--no-such-option'", "plaudit audit --help"),
        (["sycophancy", "score", "v.jsonl", "--permutations", "5"], "--permutations must be at least 99", "plaudit sycophancy score --help"),
        (["homogeneity", "g.jsonl", "--confidence", "1.5"], "--confidence", "plaudit homogeneity --help"),
        (["test"], "Missing expected argument '<suite>'", "plaudit test --help"),
        (["no-such-command"], "Unexpected argument 'no-such-command'", "plaudit --help"),
    ]

    @Test("a refused argument: exit 2, one line naming the problem and the command's help", arguments: 0..<7)
    func refused(index: Int) async throws {
        let (arguments, says, help) = Self.cases[index]
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try await CommandRunner.runOffPool(arguments, in: dir)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        #expect(lines.first?.hasPrefix("plaudit: error: ") == true, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(says), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("(see '\(help)')"), "stderr: \(result.stderr)")
    }

    @Test("--help and --version still exit 0 and print to standard output")
    func helpAndVersion() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let help = try await CommandRunner.runOffPool(["audit", "--help"], in: dir)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: plaudit audit"))
        let version = try await CommandRunner.runOffPool(["--version"], in: dir)
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test("`plaudit assets check` is `plaudit assets status`, as the top-level help says")
    func assetsCheck() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let check = try await CommandRunner.runOffPool(["assets", "check"], in: dir)
        let status = try await CommandRunner.runOffPool(["assets", "status"], in: dir)
        #expect(check.status == 0, "stderr: \(check.stderr)")
        #expect(check.stdout == status.stdout)
        #expect(check.stdout.contains("assets folder: "))
    }
}
