import Foundation
import PlauditTesting
import Testing

/// `plaudit test` end to end through the binary, with a fake OpenAI-compatible judge on
/// 127.0.0.1 configured in plaudit.yaml: a baseline with neutral rubrics, a reworded rubric that
/// passes, a rubric edited to favour the modal answer that fails with the flipped prompts in
/// diff.md, only the edited rubric's requests sent, and JUnit XML that validates.
@Suite("plaudit test: planted regression (fake judge)")
struct SuitePlantedRegressionTests {
    static let suiteYAML = """
        name: planted
        baseline: baseline.json
        config: plaudit.yaml
        cache: cache.sqlite
        data:
          calibration: data.jsonl
        rubrics:
          a: rubrics/a.yaml
          b: rubrics/b.yaml
        options: {clustering: labels, embedder: lexical, resamples: 200, permutations: 999}
        checks:
          - name: judges
            scorers:
              - {scorer: judge-a, rubric: a}
              - {scorer: judge-b, rubric: b}
            assertions:
              - gap.value > -3
              - no regression in gap
              - no regression in under_reward_rate

        """

    static func configuration(_ url: String) -> String {
        """
        backends:
          - {name: fake, kind: openai, urls: [\(url)], model: fake-judge, max_retries: 0}
        scorers:
          - {name: judge-a, backend: fake, type: judge}
          - {name: judge-b, backend: fake, type: judge}

        """
    }

    static var xmllint: String? {
        ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test("baseline, reworded rubric passes (0), planted edit fails (1) with flips in diff.md; only the edited rubric is asked; JUnit validates")
    func plantedRegression() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try await SuiteFakeJudge.start()
        do {
            try await scenario(dir: dir, server: server)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    func scenario(dir: URL, server: FakeHTTPServer) async throws {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("rubrics"), withIntermediateDirectories: true)
        try SuiteFakeJudge.dataset(prompts: 8).write(to: dir.appendingPathComponent("data.jsonl"), atomically: true, encoding: .utf8)
        try Self.configuration(server.baseURL).write(to: dir.appendingPathComponent("plaudit.yaml"), atomically: true, encoding: .utf8)
        try Self.suiteYAML.write(to: dir.appendingPathComponent("suite.yaml"), atomically: true, encoding: .utf8)
        func writeRubric(_ name: String, _ extra: String) throws {
            try SuiteFakeJudge.rubric(id: "judge-\(name)", tag: name.uppercased(), extra: extra)
                .write(to: dir.appendingPathComponent("rubrics/\(name).yaml"), atomically: true, encoding: .utf8)
        }
        try writeRubric("a", "Rate how good the answer is.")
        try writeRubric("b", "Rate how good the answer is.")
        func run(_ extra: [String] = []) async throws -> CommandRunner.Result {
            try await CommandRunner.runOffPool(["test", "suite.yaml", "--out", "out"] + extra, in: dir, timeout: 240)
        }
        func counts() -> (a: Int, b: Int) {
            (SuiteFakeJudge.requests(server, tagged: "[rubric A]"), SuiteFakeJudge.requests(server, tagged: "[rubric B]"))
        }

        // A relative assertion without a baseline is an error that names --update-baseline.
        let missing = try await run()
        #expect(missing.status == 2, "\(missing.stderr)")
        #expect(missing.stderr.contains("--update-baseline"), "\(missing.stderr)")

        // (a) The baseline, with neutral rubrics: 8 prompts × 6 answers per judge.
        let first = try await run(["--update-baseline"])
        #expect(first.status == 0, "stdout: \(first.stdout)\nstderr: \(first.stderr)")
        let afterBaseline = counts()
        #expect(afterBaseline.a == 48 && afterBaseline.b == 48, "\(afterBaseline)")
        let baseline = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("baseline.json"))) as! [String: Any]
        #expect(baseline["schema"] as? String == "plaudit.suite-baseline/1")
        #expect((baseline["rubrics"] as? [[String: Any]])?.count == 2)
        #expect(first.stdout.contains("SKIP"), "\(first.stdout)")
        try FileManager.default.copyItem(at: dir.appendingPathComponent("out/junit.xml"), to: dir.appendingPathComponent("junit-baseline.xml"))

