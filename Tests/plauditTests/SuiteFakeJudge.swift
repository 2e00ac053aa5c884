import Foundation
import PlauditTesting

/// An OpenAI-compatible chat server on 127.0.0.1 that rates answers for the suite tests, with
/// `top_logprobs` over the rating tokens.
///
/// Its rating depends on the rubric text it receives: a rubric containing
/// ``plantedMarker`` ("edited to favour the modal answer") rates the fixture's modal answers
/// (texts starting "mainstream") 8 and the atypical ones ("unusual") 2; any other rubric rates
/// an answer by a hash of its text alone, so rewording a rubric changes nothing measurable.
enum SuiteFakeJudge {
    static let plantedMarker = "favour the answer most people would give"

    static func start() async throws -> FakeHTTPServer {
        try await FakeHTTPServer.start { request in
            guard request.path == "/v1/chat/completions", let messages = request.json?["messages"] as? [[String: Any]] else {
                return .json(#"{"error":{"message":"Not Found","type":"invalid_request_error"}}"#, status: 404)
            }
            let text = messages.compactMap { $0["content"] as? String }.joined(separator: "\n")
            return answer(rating: rating(for: text))
        }
    }

    /// The rating for a rendered rubric (the answer sits between "Answer: " and "\nEND").
    static func rating(for text: String) -> Int {
        var answer = text
        if let start = text.range(of: "Answer: ") {
            answer = String(text[start.upperBound...])
            if let end = answer.range(of: "\nEND") { answer = String(answer[..<end.lowerBound]) }
        }
        if text.contains(plantedMarker) {
            return answer.hasPrefix("mainstream") ? 8 : 2
        }
        return 3 + answer.unicodeScalars.reduce(0) { ($0 &* 31 &+ Int($1.value)) % 1_009 } % 5
    }

    static func answer(rating: Int) -> FakeHTTPServer.Reply {
        .judgeVerdict(String(rating), runnerUp: String(rating < 9 ? rating + 1 : rating - 1))
    }

    /// How many logged requests carry `tag` in their body, not counting the fixed probe each
    /// run sends every judge at start-up to fingerprint the model answering.
    static func requests(_ server: FakeHTTPServer, tagged tag: String) -> Int {
        server.log.filter {
            let body = String(decoding: $0.body, as: UTF8.self)
            return body.contains(tag) && !body.contains(probePrompt)
        }.count
    }

    /// The prompt of the judges' start-up probe (RewardProbe's first conversation).
    static let probePrompt = "What is the capital of France?"

    /// How many start-up probes carry `tag`.
    static func probes(_ server: FakeHTTPServer, tagged tag: String) -> Int {
        server.log.filter {
            let body = String(decoding: $0.body, as: UTF8.self)
            return body.contains(tag) && body.contains(probePrompt)
        }.count
    }

    /// Grouped JSONL: `prompts` prompts, each with four modal answers (cluster `main`) and two
    /// atypical ones (clusters `odd-1`, `odd-2`), all valid.
    static func dataset(prompts: Int) -> String {
        (1...prompts).map { p in
            let modal = (1...4).map { k in
                #"{"id":"m\#(k)","text":"mainstream answer \#(k) to question \#(p), the usual reply","valid":true,"cluster":"main"}"#
            }
            let odd = (1...2).map { k in
                #"{"id":"a\#(k)","text":"unusual answer \#(k) to question \#(p), a rarer take","valid":true,"cluster":"odd-\#(k)"}"#
            }
            return #"{"id":"q\#(p)","prompt":"Question \#(p)?","responses":[\#((modal + odd).joined(separator: ","))]}"#
        }.joined(separator: "\n") + "\n"
    }

    /// A pointwise rubric tagged `[rubric TAG]`, with `extra` in its instructions.
    static func rubric(id: String, tag: String, extra: String) -> String {
        """
        id: \(id)
        version: "1"
        scale: {min: 1, max: 9}
        template: |-
          [rubric \(tag)] You grade answers. \(extra)
          Request: {{prompt}}
          Answer: {{response}}
          END
          Reply with one digit from 1 to 9.
        """
    }
}
