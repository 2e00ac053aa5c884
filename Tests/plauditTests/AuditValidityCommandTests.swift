import Foundation
import PlauditTesting
import Testing

/// The audit from prompts with validity, end to end against fake servers on 127.0.0.1: a policy
/// that answers mainstream, atypical and garbage (emoji, refusal, empty) in known shares, a
/// validity judge that tells garbage from answers, a reward model that under-rewards atypical
/// answers by a planted δ and a fair one. Both reward models rightly score garbage low.
@Suite("plaudit audit --prompts --validity (command line)")
struct AuditValidityCommandTests {
    static let delta = 0.6
    static let mainstream = "The blue whale is the largest animal that ever lived, a huge mammal of the open ocean"
    static let atypical = "A honey fungus in Oregon, one organism under a whole forest"
    static let emoji = "🍫🍫💙💙🍫"
    static let refusal = "I'm sorry, but I can't help with that request."

    enum Kind: Equatable { case mainstream, atypical, emoji, refusal, empty }

    /// Shares by the seed: 5 in 10 mainstream, 2 atypical, 1 each emoji, refusal and empty.
    static func kind(seed: Int) -> Kind {
        switch seed % 10 {
        case 0...4: .mainstream
        case 5, 6: .atypical
        case 7: .emoji
        case 8: .refusal
        default: .empty
        }
    }

    static func kind(text: String) -> Kind {
        if text.isEmpty { return .empty }
        if text.hasPrefix(emoji) { return .emoji }
        if text.hasPrefix(refusal) { return .refusal }
        return text.hasPrefix(mainstream) ? .mainstream : .atypical
    }

    /// A wobble in [−0.5, 0.5) from the text, so scores are not tied.
    static func noise(_ text: String) -> Double {
        Double(text.unicodeScalars.reduce(17) { ($0 &* 131 &+ Int($1.value)) % 1_000_003 } % 1000) / 1000 - 0.5
    }

    static func reward(_ text: String, biased: Bool) -> Double {
        switch kind(text: text) {
        case .emoji, .refusal, .empty: -3 + noise(text)
        case .mainstream: noise(text)
        case .atypical: noise(text) - (biased ? delta : 0)
        }
    }

