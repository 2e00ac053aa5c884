import Foundation
public import PlauditCore
public import PlauditRuntime

/// `plaudit monoculture` as a library: items read (or label files), texts generated and the
/// source texts scored when asked (generation and the built-in scorers share one local model),
/// sentiment rated, then topics, dispersion, wording and every statistic.
public struct MonocultureJob: Sendable {
    public let request: MonocultureRequest
    let data: MonocultureDataset
    let template: PromptTemplate
    /// The sentiment source once `auto` is resolved.
    let sentiment: MonocultureRequest.Sentiment
    /// The scorers the run brings up: the premium's and the sentiment judge, in configuration order.
    let scorers: ScorerSelection
    let rubrics: [RubricReference]
    /// The names generated texts are labelled with, one per generator.
    let generatorNames: [String]
    let tokenizer: any WordTokenizer

    /// What a run made: the results, and the dataset with the generated texts when it generated
    /// (the command line writes it as `generated.jsonl`).
    public struct Output: Sendable {
        public var results: MonocultureResults
        public var generated: MonocultureDataset?
    }

    /// Checks the request, reads the data and checks every name against the models before any
    /// model starts or any request is sent. Throws located ``InputError``s and
    /// ``ConfigurationError``s.
    public static func plan(
        _ request: MonocultureRequest, models: any ModelProvider, tokenizer: any WordTokenizer, progress: any ProgressReporter
    ) throws -> MonocultureJob {
        try request.check()
        let data: MonocultureDataset
        if request.data.isEmpty {
            data = try MonocultureReader().read(source: request.sourceLabels, generated: try request.generatedLabels.map(labelFile))
        } else {
            data = try MonocultureReader(badRows: request.badRows).read(paths: request.data)
        }
        let template = try PromptTemplate.load(request.template)
        let sentiment = try resolveSentiment(request.sentiment, data: data, generating: request.generates)
        if request.generates && sentiment == .labels {
            throw ConfigurationError("generated texts come without labels; rate them with --sentiment vader, classifier or judge")
        }
        let generatorNames = try models.configuredGenerators(request.generators)
        let generated = generatorNames.flatMap { name in request.settings.map { configurationName(name, $0) } }
        if let clash = generated.first(where: data.configurations.contains) {
            throw ConfigurationError("the data already has a configuration named '\(clash)', which this run would generate")
        }
        let scorers = try checkScorers(request, sentiment: sentiment, models: models)

        // The template is part of what produced the results when it wrote a prompt that was sent.
        var rubrics = request.generates || request.scoresPremium || sentiment == .judge ? [template.reference] : []
        if let rubric = request.premiumScorers.localJudgeRubric { rubrics.append(rubric.reference) }
        for scorer in try models.configuredScorers(scorers) where scorer.type == .judge {
            rubrics.append(try Rubric.load(scorer.rubric ?? "pointwise-quality").reference)
        }
        if let problem = MonocultureAudit.check(dataset: data, fromLabels: sentiment == .labels, premium: request.scoresPremium) {
            throw ConfigurationError(problem)
        }
        switch sentiment {
        case .vader: try models.checkSentimentClassifier(nil)
        case .classifier: try models.checkSentimentClassifier(request.classifierBackend)
        default: break
        }
        progress.note(
            "read \(data.items.count) items, \(data.textCount) texts or labels, \(data.configurations.count) generated configurations from \(data.sources.count) files"
                + (data.skippedRows.isEmpty ? "" : ", skipped \(data.skippedRows.count) bad rows"))
        return MonocultureJob(
            request: request, data: data, template: template, sentiment: sentiment, scorers: scorers, rubrics: rubrics,
            generatorNames: generatorNames, tokenizer: tokenizer)
    }

    /// The configured scorers the run asks (the premium's and the sentiment judge), checked:
    /// each configured, the judge a judge, no name taken twice.
    static func checkScorers(
        _ request: MonocultureRequest, sentiment: MonocultureRequest.Sentiment, models: any ModelProvider
    ) throws -> ScorerSelection {
        let premium = request.premiumScorers.configured
        let judge = sentiment == .judge ? request.sentimentJudge : nil
        let configured = try models.configuredScorers(ScorerSelection())
        for name in premium + (judge.map { [$0] } ?? []) where !configured.contains(where: { $0.name == name }) {
            let known = configured.map(\.name).joined(separator: ", ")
            throw ConfigurationError("no scorer '\(name)' in the configuration (scorers: \(known.isEmpty ? "none" : known))")
        }
        if let name = request.sentimentJudge, let scorer = configured.first(where: { $0.name == name }), scorer.type != .judge {
            throw ConfigurationError("--sentiment-judge \(name): a \(scorer.type.rawValue) scorer, not a judge")
        }
        if Set(premium).count != premium.count { throw ConfigurationError("a --scorer is named twice") }
        for name in premium where [ScorerNames.judge, ScorerNames.perplexity].contains(name) || name == request.sentimentJudge {
            throw ConfigurationError("--scorer \(name): the name is taken by another scorer of this run")
        }
        var selection = request.premiumScorers
        selection.configured = configured.map(\.name).filter { premium.contains($0) || $0 == judge }
        selection.allWhenEmpty = false
        return selection
    }

