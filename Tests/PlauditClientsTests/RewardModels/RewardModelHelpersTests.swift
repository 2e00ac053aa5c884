import Foundation
import PlauditCore
import Testing

@testable import PlauditClients

@Suite("Reward-model helpers: JSON pointers, input refusals, templates")
struct RewardModelHelpersTests {
    @Test("RFC 6901 pointers: escapes, indices, the whole document")
    func pointers() throws {
        let document = try JSONDecoder().decode(
            JSONValue.self, from: Data(#"{"a/b": {"m~n": [10, 20.5]}, "": 1, "x": {"~1": true}, "01": 2}"#.utf8)
        )
        #expect(try JSONPointer("/a~1b/m~0n/1").resolve(in: document) == .success(.number(20.5)))
        #expect(try JSONPointer("/a~1b/m~0n/0").resolve(in: document) == .success(.integer(10)))
        #expect(try JSONPointer("/").resolve(in: document) == .success(.integer(1)))
        #expect(try JSONPointer("/x/~01").resolve(in: document) == .success(.bool(true)))
        #expect(try JSONPointer("/01").resolve(in: document) == .success(.integer(2)))
        #expect(try JSONPointer("").resolve(in: document) == .success(document))
        #expect(throws: (any Error).self) { try JSONPointer("/a~1b/m~0n/01").resolve(in: document).get() }
        #expect(throws: (any Error).self) { try JSONPointer("/a~1b/m~0n/2").resolve(in: document).get() }
        #expect(throws: (any Error).self) { try JSONPointer("/a~1b/m~0n/-").resolve(in: document).get() }
        #expect(throws: JSONPointer.SyntaxError.self) { try JSONPointer("a/b") }
        #expect(throws: JSONPointer.SyntaxError.self) { try JSONPointer("/a~") }
        #expect(throws: JSONPointer.SyntaxError.self) { try JSONPointer("/a~2") }
    }

    @Test("input refusals: context-length messages in 400/422 bodies and any 413 are per-item; other errors are not")
    func inputRejection() {
        let failure = BackendFailure(
            backend: "rm", url: "http://127.0.0.1:8000/pooling", apiKeyEnv: nil, redactor: SecretRedactor(secret: nil),
            maxServerDelay: .seconds(120)
        )
        func error(_ status: Int, _ body: String) -> ClientError {
            failure.error(.status(status, headers: [:], body: Data(body.utf8)), reason: .notRetryable, attempts: 1, detail: nil)
        }
        let vllm = error(
            400,
            #"{"error": {"message": "This model's maximum context length is 16384 tokens. However, your prompt contains 20001 input tokens.", "type": "BadRequestError", "param": "input_tokens", "code": 400}}"#
        )
        #expect(
            InputRejection.reason(for: vllm)
                == #"the server refused the input (HTTP 400): "This model's maximum context length is 16384 tokens. However, your prompt contains 20001 input tokens.""#
        )
        // vLLM 0.8.x flat error body.
        #expect(
            InputRejection.reason(
                for: error(400, #"{"object": "error", "message": "This model's maximum context length is 4096 tokens.", "type": "BadRequestError", "param": null, "code": 400}"#)
            )?.contains("4096") == true
        )
        // TEI, and llama.cpp's own type.
        #expect(InputRejection.reason(for: error(422, #"{"error": "`inputs` must have less than 512 tokens. Given: 700", "error_type": "validation"}"#)) != nil)
        #expect(
            InputRejection.reason(
                for: error(400, #"{"error": {"code": 400, "message": "request (9000 tokens) exceeds the available context size (8192 tokens), try increasing it", "type": "exceed_context_size_error"}}"#)
            ) != nil
        )
        #expect(InputRejection.reason(for: error(413, "")) != nil)
        // Not about the input's length, or not a refusal: the run stops instead.
        #expect(InputRejection.reason(for: error(400, #"{"error": {"message": "normalize is not supported", "type": "BadRequestError", "param": null, "code": 400}}"#)) == nil)
        #expect(InputRejection.reason(for: error(422, #"{"error": "batch size 40 > maximum allowed batch size 32", "error_type": "validation"}"#)) == nil)
        #expect(InputRejection.reason(for: error(500, "This model's maximum context length is 4096 tokens.")) == nil)
        #expect(InputRejection.reason(for: ClientError(.connection, "maximum context length")) == nil)
    }

    @Test("TEI's batch limit is read from its 422 message")
    func batchLimit() {
        let error = ClientError(
            .httpStatus(422),
            #"HTTP 422 from http://h:80/predict: {"error": "batch size 40 > maximum allowed batch size 16", "error_type": "validation"}"#
        )
        #expect(TEIRewardScorer.batchLimit(in: error) == 16)
        #expect(TEIRewardScorer.batchLimit(in: ClientError(.httpStatus(400), "maximum allowed batch size 16")) == nil)
    }

    @Test("template filling is one pass and prefers the longer placeholder")
    func templateText() {
        #expect(
            TemplateText.fill("{prompt}|{response}", ["{prompt}": "{response}", "{response}": "R"]) == "{response}|R")
        #expect(TemplateText.fill("{{prompt}}", ["{{prompt}}": "P", "{prompt}": "x"]) == "P")
        #expect(TemplateText.fill("no placeholders", ["{prompt}": "P"]) == "no placeholders")
    }
}
