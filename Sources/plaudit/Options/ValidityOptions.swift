import ArgumentParser
import PlauditAudits
import PlauditRuntime

/// Where the audit's validity and quality come from when the data does not say: a labels file,
/// rules, a validity scorer, a quality judge.
struct ValidityOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Human labels joined by id: JSONL or CSV with item_id, response_id and valid and/or rating.",
            discussion: "Used where the data has no valid flag or rating of its own, before --valid-threshold and --validity. Every row must name a response of the data, once.",
            valueName: "file"
        ))
    var labels: String?

    @Option(
        help: ArgumentHelp(
            "Refusal patterns, one per line: a response containing one (case-insensitive) is invalid.",
            discussion: "Applied, like the empty-answer and exact-duplicate rules, before any model is asked, to responses that neither the data nor --labels decides.",
            valueName: "file"
        ))
    var refusalPatterns: String?

    @Option(
        name: .customLong("validity"),
        help: ArgumentHelp(
            "A scorer that decides validity where the data does not, as NAME or NAME:THRESHOLD (default threshold 0.5).",
            discussion: "A configured judge or scorer, or \(ScorerNames.validity) (the built-in judge with rubrics/validity.yaml). A response is valid when its score is at or above the threshold; empty responses and responses it cannot score are invalid.",
            valueName: "name[:threshold]"
        ))
    var validity: String?

    @Option(
        help: ArgumentHelp(
            "A configured judge whose score is each response's quality where the data has no human ratings.",
            discussion: "Pairs are then matched on it: an atypical and a mainstream answer pair up only when their quality scores differ by at most --quality-tolerance. It is asked, not audited.",
            valueName: "name"
        ))
    var quality: String?

    @Flag(help: "Decide validity with the local SmolLM2 judge and rubrics/validity.yaml (--validity \(ScorerNames.validity)).")
    var localValidity = false

    @Option(help: "The built-in validity judge's rubric: a file or the id of an embedded rubric.")
    var validityRubric = "validity"

    func validate() throws {
        if localValidity, let validity, Self.parse(validity).name != ScorerNames.validity {
            throw ValidationError("--local-validity and --validity \(validity) name two validity scorers; choose one")
        }
        if let validity, Self.parse(validity).name.isEmpty { throw ValidationError("--validity takes NAME or NAME:THRESHOLD") }
    }

    /// `NAME` or `NAME:THRESHOLD` (the threshold only when it reads as a number).
    static func parse(_ argument: String) -> (name: String, threshold: Double?) {
        guard let colon = argument.lastIndex(of: ":"), let threshold = Double(argument[argument.index(after: colon)...]) else {
            return (argument, nil)
        }
        return (String(argument[..<colon]), threshold)
    }

    /// Sets the request's labels file and validity scorer, threshold and rubric.
    func apply(to request: inout CalibrationRequest) {
        request.labelsFile = labels
        request.refusalPatternsFile = refusalPatterns
        request.qualityScorer = quality
        guard let parsed = validity.map(Self.parse) ?? (localValidity ? (name: ScorerNames.validity, threshold: nil) : nil) else { return }
        request.validityScorer = parsed.name
        request.validityThreshold = parsed.threshold ?? 0.5
        request.validityRubric = validityRubric
    }
}
