import Foundation
import PlauditClients
import PlauditCore
import Testing

@Suite("SubprocessScorer against a JSON-lines Python program")
struct SubprocessScorerTests {
    /// Score = ±len(response) (+ for a text prompt, − for messages); modes change behaviour.
    static let script = #"""
        import json, sys
        mode = sys.argv[1] if len(sys.argv) > 1 else "echo"
        held = []

        def answer(req):
            if req["response"] == "please-fail":
                return {"id": req["id"], "error": "cannot score this"}
            sign = 1 if isinstance(req["prompt"], str) else -1
            return {"id": req["id"], "score": sign * len(req["response"])}

        def send(obj):
            sys.stdout.write(json.dumps(obj) + "\n")
            sys.stdout.flush()

        if mode == "chatty":
            sys.stdout.write("loading model weights...\n")
            sys.stdout.flush()
        while True:
            line = sys.stdin.readline()
            if not line:
                break
            req = json.loads(line)
            if req["response"] == "crash":
                sys.stderr.write("Traceback: something\nRuntimeError: model exploded\n")
                sys.stderr.flush()
                sys.exit(3)
            if mode == "silent":
                continue
            if mode == "unknown":
                send({"id": "no-such-id", "score": 1})
                continue
            if mode == "reverse":
                held.append(req)
                if len(held) == 4:
                    for r in reversed(held):
                        send(answer(r))
                    held = []
                continue
            send(answer(req))
        """#

    /// Writes the script into a fresh temporary directory and runs `body` with a scorer on it;
    /// the scorer is shut down and the directory removed afterwards.
    func withScript<T>(
        mode: String,
        timeout: Double = 20,
        concurrency: Int = 64,
        _ body: (SubprocessScorer) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "plaudit-subprocess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("rm.py").path
        try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
        let configuration = BackendConfiguration(
            name: "local-rm", kind: .subprocess, urls: [], model: "toy", concurrency: concurrency,
            requestTimeout: timeout,
            options: ["command": #"["python3", "-u", "\#(path)", "\#(mode)"]"#]
        )
        let scorer = try SubprocessScorer(configuration: configuration)
        do {
            let result = try await body(scorer)
            await scorer.shutdown()
            return result
        } catch {
            await scorer.shutdown()
            throw error
        }
    }

    @Test("many requests in flight are matched by id when answers come back in reverse order")
    func outOfOrder() async throws {
        let outcomes = try await withScript(mode: "reverse") { scorer in
            try await withThrowingTaskGroup(of: (Int, ScoreOutcome).self) { group in
                let requests = [
                    request(.text("Q"), "a"), request(.text("Q"), "bbb"),
                    request(.messages([ChatMessage(role: "user", content: "Q")]), "cc"),
                    request(.text("Q"), "please-fail"),
                ]
                for (index, item) in requests.enumerated() {
                    group.addTask { (index, try await scorer.score(item)) }
                }
                var results = [ScoreOutcome?](repeating: nil, count: requests.count)
                for try await (index, outcome) in group { results[index] = outcome }
                return results
            }
        }
        #expect(outcomes == [.score(1), .score(3), .score(-2), .failure("cannot score this")])
    }

    @Test("one request at a time, with error lines as per-item failures")
    func sequential() async throws {
        let outcomes = try await withScript(mode: "echo") { scorer in
            [
                try await scorer.score(request(.text("Q"), "four")),
                try await scorer.score(request(.text("Q"), "please-fail")),
                try await scorer.score(request(.text("Q"), "")),
            ]
        }
        #expect(outcomes == [.score(4), .failure("cannot score this"), .score(0)])
    }

    @Test("a crashing program fails pending and later requests with its exit status and stderr")
    func crash() async throws {
        let (errors, later, running) = try await withScript(mode: "reverse") { scorer in
            let errors = await withTaskGroup(of: String.self) { group in
                for response in ["x", "yy", "crash"] {
                    group.addTask {
                        do {
                            _ = try await scorer.score(request(.text("Q"), response))
                            return "scored"
                        } catch { return String(describing: error) }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            var later = ""
            do { _ = try await scorer.score(request(.text("Q"), "after")) } catch { later = String(describing: error) }
            return (errors, later, scorer.isRunning)
        }
        #expect(errors.count == 3)
        for message in errors + [later] {
            #expect(message.contains("status 3"), "\(message)")
            #expect(message.contains("model exploded"), "\(message)")
        }
        #expect(!running)
    }

    @Test("a non-JSON stdout line is a clear error and stops the program")
    func chatty() async throws {
        let message = try await withScript(mode: "chatty") { scorer in
            do {
                _ = try await scorer.score(request(.text("Q"), "a"))
                return ""
            } catch { return String(describing: error) }
        }
        #expect(message.contains("not a JSON object"))
        #expect(message.contains("loading model weights"))
        #expect(message.contains("stderr"))
    }

    @Test("an answer for an unknown id is a clear error")
    func unknownID() async throws {
        let message = try await withScript(mode: "unknown") { scorer in
            do {
                _ = try await scorer.score(request(.text("Q"), "a"))
                return ""
            } catch { return String(describing: error) }
        }
        #expect(message.contains("no-such-id"))
    }

    @Test("a request with no answer times out")
    func timeout() async throws {
        let message = try await withScript(mode: "silent", timeout: 0.3) { scorer in
            do {
                _ = try await scorer.score(request(.text("Q"), "a"))
                return ""
            } catch { return String(describing: error) }
        }
        #expect(message.contains("did not answer"))
    }

    @Test("shutdown stops the program and later requests fail")
    func shutdown() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "plaudit-subprocess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("rm.py").path
        try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
        // Space-split form of the command.
        let scorer = try SubprocessScorer(
            configuration: BackendConfiguration(
                name: "local", kind: .subprocess, urls: [], options: ["command": "python3 -u \(path) echo"])
        )
        #expect(scorer.arguments == ["python3", "-u", path, "echo"])
        #expect(try await scorer.score(request(.text("Q"), "abc")) == .score(3))
        await scorer.shutdown()
        #expect(!scorer.isRunning)
        await #expect(throws: ClientError.self) { try await scorer.score(request(.text("Q"), "abc")) }
        #expect(scorer.descriptor.kind == .rewardModel)
        #expect(scorer.descriptor.backend == "subprocess")
        #expect(scorer.cacheIdentity == nil)
    }

    @Test("command errors are configuration errors naming the option")
    func commandErrors() throws {
        for command in ["", "[\"python3\", 3]", "no-such-program-plaudit", "/nonexistent/prog"] {
            let configuration = BackendConfiguration(
                name: "x", kind: .subprocess, urls: [], options: command.isEmpty ? [:] : ["command": command])
            do {
                let scorer = try SubprocessScorer(configuration: configuration)
                Issue.record("no error for \(command); started \(scorer.processIdentifier)")
            } catch {
                #expect(String(describing: error).contains("command"), "\(error)")
            }
        }
    }
}
