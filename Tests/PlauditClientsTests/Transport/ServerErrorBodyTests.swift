import Foundation
import PlauditClients
import Testing

@Suite("ServerErrorBody")
struct ServerErrorBodyTests {
    func parse(_ text: String) -> ServerErrorBody? {
        ServerErrorBody(parsing: Data(text.utf8))
    }

    @Test("OpenAI, vLLM ≥ 0.10, llama.cpp and Ollama /v1: {error: {message, type, param, code}}")
    func openAIShape() {
        let vllm = parse(#"{"error": {"message": "…", "type": "BadRequestError", "param": "input_tokens", "code": 400}}"#)
        #expect(vllm == ServerErrorBody(shape: .openAI, message: "…", type: "BadRequestError", code: "400", param: "input_tokens"))
        let llama = parse(#"{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}"#)
        #expect(llama == ServerErrorBody(shape: .openAI, message: "Loading model", type: "unavailable_error", code: "503"))
        let quota = parse(#"{"error": {"message": "out of quota", "type": "insufficient_quota", "param": null, "code": "insufficient_quota"}}"#)
        #expect(quota?.code == "insufficient_quota")
        #expect(quota?.param == nil)
    }

    @Test("vLLM 0.8.x: flat {object: error, message, type, param, code}")
    func vLLMFlat() {
        let body = parse(#"{"object": "error", "message": "…", "type": "BadRequestError", "param": null, "code": 400}"#)
        #expect(body == ServerErrorBody(shape: .vLLMFlat, message: "…", type: "BadRequestError", code: "400"))
    }

    @Test("TEI and TGI native: {error, error_type}")
    func huggingFace() {
        let body = parse(#"{"error": "Model is overloaded", "error_type": "overloaded"}"#)
        #expect(body == ServerErrorBody(shape: .huggingFace, message: "Model is overloaded", type: "overloaded"))
    }

    @Test("TEI /v1/embeddings: {message, code, type} without a wrapper")
    func teiOpenAI() {
        let body = parse(#"{"message": "…", "code": 429, "type": "overloaded"}"#)
        #expect(body == ServerErrorBody(shape: .teiOpenAI, message: "…", type: "overloaded", code: "429"))
    }

    @Test("Ollama native: {error}")
    func ollama() {
        let body = parse(#"{"error": "model \"x\" not found, try pulling it first"}"#)
        #expect(body == ServerErrorBody(shape: .ollama, message: #"model "x" not found, try pulling it first"#))
    }

    @Test("Anthropic: {type: error, error: {type, message}, request_id}")
    func anthropic() {
        let body = parse(#"{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}, "request_id": "req_1"}"#)
        #expect(body == ServerErrorBody(shape: .anthropic, message: "Overloaded", type: "overloaded_error"))
    }

    @Test("anything else is not an error body")
    func unknown() {
        #expect(parse("Internal Server Error") == nil)
        #expect(parse(#"{"detail": "Not Found"}"#) == nil)
        #expect(parse(#"["error"]"#) == nil)
        #expect(parse("") == nil)
    }

    @Test("recognises context overflow in each server's words")
    func contextOverflow() {
        let llama = parse(#"{"error": {"code": 400, "message": "request (9000 tokens) exceeds the available context size (8192 tokens), try increasing it", "type": "exceed_context_size_error"}}"#)
        #expect(llama?.isContextOverflow == true)
        let tei = parse(#"{"error": "`inputs` must have less than 512 tokens. Given: 600", "error_type": "validation"}"#)
        #expect(tei?.isContextOverflow == true)
        let vllm = parse(#"{"error": {"message": "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens.", "type": "BadRequestError", "param": null, "code": 400}}"#)
        #expect(vllm?.isContextOverflow == true)
        let anthropic = parse(#"{"type": "error", "error": {"type": "invalid_request_error", "message": "prompt is too long: 210000 tokens > 200000 maximum"}}"#)
        #expect(anthropic?.isContextOverflow == true)
        #expect(parse(#"{"error": "missing field `model`"}"#)?.isContextOverflow == false)
    }
}
