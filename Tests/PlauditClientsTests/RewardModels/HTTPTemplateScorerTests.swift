import Foundation
import PlauditClients
import PlauditCore
import PlauditTesting
import Testing

@Suite("HTTPTemplateScorer against a fake JSON scorer")
struct HTTPTemplateScorerTests {
    static let template = #"""
        {"conversation": "{{messages}}", "question": "{{prompt}}", "answer": "{{response}}",
         "note": "Q: {{prompt}} / A: {{response}}", "top_k": 1, "scale": 0.5, "flags": [true, null, "{{response}}"]}
        """#

    @Test("fills the template, posts to path, and reads a nested pointer with ~0 and ~1 escapes")
    func nestedPointer() async throws {
        let options = ["path": "/v2/score", "body_template": Self.template, "score_pointer": "/result/a~1b/1/m~0n"]
        let (outcome, log) = try await withBackend(
            kind: .httpTemplate, model: "my-rm", options: options,
            handler: { _ in
                .json(#"{"result": {"a/b": [{"m~n": 1}, {"m~n": -4.25}], "ab": 9}}"#)
            }
        ) { server, client in
            let prompt = Prompt.messages([
                ChatMessage(role: "system", content: "Be kind."), ChatMessage(role: "user", content: "Hi {{response}}"),
            ])
            return (try await HTTPTemplateScorer(backend: client).score(request(prompt, "Hello \"you\"")), server.log)
        }
        #expect(outcome == .score(-4.25))
        let sent = try #require(log.first)
        #expect(sent.path == "/v2/score")
        let json = try #require(sent.json)
        #expect(sent.messages == nil)
        #expect(
            (json["conversation"] as? [[String: String]]) == [
                ["role": "system", "content": "Be kind."], ["role": "user", "content": "Hi {{response}}"],
                ["role": "assistant", "content": "Hello \"you\""],
            ]
        )
        #expect(json["question"] as? String == "Hi {{response}}")
        #expect(json["answer"] as? String == "Hello \"you\"")
        // Substituted text is not searched again.
        #expect(json["note"] as? String == "Q: Hi {{response}} / A: Hello \"you\"")
        #expect((json["flags"] as? [Any])?.last as? String == "Hello \"you\"")
        let text = String(decoding: sent.body, as: UTF8.self)
        #expect(text.contains(#""top_k":1}"#))
        #expect(text.contains(#""scale":0.5"#))
        #expect(text.hasPrefix(#"{"answer":"#))
    }

    @Test("a pointer that finds nothing, or finds a non-number, is a per-item failure naming it")
    func pointerFailures() async throws {
        let answers = [#"{"result": {"score": "high"}}"#, #"{"result": {}}"#, #"{"result": [1, 2]}"#]
        for (answer, expected) in zip(answers, ["a string", "no key 'score'", "not an array index"]) {
            let outcome = try await withBackend(
                kind: .httpTemplate, model: nil,
                options: ["body_template": #"{"text": "{{response}}"}"#, "score_pointer": "/result/score"],
                handler: { _ in .json(answer) }
            ) { _, client in try await HTTPTemplateScorer(backend: client).score(request(.text("Q"), "A")) }
            guard case .failure(let reason) = outcome else {
                Issue.record("expected a failure for \(answer), got \(outcome)")
                continue
            }
            #expect(reason.contains("/result/score"))
            #expect(reason.contains(expected), "\(reason)")
            #expect(reason.contains("result"))
        }
    }

    @Test("an invalid template or pointer is a configuration error naming the option")
    func configurationErrors() async throws {
        let cases: [([String: String], String)] = [
            (["body_template": #"{"text": "{{response}}""#, "score_pointer": "/s"], "body_template"),
            (["body_template": #"{"text": "x {{messages}}"}"#, "score_pointer": "/s"], "body_template"),
            (["body_template": #"{"text": "constant"}"#, "score_pointer": "/s"], "body_template"),
            (["body_template": #"{"text": "{{response}}"}"#, "score_pointer": "score"], "score_pointer"),
            (["body_template": #"{"text": "{{response}}"}"#, "score_pointer": "/a~2b"], "score_pointer"),
            (["body_template": #"{"text": "{{response}}"}"#], "score_pointer"),
            (["score_pointer": "/s"], "body_template"),
            (["body_template": #"{"text": "{{response}}"}"#, "score_pointer": "/s", "path": "score"], "path"),
        ]
        for (options, expected) in cases {
            try await withBackend(kind: .httpTemplate, options: options, handler: { _ in .json("{}") }) { _, client in
                do {
                    _ = try HTTPTemplateScorer(backend: client)
                    Issue.record("no error for \(options)")
                } catch {
                    #expect(String(describing: error).contains("option \(expected)"), "\(options): \(error)")
                }
            }
        }
    }

    @Test("descriptor")
    func descriptor() async throws {
        let descriptor = try await withBackend(
            kind: .httpTemplate, model: "custom",
            options: ["body_template": #"["{{response}}"]"#, "score_pointer": ""],
            handler: { _ in .json("3") }
        ) { _, client in
            let scorer = try HTTPTemplateScorer(backend: client)
            #expect(try await scorer.score(request(.text("Q"), "A")) == .score(3))
            return scorer.descriptor
        }
        #expect(descriptor.kind == .rewardModel)
        #expect(descriptor.backend == "http-template")
        #expect(descriptor.model == "custom")
    }
}
