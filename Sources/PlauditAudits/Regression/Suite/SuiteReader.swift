public import Foundation
public import PlauditCore
import Yams

/// Reads a suite file (``RegressionSuite``). Every error is an ``InputError`` naming the file,
/// the line and the field (`suite.yaml:14: checks[0].assertions[1]: unknown metric 'gapp'`),
/// and is reported before any check runs.
public struct SuiteReader: Sendable {
    public init() {}

    /// Reads and checks the suite at `path`; relative paths in it are resolved against its folder.
    public func read(_ path: String) throws(InputError) -> RegressionSuite {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(file: path, line: 0, message: "cannot read the suite file: \(error.localizedDescription)")
        }
        return try parse(data, file: path)
    }

    /// Parses suite text; `file` names it in errors and its folder anchors relative paths.
    public func parse(_ data: Data, file: String) throws(InputError) -> RegressionSuite {
        let (raw, text) = try YAMLInput.decode(SuiteFile.self, from: data, file: file)
        try Self.rejectUnknownKeys(in: text, file: file)
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        func resolve(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL.path
        }
        func fail(_ message: String, _ path: [PathKey]) -> InputError {
            YAMLInput.error(message, at: path, in: text, file: file)
        }
        func mustExist(_ path: String, _ at: [PathKey]) throws(InputError) {
            guard FileManager.default.fileExists(atPath: resolve(path)) else {
                throw fail("\(path) does not exist (paths are relative to the suite file)", at)
            }
        }

        let alpha = raw.alpha ?? 0.05
        guard alpha > 0 && alpha < 1 else { throw fail("alpha must be in (0, 1), not \(alpha)", [PathKey("alpha")]) }
        let permutations = raw.permutations ?? 9_999
        guard permutations >= 99 else { throw fail("permutations must be at least 99", [PathKey("permutations")]) }
        if let config = raw.config { try mustExist(config, [PathKey("config")]) }
        let calibration = raw.data?.calibration?.values ?? []
        for (i, path) in calibration.enumerated() {
            try mustExist(path, raw.data?.calibration?.values.count == 1 ? [PathKey("data"), PathKey("calibration")] : [PathKey("data"), PathKey("calibration"), PathKey(i)])
        }
        if let sycophancy = raw.data?.sycophancy { try mustExist(sycophancy, [PathKey("data"), PathKey("sycophancy")]) }

        var rubrics: [SuiteRubric] = []
        var modes: [String: Rubric.Mode] = [:]
        for (name, path) in (raw.rubrics ?? [:]).sorted(by: { $0.key < $1.key }) {
            let at = [PathKey("rubrics"), PathKey(name)]
            try mustExist(path, at)
            let rubric: Rubric
            do {
                rubric = try Rubric(contentsOf: resolve(path))
            } catch {
                throw fail("not a usable rubric: \(error)", at)
            }
            modes[name] = rubric.mode
            rubrics.append(SuiteRubric(name: name, path: path, sha256: rubric.sha256, location: resolve(path)))
        }

        if let options = raw.options {
            if let clustering = options.clustering, !["agglomerative", "kmeans", "labels"].contains(clustering) {
                throw fail("clustering is agglomerative, kmeans or labels, not '\(clustering)'", [PathKey("options"), PathKey("clustering")])
            }
            if let embedder = options.embedder, !["auto", "minilm", "lexical"].contains(embedder) {
                throw fail("embedder is auto, minilm or lexical, not '\(embedder)'", [PathKey("options"), PathKey("embedder")])
            }
        }

        guard !raw.checks.isEmpty else { throw fail("a suite needs at least one check", [PathKey("checks")]) }
        var checks: [SuiteCheck] = []
        var names: Set<String> = []
        for (c, check) in raw.checks.enumerated() {
            let here = [PathKey("checks"), PathKey(c)]
            guard !check.name.isEmpty, check.name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
                throw fail("a check's name is letters, digits, '-', '_' and '.' (it names a folder), not '\(check.name)'", here + [PathKey("name")])
            }
            guard names.insert(check.name).inserted else { throw fail("two checks are named '\(check.name)'", here + [PathKey("name")]) }
            let kind = check.kind ?? .calibration
            switch kind {
            case .calibration where calibration.isEmpty:
                throw fail("a calibration check needs data: calibration: in the suite", here)
            case .sycophancy where raw.data?.sycophancy == nil:
                throw fail("a sycophancy check needs data: sycophancy: in the suite", here)
            default: break
            }
            guard !check.scorers.isEmpty else { throw fail("a check needs at least one scorer", here + [PathKey("scorers")]) }
            var scorers: [SuiteScorer] = []
            for (s, scorer) in check.scorers.enumerated() {
                let at = here + [PathKey("scorers"), PathKey(s)]
                let set = [scorer.localJudge != nil, scorer.localPairwiseJudge != nil, scorer.localPerplexity == true, scorer.scorer != nil, scorer.scores != nil]
                guard set.filter({ $0 }).count == 1 else {
                    throw fail("a scorer is exactly one of local-judge: RUBRIC, local-pairwise-judge: RUBRIC, local-perplexity, scorer: NAME, scores: FILE", at)
                }
                func rubricNamed(_ name: String, key: String, mode: Rubric.Mode) throws(InputError) -> String {
                    guard let found = modes[name] else {
                        throw fail("no rubric named '\(name)' under rubrics:", at + [PathKey(key)])
                    }
                    guard found == mode else { throw fail("rubric '\(name)' is \(found.rawValue); this scorer needs a \(mode.rawValue) rubric", at + [PathKey(key)]) }
                    return name
                }
                if scorer.rubric != nil && scorer.scorer == nil {
                    throw fail("rubric: goes with scorer: NAME (local judges name their rubric directly)", at + [PathKey("rubric")])
                }
                if let name = scorer.localJudge {
                    scorers.append(.localJudge(rubric: try rubricNamed(name, key: "local-judge", mode: .pointwise)))
                } else if let name = scorer.localPairwiseJudge {
                    guard kind == .calibration else { throw fail("a sycophancy check scores each answer alone; it takes no pairwise judge", at) }
                    scorers.append(.localPairwiseJudge(rubric: try rubricNamed(name, key: "local-pairwise-judge", mode: .pairwise)))
                } else if scorer.localPerplexity == true {
                    scorers.append(.localPerplexity)
                } else if let name = scorer.scorer {
                    guard raw.config != nil else { throw fail("scorer '\(name)' needs config: (a plaudit.yaml) in the suite", at) }
                    if let rubric = scorer.rubric {
                        guard modes[rubric] != nil else { throw fail("no rubric named '\(rubric)' under rubrics:", at + [PathKey("rubric")]) }
                    }
                    scorers.append(.configured(name: name, rubric: scorer.rubric))
                } else if let path = scorer.scores {
                    try mustExist(path, at + [PathKey("scores")])
                    scorers.append(.scores(path: resolve(path)))
                }
            }
            if scorers.filter({ if case .localJudge = $0 { true } else { false } }).count > 1 {
                throw fail("one local judge per check (the local judge's scores carry one name); put the second rubric in its own check", here + [PathKey("scorers")])
            }
            if scorers.filter({ if case .localPairwiseJudge = $0 { true } else { false } }).count > 1 {
                throw fail("one local pairwise judge per check; put the second rubric in its own check", here + [PathKey("scorers")])
            }
            var assertions: [SuiteAssertion] = []
            for (a, assertion) in (check.assertions ?? []).enumerated() {
                let at = here + [PathKey("assertions"), PathKey(a)]
                let parsed: SuiteAssertion
                do {
                    parsed = try SuiteAssertion.parse(assertion.that, scorer: assertion.scorer)
                } catch {
                    throw fail(error.message, at)
                }
                guard parsed.metric.checkKind == kind else {
                    throw fail("\(parsed.metric.rawValue) is measured by \(parsed.metric.checkKind.rawValue) checks, and this check is \(kind.rawValue)", at)
                }
                assertions.append(parsed)
            }
            guard !assertions.isEmpty else { throw fail("a check needs at least one assertion", here + [PathKey("assertions")]) }
            checks.append(SuiteCheck(name: check.name, kind: kind, scorers: scorers, assertions: assertions))
        }

        let name = raw.name ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return RegressionSuite(
            file: file, name: name, baseline: resolve(raw.baseline ?? "baseline.json"), alpha: alpha, seed: raw.seed ?? 20_251_201,
            permutations: permutations, config: raw.config.map(resolve), cache: raw.cache.map(resolve), calibrationData: calibration.map(resolve),
            sycophancyData: raw.data?.sycophancy.map(resolve), rubrics: rubrics, options: raw.options ?? SuiteOptions(), checks: checks)
    }

    /// Reports the first key that is not part of the format, with its line.
    static func rejectUnknownKeys(in text: String, file: String) throws(InputError) {
        guard let root = try? Yams.compose(yaml: text) else { return }
        func check(_ node: Node?, _ allowed: Set<String>, _ path: [PathKey]) throws(InputError) {
            guard let mapping = node?.mapping else { return }
            for (key, _) in mapping {
                guard let name = key.string, !allowed.contains(name) else { continue }
                throw InputError(
                    file: file, line: key.mark?.line ?? 0, field: DecodingError.path(path + [PathKey(name)]),
                    message: "unknown field; expected one of " + allowed.sorted().joined(separator: ", "))
            }
        }
        try check(root, SuiteFile.topKeys, [])
        try check(root.mapping?["data"], SuiteFile.dataKeys, [PathKey("data")])
        try check(root.mapping?["options"], SuiteFile.optionKeys, [PathKey("options")])
        for (c, checkNode) in (root.mapping?["checks"]?.sequence ?? []).enumerated() {
            let here = [PathKey("checks"), PathKey(c)]
            try check(checkNode, SuiteFile.checkKeys, here)
            for (s, scorer) in (checkNode.mapping?["scorers"]?.sequence ?? []).enumerated() {
                try check(scorer, SuiteFile.scorerKeys, here + [PathKey("scorers"), PathKey(s)])
            }
            for (a, assertion) in (checkNode.mapping?["assertions"]?.sequence ?? []).enumerated() {
                try check(assertion, SuiteFile.assertionKeys, here + [PathKey("assertions"), PathKey(a)])
            }
        }
    }
}
