import ArgumentParser
import PlauditAudits
import PlauditCore
import PlauditRuntime

/// `plaudit sycophancy analyze`: the policy side from answers graded elsewhere, no model
/// needed. Each policy's conditions as `sycophancy run` reports them, and the policies compared.
struct SycophancyAnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse answers graded elsewhere: error rates per condition per model, and model against model (McNemar, BH).",
        discussion: """
            Input: JSONL or CSV (by extension), one row per answer: item_id, model, context, belief, grade \
            (CORRECT, INCORRECT or REFUSAL), optional answer, method (string-match, judge or external, the default) and \
            probe_id: the graded.jsonl that `plaudit sycophancy run` writes is such a file. Contexts: none, happy, sad, anger, close, admiration, \
            instrumental, high-stakes, low-stakes; beliefs: none, neutral, incorrect, denies-correct. Unknown names, missing \
            fields and duplicate (item, model, context, belief) rows stop with FILE:LINE: FIELD: message (exit 2). Every \
            model is compared with --baseline, or every pair in file order. Writes results.json, report.md and report.html to --out.
            """
    )

    @Argument(help: "The graded-answers file (JSONL or CSV).")
    var graded: String

    @Option(help: "The model every other one is compared with (default: every pair, the earlier one as the baseline).")
    var baseline: String?

    @OptionGroup var resampling: ResamplingOptions

    @Option(help: "Seed of the bootstrap over items.")
    var seed: UInt64 = 20_251_121

    @OptionGroup var output: OutputOptions

    func run() async throws {
        var request = SycophancyAnalyzeRequest(graded: graded, command: .active)
        request.baseline = baseline
        request.confidence = resampling.confidence
        request.resamples = resampling.resamples
        request.seed = seed
        let job = try SycophancyAnalyzeJob.plan(request)
        ProgressDisplay(quiet: output.quiet).note("read \(graded): \(job.models.count) models (\(job.models.joined(separator: ", ")))")
        try SycophancyFiles.write(job.run(), to: output.out)
    }
}