    /// Generates and scores when asked, rates sentiment, then embeds and analyses.
    public func run(models: any ModelProvider, cache: (any ResponseCache)?, refresh: Bool = false, progress: any ProgressReporter) async throws -> Output {
        let started = Date()
        let clock = ContinuousClock()
        var data = self.data
        var phase = ModelPhase()
        if request.generates || request.scoresPremium || sentiment == .judge {
            phase = try await models.withGeneratorsAndScorers(request.generators, scorers, progress: progress) { generators, scorers in
                try await modelPhase(generators: generators, scorers: scorers, data: &data, cache: cache, refresh: refresh, progress: progress)
            }
        }
        var timings = phase.timings
        let audit = MonocultureAudit(options: options(embedder: nil))
        let sentiments: SentimentTable
        if let rated = phase.sentiments {
            sentiments = rated
        } else {
            // From labels, VADER or a classifier endpoint, after generation added texts.
            let start = clock.now
            sentiments = try await classify(data, audit: audit, models: models, progress: progress)
            timings["sentiment"] = (clock.now - start).inSeconds
        }
        let analysis = try await analyze(
            data, sentiments: sentiments, premium: phase.premium, models: models, embeddings: EmbeddingCollector(cache: cache, refresh: refresh),
            progress: progress)
        let outcome = analysis.outcome
        timings.merge(outcome.timings) { measured, _ in measured }
        let finished = Date()
        timings["total"] = finished.timeIntervalSince(started)
        let generation = phase.generation
        let results = MonocultureResults(
            manifest: manifest(
                data: data, outcome: outcome, generation: generation, statistics: phase.statistics, embedder: analysis.embedder,
                cut: analysis.cut, timings: timings, started: started, finished: finished),
            sentimentSource: outcome.sentimentSource, bins: MonocultureOptions.studyBins,
            notes: (generation?.notes ?? []) + outcome.notes, sides: outcome.sides, comparisons: outcome.comparisons,
            premium: outcome.premium, items: outcome.items,
            failures: (generation?.failures ?? []) + outcome.failures, skippedRows: data.skippedRows)
        return Output(results: results, generated: generation == nil ? nil : data)
    }

    /// The audit's settings, with the topic cut calibrated for `embedder` unless one is asked.
    func options(embedder: String?) -> MonocultureOptions {
        MonocultureOptions(
            bootstrapResamples: request.resamples, confidence: request.confidence, seed: request.seed,
            topicThreshold: request.topicThreshold ?? CalibrationOptions.defaultThreshold(embedder: embedder ?? ""),
            premium: PremiumOptions(minimumSentimentGap: request.premiumMinGap, maximumLengthRatio: request.premiumMaxLengthRatio))
    }

    /// `NAME=FILE`, or `FILE` named after the file without its extension.
    static func labelFile(_ argument: String) throws -> (name: String, path: String) {
        if let equals = argument.firstIndex(of: "="), !argument[..<equals].contains("/") {
            let name = String(argument[..<equals])
            guard !name.isEmpty else { throw ConfigurationError("--generated-labels \(argument): the name before = is empty") }
            return (name, String(argument[argument.index(after: equals)...]))
        }
        return (((argument as NSString).lastPathComponent as NSString).deletingPathExtension, argument)
    }

    /// The sentiment source: as asked, or for `auto` the data's labels when every side has them
    /// (and nothing is generated), else VADER.
    static func resolveSentiment(
        _ asked: MonocultureRequest.Sentiment, data: MonocultureDataset, generating: Bool
    ) throws -> MonocultureRequest.Sentiment {
        guard asked == .auto else { return asked }
        let sides = data.items.flatMap { item in MonocultureAudit.sideNames(data).compactMap { item.side($0) } }
        let labelled = sides.allSatisfy { $0.labels.count == $0.count }
        let texts = sides.allSatisfy { $0.texts.count == $0.count }
        if labelled && !generating { return .labels }
        if texts { return .vader }
        throw ConfigurationError(
            "some sides have only labels and others only texts; choose --sentiment labels (every side needs labels) or vader, classifier or judge (every side needs texts)")
    }
}
