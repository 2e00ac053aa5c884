extension TEIRewardScorer {
    /// Scores the fixed probe conversations (``RewardProbe``) once at start-up: their scores
    /// show the scale the server returns, and they fingerprint the model answering.
    ///
    /// Requests ask for `raw_scores: true`, so the same score for every conversation means the
    /// server is not giving this model's logits: an error. Scores all in [0, 1] only warn: a
    /// classifier's raw logit can lie there, but it usually means probabilities came back
    /// (a server or proxy that drops `raw_scores`).
    ///
    /// - Throws: ``RewardProbeError`` for constant scores; the scorer's own error when the
    ///   server cannot be reached or refuses the probe.
    public func probe() async throws -> RewardProbeReport {
        try await RewardProbe.run(
            self,
            constantAdvice:
                "A reward model's raw logits differ between answers; check that the backend serves the reward model (TEI's /info names it), that its label option names the reward label, and that nothing between plaudit and TEI drops \"raw_scores\": true.",
            unitIntervalAdvice:
                "plaudit asks TEI for raw logits (\"raw_scores\": true); if these are probabilities, check the TEI version and anything between plaudit and the server, since a sigmoid compresses the scale the audit measures.",
            unitIntervalIsError: false
        )
    }
}
