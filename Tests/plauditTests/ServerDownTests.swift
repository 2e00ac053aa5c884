import Foundation
import PlauditTesting
import Testing

/// `plaudit audit` with a configured server that is down: the run ends within seconds with one
/// line naming the backend and its URL, exit status 1.
@Suite("plaudit audit against a server that is down")
struct ServerDownTests {

    /// A configuration with one scorer of `type` on a `kind` backend at `url`.
    static func configuration(kind: String, type: String, url: String) -> String {
        """
        cache: {path: c.sqlite}
        backends:
          - name: down
            kind: \(kind)
            urls: [\(url)]
            model: m
            concurrency: 4
            max_retries: 6
        scorers:
          - {name: scorer, backend: down, type: \(type)}

        """
    }

    @Test(
        "a reward model (start-up probe first) and a judge (the first requests of the run) on a dead port: one line, under 10 s",
        arguments: [("vllm", "reward-model"), ("openai", "judge")])
    func deadPort(kind: String, type: String) async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let closed = try ClosedLoopbackPort()
        let port = closed.port
        defer { withExtendedLifetime(closed) {} }
        let url = "http://127.0.0.1:\(port)"
        try Data(Self.configuration(kind: kind, type: type, url: "http://user:hunter2@127.0.0.1:\(port)").utf8)
            .write(to: dir.appendingPathComponent("plaudit.yaml"))
        let run = try await CommandRunner.runOffPool(
            ["audit", BackendRunTests.fixtures, "--config", "plaudit.yaml", "--out", "out"] + BackendRunTests.fast, in: dir, timeout: 120)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(
            run.stderr
                == "plaudit: error: backend 'down' (\(kind) at \(url)): connection refused after 2 attempts — "
                + "is the server running? Start it, or correct the urls of 'down' in the configuration.\n")
        #expect(!run.stderr.contains("hunter2"))
        // The acceptance bound, on the child's own launch-to-exit time (it takes well under a
        // second): before this fix the run spent about 56 s retrying.
        #expect(run.duration < 10, "took \(run.duration) s")
    }
}
