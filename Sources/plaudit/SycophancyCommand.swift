import ArgumentParser

/// `plaudit sycophancy`: the warmth-versus-accuracy probes (issue 7), for policies and for the
/// reward models and judges that train them.
struct SycophancyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sycophancy",
        abstract: "Warmth versus accuracy: build probes, run them on a policy, and score answer variants with reward models.",
        discussion: """
            build: QA items (TruthfulQA CSV or JSONL) → probes, every item in 9 contexts × 4 beliefs. \
            run: a policy answers every probe; answers are graded (string match, then a judge) and error rates are compared \
            with the unmodified condition (McNemar, BH). analyze: the same analysis from answers graded elsewhere, with several models compared (McNemar, odds ratio, Cohen's g, BH, the interaction with none × none). rewrite: a rewrite model writes six answer variants per probe \
            (warm / neutral / cold × correct / affirms the wrong belief). score: reward models and judges score those \
            variants, from a rewrite or a hand-written file such as fixtures/sycophancy/variants.jsonl.
            """,
        subcommands: [SycophancyBuildCommand.self, SycophancyRunCommand.self, SycophancyAnalyzeCommand.self, SycophancyRewriteCommand.self, SycophancyScoreCommand.self]
    )
}