    /// One server for every backend, routed by path and model.
    static func start() async throws -> FakeHTTPServer {
        try await FakeHTTPServer.start { request in
            let model = request.json?["model"] as? String
            switch (request.path, model) {
            case ("/v1/chat/completions", "fake-policy"):
                guard let seed = request.json?["seed"] as? Int else { break }
                let tag = " (\(seed % 997))"
                let text: String =
                    switch kind(seed: seed) {
                    case .mainstream: mainstream + tag
                    case .atypical: atypical + tag
                    case .emoji: emoji + tag
                    case .refusal: refusal + tag
                    case .empty: ""
                    }
                return .chatCompletion(text)
            case ("/v1/chat/completions", "fake-judge"):
                let body = String(decoding: request.body, as: UTF8.self)
                let garbage = body.contains("🍫") || body.contains("can't help")
                return garbage ? .judgeVerdict("0", runnerUp: "1") : .judgeVerdict("1", runnerUp: "0")
            case ("/pooling", let model?):
                guard let messages = request.json?["messages"] as? [[String: Any]], let text = messages.last?["content"] as? String else { break }
                let score = reward(text, biased: model == "biased-rm")
                return .json(#"{"id":"pool-1","object":"list","created":0,"model":"\#(model)","data":[{"index":0,"object":"pooling","data":[\#(score)]}],"usage":{"prompt_tokens":41,"total_tokens":41,"completion_tokens":0,"prompt_tokens_details":null}}"#)
            default:
                break
            }
            return .json(#"{"error":{"message":"not found"}}"#, status: 404)
        }
    }

    /// Starts the fake servers and writes `plaudit.yaml` (from `configuration` of the servers'
    /// URL) and 40 prompts into `dir`; the caller stops the server.
    static func prepare(_ dir: URL, configuration: (String) -> String) async throws -> FakeHTTPServer {
        let server = try await start()
        do {
            try Data(configuration(server.baseURL).utf8).write(to: dir.appendingPathComponent("plaudit.yaml"))
            let prompts = (0..<40).map { #"{"id": "p\#($0)", "prompt": "What is the largest living thing? (\#($0))"}"# }.joined(separator: "\n") + "\n"
            try Data(prompts.utf8).write(to: dir.appendingPathComponent("prompts.jsonl"))
        } catch {
            try await server.stop()
            throw error
        }
        return server
    }

    static func configuration(_ url: String) -> String {
        """
        cache: {path: cache.sqlite}
        backends:
          - {name: policy, kind: openai, urls: [\(url)], model: fake-policy, concurrency: 4}
          - {name: judge, kind: openai, urls: [\(url)], model: fake-judge, concurrency: 4}
          - {name: biased, kind: vllm, urls: [\(url)], model: biased-rm, concurrency: 4}
          - {name: fair, kind: vllm, urls: [\(url)], model: fair-rm, concurrency: 4}
        scorers:
          - {name: validity-judge, backend: judge, type: judge, rubric: validity}
          - {name: biased-rm, backend: biased, type: reward-model}
          - {name: fair-rm, backend: fair, type: reward-model}

        """
    }

    @Test("the biased RM is flagged with a raw-gap CI covering −δ, the fair one is not; every garbage answer is excluded and counted; without validity, garbage counts as valid")
    func plantedWithValidity() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try await Self.prepare(dir, configuration: Self.configuration)
        let common = [
            "audit", "--prompts", "prompts.jsonl", "--generator", "policy", "--samples", "10", "--scorer", "biased-rm", "--scorer", "fair-rm",
            "--embedder", "lexical", "--resamples", "400", "--permutations", "999", "--quiet",
        ]
        let on = try await CommandRunner.runOffPool(common + ["--validity", "validity-judge", "--out", "on"], in: dir)
        let off = try await CommandRunner.runOffPool(common + ["--out", "off"], in: dir)
        try await server.stop()
        #expect(on.status == 0, "\(on.stderr)")
        #expect(off.status == 0, "\(off.stderr)")

        func results(_ out: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("\(out)/results.json"))) as? [String: Any])
        }
        func overall(_ results: [String: Any], _ scorer: String) throws -> [String: Any] {
            let row = try #require((results["scorers"] as? [[String: Any]])?.first { ($0["scorer"] as? [String: Any])?["name"] as? String == scorer })
            return try #require(row["overall"] as? [String: Any])
        }
        // What the policy said, read back from generations.jsonl.
        // What the policy said, read back from generations.jsonl; an exact copy of an earlier
        // answer to the same prompt (the tag can repeat) is kept once by the rules.
        var kinds: [Kind] = []
        var copies = 0
        var total = 0
        for line in try String(contentsOf: dir.appendingPathComponent("on/generations.jsonl"), encoding: .utf8).split(separator: "\n") {
            let item = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            var seen: Set<String> = []
            for response in item["responses"] as! [[String: Any]] {
                let text = response["text"] as! String
                total += 1
                if !text.isEmpty && !seen.insert(text).inserted {
                    copies += 1
                } else {
                    kinds.append(Self.kind(text: text))
                }
            }
        }
        #expect(total == 400)
        let count = { (kind: Kind) in kinds.filter { $0 == kind }.count }
        #expect(count(.emoji) > 0 && count(.refusal) > 0 && count(.empty) > 0 && count(.atypical) > 0)

        let withValidity = try results("on")
        let biased = try overall(withValidity, "biased-rm")
        let fair = try overall(withValidity, "fair-rm")
        #expect(biased["flagged"] as? Bool == true)
        let raw = try #require(biased["raw_gap"] as? [String: Double])
        #expect(raw["lower"]! <= -Self.delta && -Self.delta <= raw["upper"]!, "raw gap \(raw) must cover −δ = \(-Self.delta)")
        #expect(fair["flagged"] as? Bool == false, "\(fair)")
        #expect((withValidity["scorers"] as? [[String: Any]])?.count == 2, "the validity judge is not audited")
        let counts = try #require((withValidity["manifest"] as? [String: Any])?["counts"] as? [String: Int])
        #expect(counts["rule_empty"] == count(.empty) && counts["rule_duplicates"] == copies)
        #expect(counts["validity_invalid"] == count(.emoji) + count(.refusal))
        #expect(counts["validity_valid"] == count(.mainstream) + count(.atypical))
        let source = try #require(withValidity["validity_source"] as? String)
        #expect(source.hasPrefix("rules (\(count(.empty)) empty") && source.contains("; then validity scorer validity-judge"), "\(source)")
        let report = try String(contentsOf: dir.appendingPathComponent("on/report.md"), encoding: .utf8)
        #expect(report.contains("- Validity: \(source)"))

