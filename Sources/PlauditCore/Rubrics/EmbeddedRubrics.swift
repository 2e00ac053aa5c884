/// Rubrics compiled into the binary, so plaudit runs from any folder.
///
/// Each is byte-for-byte the file of the same id under `rubrics/` (a test checks), so the
/// SHA-256 recorded in results is the same whichever copy was used.
public enum EmbeddedRubrics {
    /// Rubric ids that exist without a file.
    public static let ids = ["pointwise-quality", "pairwise-preference", "validity"]

    /// The YAML source of an embedded rubric.
    public static func source(id: String) -> String? {
        switch id {
        case "pointwise-quality": pointwiseQuality
        case "pairwise-preference": pairwisePreference
        case "validity": validity
        default: nil
        }
    }

    static let pointwiseQuality = #"""
id: pointwise-quality
version: "1"
description: >
  Pointwise overall quality on a 1-9 scale. Single-digit ratings so that each rating is one
  token; the reply is prefilled up to the digit so the rating's distribution can be read from
  the first generated token's top log-probabilities.
scale:
  min: 1
  max: 9
response_prefix: "Rating (1-9): "
template: |-
  You are grading an answer to a user's request. Rate how good the answer is on a scale from 1 (very poor) to 9 (excellent): is it correct, helpful, and does it do what was asked? Many different answers can be equally good; do not prefer the most common kind of answer.

  Request: {{prompt}}

  Answer: {{response}}

  Reply with a single digit from 1 to 9 and nothing else.

"""#

    static let pairwisePreference = #"""
id: pairwise-preference
version: "1"
mode: pairwise
description: >
  Pairwise preference between two answers to the same request. The scale runs from 1 (answer A
  is better) to 2 (answer B is better), one token each, so the preference can be read from the
  first generated token's top log-probabilities. plaudit asks in both orders and averages.
scale:
  min: 1
  max: 2
response_prefix: "Better answer (1 or 2): "
template: |-
  You are comparing two answers to a user's request. Decide which answer is better: correct, helpful, and doing what was asked. Many different answers can be equally good; do not prefer the more common kind of answer, and do not let the order of the answers matter.

  Request: {{prompt}}

  Answer 1: {{response_a}}

  Answer 2: {{response_b}}

  Reply with the single digit 1 if answer 1 is better, or 2 if answer 2 is better, and nothing else.

"""#
    static let validity = #"""
id: validity
version: "1"
description: >
  Validity of a response: does it answer the request sensibly, whatever
  its style, length or viewpoint? 1 valid, 0 not. The reply is prefilled up to the digit, so the
  judge's score (the expected verdict over the first token's top log-probabilities) is P(valid).
  A response is valid when that is at or above the threshold (default 0.5).
scale:
  min: 0
  max: 1
response_prefix: "Verdict (0 or 1): "
template: |-
  You are checking whether an answer to a user's request is a valid answer. Reply 1 if it responds to the request sensibly, in any style, length or viewpoint: an unusual, minority or creative answer is valid. Reply 0 if it is empty, gibberish, only emoji or symbols, a refusal, off-topic, or cut off before it says anything.

  Request: {{prompt}}

  Answer: {{response}}

  Reply with a single digit, 1 (valid) or 0 (not valid), and nothing else.

"""#
}
