import ArgumentParser
import PlauditRuntime

/// The options of every command that scores texts: configured scorers and the local SmolLM2
/// judge and perplexity scorers (where the models come from is ``ModelOptions``).
struct ScorerOptions: ParsableArguments {
    @Flag(help: "Score with the local SmolLM2 judge (expected rating over top log-probabilities).")
    var localJudge = false

    @Flag(help: "Score with the local SmolLM2 perplexity scorer (score = − perplexity of the response).")
    var localPerplexity = false

    @Option(help: "The local judge's rubric: a file, or the id of an embedded rubric.")
    var rubric = "pointwise-quality"

    @Option(
        name: .customLong("scorer"),
        help: "A configured scorer to score with. Repeatable. Without one, audit and sycophancy score use every configured scorer; monoculture uses none.")
    var scorerNames: [String] = []

    @Option(help: "Concurrent requests per scoring backend; replaces the limits in the configuration (default there: 64; local model: 1).")
    var concurrency: Int?

    @Flag(help: "Describe each scoring backend before the run and its request counts after (never keys).")
    var verbose = false

    func validate() throws {
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
    }
}