        // (b) Rubric b reworded, same behaviour: passes; only b is asked again.
        try writeRubric("b", "Judge the quality of the answer carefully.")
        let reworded = try await run()
        #expect(reworded.status == 0, "stdout: \(reworded.stdout)\nstderr: \(reworded.stderr)")
        let afterReword = counts()
        #expect(afterReword.a == afterBaseline.a, "rubric a unchanged: no request for it")
        #expect(afterReword.b == afterBaseline.b + 48, "\(afterReword)")
        let rewordedDiff = try String(contentsOf: dir.appendingPathComponent("out/diff.md"), encoding: .utf8)
        #expect(rewordedDiff.contains("Rubrics changed since the baseline: `b`"), "\(rewordedDiff)")

        // (c) Rubric b edited to favour the modal answer: fails, exit 1, and diff.md lists the flipped prompts.
        try writeRubric("b", "Rate how good the answer is; \(SuiteFakeJudge.plantedMarker).")
        let planted = try await run()
        #expect(planted.status == 1, "stdout: \(planted.stdout)\nstderr: \(planted.stderr)")
        // (d) Only the edited rubric's requests were sent.
        let afterPlant = counts()
        #expect(afterPlant.a == afterBaseline.a, "a second run after a one-rubric edit makes requests only for that rubric: \(afterPlant)")
        #expect(afterPlant.b == afterReword.b + 48, "\(afterPlant)")
        // Every run that scores fingerprints each judge with one fixed probe, and no more.
        #expect(SuiteFakeJudge.probes(server, tagged: "[rubric A]") <= 3, "\(SuiteFakeJudge.probes(server, tagged: "[rubric A]"))")
        print("suite planted regression: requests per rubric after baseline \(afterBaseline), after rewording b \(afterReword), after planting in b \(afterPlant)")

        let diff = try String(contentsOf: dir.appendingPathComponent("out/diff.md"), encoding: .utf8)
        #expect(diff.contains("**FAIL**"), "\(diff)")
        #expect(diff.contains("## judges · judge-b · no regression in gap"), "\(diff)")
        #expect(diff.contains("| q1 | no → yes |") || diff.contains("| q2 | no → yes |"), "\(diff)")
        let junit = try String(contentsOf: dir.appendingPathComponent("out/junit.xml"), encoding: .utf8)
        #expect(junit.contains(#"<testcase name="no regression in gap [judge-b]""#))
        #expect(junit.contains(#"type="regression""#))
        #expect(junit.contains(#"failures="2""#), "gap and U regress for judge-b only: \(junit)")
        let line = planted.stdout.split(separator: "\n").first { $0.contains("FAIL") && $0.contains("no regression in gap [judge-b]") }
        print("suite planted regression: \(line ?? "no FAIL line")")
        #expect(planted.stdout.contains("PASS  judges · no regression in gap [judge-a]"), "\(planted.stdout)")

        // (e) The JUnit XML validates against the project's schema.
        let schema = CommandRunner.repositoryRoot.appendingPathComponent("Tests/plauditTests/Schemas/junit.xsd").path
        guard let xmllint = Self.xmllint else {
            if ProcessInfo.processInfo.environment["PLAUDIT_REQUIRE_LOCAL_MODEL"] == "1" {
                Issue.record("xmllint is not installed (apt-get install libxml2-utils), and PLAUDIT_REQUIRE_LOCAL_MODEL=1 requires the schema check")
            } else {
                print("skipping the JUnit schema check: xmllint is not installed (apt-get install libxml2-utils)")
            }
            return
        }
        for file in ["junit-baseline.xml", "out/junit.xml"] {
            let check = Process()
            check.executableURL = URL(fileURLWithPath: xmllint)
            check.arguments = ["--noout", "--schema", schema, dir.appendingPathComponent(file).path]
            let err = Pipe()
            check.standardError = err
            try check.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            check.waitUntilExit()
            #expect(check.terminationStatus == 0, "xmllint: \(message)")
        }
    }
}
