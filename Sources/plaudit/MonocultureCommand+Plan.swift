import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditClients
import PlauditCore
import PlauditRuntime

extension MonocultureCommand {
    /// What the run will do, checked before any model starts or any request is sent.
    struct Plan {
        var data: MonocultureDataset
        var configuration: PlauditConfiguration
        var template: PromptTemplate
        /// The sentiment source once `auto` is resolved.
        var sentimentChoice: SentimentChoice
        /// The configured scorers this run asks: the premium's and the sentiment judge.
        var scorerSession: ScorerSession
        var rubrics: [RubricReference]
    }

    func prepare(progress: ProgressDisplay) throws -> Plan {
        let data: MonocultureDataset
        if self.data.isEmpty {
            data = try MonocultureReader().read(source: sourceLabels, generated: try generatedLabels.map(Self.labelFile))
        } else {
            data = try MonocultureReader(badRows: skipBadRows ? .skip : .stop).read(paths: self.data)
        }
        let configuration = try PlauditConfiguration.loadDefault(config)
        let template = try PromptTemplate.load(self.template)
        let generating = !generatorOptions.isEmpty
        let choice = try resolveSentiment(data, generating: generating)
        if generating && choice == .labels {
            throw ConfigurationError("generated texts come without labels; rate them with --sentiment vader, classifier or judge")
        }

        if let clash = generatedConfigurations.first(where: data.configurations.contains) {
            throw ConfigurationError("the data already has a configuration named '\(clash)', which this run would generate")
        }

        var names = scorerNames
        if choice == .judge, let judge = sentimentJudge { names.append(judge) }
        for name in names {
            guard configuration.scorers.contains(where: { $0.name == name }) else {
                let known = configuration.scorers.map(\.name).joined(separator: ", ")
                throw ConfigurationError("no scorer '\(name)' in the configuration (scorers: \(known.isEmpty ? "none" : known))")
            }
        }
        if let judge = sentimentJudge, let scorer = configuration.scorers.first(where: { $0.name == judge }), scorer.type != .judge {
            throw ConfigurationError("--sentiment-judge \(judge): a \(scorer.type.rawValue) scorer, not a judge")
        }
        if let name = classifierBackend, configuration.backend(named: name) == nil {
            throw ConfigurationError("--classifier-backend \(name): no such backend in the configuration")
        }
        if Set(scorerNames).count != scorerNames.count { throw ConfigurationError("a --scorer is named twice") }
        for name in scorerNames where [ScorerNames.judge, ScorerNames.perplexity].contains(name) || name == sentimentJudge {
            throw ConfigurationError("--scorer \(name): the name is taken by another scorer of this run")
        }
        // Only the scorers named here run: an empty selection would mean all configured ones.
        var selected = configuration
        selected.scorers = configuration.scorers.filter { names.contains($0.name) }
        let session = ScorerSession(
            configuration: selected, selected: [], localJudgeRubric: nil, localPerplexity: false,
            llamaURL: generatorOptions.llamaURL, threads: generatorOptions.threads, concurrencyOverride: concurrency,
            verbose: verbose)

        // The template is part of what produced the results when it wrote a prompt that was sent.
        let premium = localJudge || localPerplexity || !scorerNames.isEmpty
        var rubrics = generating || premium || choice == .judge ? [template.reference] : []
        if localJudge { rubrics.append(try Rubric.load(rubric).reference) }
        for scorer in selected.scorers where scorer.type == .judge {
            rubrics.append(try Rubric.load(scorer.rubric ?? "pointwise-quality").reference)
        }
        if let problem = MonocultureAudit.check(dataset: data, fromLabels: choice == .labels, premium: premium) {
            throw ConfigurationError(problem)
        }
        progress.note(
            "read \(data.items.count) items, \(data.textCount) texts or labels, \(data.configurations.count) generated configurations from \(data.sources.count) files"
                + (data.skippedRows.isEmpty ? "" : ", skipped \(data.skippedRows.count) bad rows"))
        return Plan(
            data: data, configuration: configuration, template: template, sentimentChoice: choice, scorerSession: session,
            rubrics: rubrics)
    }

    /// The configurations generation will add: each generator under each sampling setting.
    var generatedConfigurations: [String] {
        let names = generatorOptions.generators + (generatorOptions.localGenerator ? [GeneratorSession.localName] : [])
        return names.flatMap { name in settings.map { Self.configurationName(name, $0) } }
    }

    /// A generated configuration's name: `GENERATOR/SETTING`, for example `smollm2-135m/T0.7`.
    static func configurationName(_ generator: String, _ setting: SamplingSetting) -> String {
        "\(generator)/\(setting.label)"
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
    func resolveSentiment(_ data: MonocultureDataset, generating: Bool) throws -> SentimentChoice {
        guard sentiment == .auto else { return sentiment }
        let sides = data.items.flatMap { item in MonocultureAudit.sideNames(data).compactMap { item.side($0) } }
        let labelled = sides.allSatisfy { $0.labels.count == $0.count }
        let texts = sides.allSatisfy { $0.texts.count == $0.count }
        if labelled && !generating { return .labels }
        if texts { return .vader }
        throw ConfigurationError(
            "some sides have only labels and others only texts; choose --sentiment labels (every side needs labels) or vader, classifier or judge (every side needs texts)")
    }
}
