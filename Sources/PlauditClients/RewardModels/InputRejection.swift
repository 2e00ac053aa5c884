/// Tells a server's refusal of one input (too long for the model) apart from a failure of the
/// backend itself, so that the first becomes a per-item ``PlauditCore/ScoreOutcome/failure(_:)``
/// and the second stops the run.
///
/// Servers refuse an over-long input with 400 (vLLM, OpenAI, llama.cpp), 413 (payload too
/// large) or 422 (TEI, TGI, older FastAPI validation) (research/serving_apis.md §9, "Context
/// overflow"). The status alone is not enough: vLLM also answers 400 for a removed field or a
/// template error, which would fail every item and must stop the run. ``BackendClient`` reads
/// the error body and sets ``ClientError/rejectedInput`` only when the server's message is about
/// the input's length (``ServerErrorBody/isContextOverflow``) or the status is 413.
enum InputRejection {
    /// A per-item failure reason when `error` is a server's refusal of this input, else `nil`.
    static func reason(for error: any Error) -> String? {
        (error as? ClientError)?.rejectedInput
    }
}