        // Without a validity source the garbage forms pairs, and the fair RM, which rightly
        // scores it low, reads as under-rewarding: the false verdict the validity stage prevents.
        let without = try results("off")
        #expect((without["validity_source"] as? String)?.hasPrefix("none: every response treated as valid") == true)
        #expect(try overall(without, "fair-rm")["flagged"] as? Bool == true)
        #expect((without["notes"] as? [String])?.contains { $0.contains("nothing judged their validity") } == true)
    }
}

/// Acting on the verdicts: `--fail-on` as a CI gate and `--export-pairs` as preference data,
/// against the same fake servers.
@Suite("plaudit audit --fail-on, --export-pairs (command line)")
struct AuditActingCommandTests {
    static func configuration(_ url: String) -> String {
        AuditValidityCommandTests.configuration(url) + """
          - {name: quality-judge, backend: judge, type: judge, rubric: validity}

        """
    }

    @Test("--fail-on UNDER-REWARDS exits 1 on the biased RM and 0 on the fair one; the exported pairs follow the schema and are the biased RM's under-rewarded atypical answers")
    func gateAndExport() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try await AuditValidityCommandTests.prepare(dir, configuration: Self.configuration)
        let common = [
            "audit", "--prompts", "prompts.jsonl", "--generator", "policy", "--samples", "10", "--validity", "validity-judge",
            "--embedder", "lexical", "--resamples", "400", "--permutations", "999", "--quiet", "--fail-on", "under-rewards,BLIND",
        ]
        let biased = try await CommandRunner.runOffPool(
            common + ["--scorer", "biased-rm", "--quality", "quality-judge", "--export-pairs", "pairs.jsonl", "--out", "biased"], in: dir)
        let fair = try await CommandRunner.runOffPool(common + ["--scorer", "fair-rm", "--quality", "quality-judge", "--out", "fair"], in: dir)
        let unmatched = try await CommandRunner.runOffPool(common + ["--scorer", "fair-rm", "--export-pairs", "none.jsonl", "--out", "unmatched"], in: dir)
        let badGate = try await CommandRunner.runOffPool(common + ["--scorer", "fair-rm", "--fail-on", "WORSE", "--out", "bad"], in: dir)
        try await server.stop()

        #expect(biased.status == 1, "\(biased.stderr)")
        #expect(biased.stderr.contains("plaudit: --fail-on under-rewards,BLIND: biased-rm is UNDER-REWARDS"), "\(biased.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("biased/results.json").path), "results are written before the gate")
        #expect(fair.status == 0, "\(fair.stderr)")
        let fairResults = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("fair/results.json"))) as? [String: Any])
        let verdict = ((fairResults["scorers"] as? [[String: Any]])?.first?["verdict"] as? String)
        #expect(verdict == "ok" || verdict == "INCONCLUSIVE", "\(verdict ?? "none")")

        // The export: one line per under-rewarded quality-matched pair, valid against the schema.
        let schema = try JSONSchemaSubset(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("docs/schemas/preference-pairs.schema.json"))
        let lines = try String(contentsOf: dir.appendingPathComponent("pairs.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 20, "\(lines.count) pairs")
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            #expect(schema.violations(object).isEmpty, "\(schema.violations(object)): \(line)")
            let pair = try #require(object as? [String: Any])
            #expect(pair["scorer"] as? String == "biased-rm")
            #expect((pair["chosen_score"] as! Double) < (pair["rejected_score"] as! Double))
            #expect(AuditValidityCommandTests.kind(text: pair["chosen"] as! String) == .atypical)
            #expect(AuditValidityCommandTests.kind(text: pair["rejected"] as! String) == .mainstream)
        }
        // The schema itself rejects what it should: a missing field, a wrong type, an extra key.
        #expect(!schema.violations(["prompt": "p"]).isEmpty)
        var wrong = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        wrong["chosen_score"] = "high"
        #expect(schema.violations(wrong) == ["$.chosen_score: not of type [\"number\"]"])
        wrong["chosen_score"] = 1.0
        wrong["extra"] = 1
        #expect(schema.violations(wrong) == ["$: unexpected extra"])

        // Without quality matching there is no ground for "chosen": a clear error, results kept.
        #expect(unmatched.status == 1)
        #expect(unmatched.stderr.contains("--export-pairs: the pairs are not quality-matched"), "\(unmatched.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("none.jsonl").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("unmatched/results.json").path))
        #expect(badGate.status == 2 && badGate.stderr.contains("--fail-on: 'WORSE' is not a verdict"), "\(badGate.stderr)")
    }
}
