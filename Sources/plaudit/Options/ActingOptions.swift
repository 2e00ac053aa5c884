import ArgumentParser
import Foundation
import PlauditAudits
import PlauditCore
import PlauditRuntime

/// What `plaudit audit` does with its verdicts beyond the report: the worst pairs it keeps,
/// preference pairs for training, and a CI gate.
struct ActingOptions: ParsableArguments {
    @Option(help: "Worst pairs kept per scorer for the report (lowest score(atypical) − score(modal)), with both texts.")
    var examples = 10

    @Option(help: ArgumentHelp(
        "Write the under-rewarded quality-matched pairs as preference JSON Lines (prompt, chosen = the atypical answer, rejected = the modal one, both scores; one line per scorer and pair).",
        valueName: "file"))
    var exportPairs: String?

    @Option(help: ArgumentHelp(
        "Exit 1 after writing the results when any scorer's verdict is one of these (comma-separated: UNDER-REWARDS, OVER-REWARDS, BLIND, PREFERS-INVALID, INCONCLUSIVE, ok).",
        valueName: "verdicts"))
    var failOn: String?

    func validate() throws {
        guard examples >= 0 else { throw ValidationError("--examples must be 0 or more") }
        _ = try gate()
    }

    /// The verdicts that fail the run; throws on a word that names none.
    func gate() throws -> Set<GapVerdict> {
        guard let failOn else { return [] }
        var verdicts: Set<GapVerdict> = []
        for word in failOn.split(separator: ",") {
            guard let verdict = GapVerdict(userText: String(word)) else {
                throw ValidationError("--fail-on: '\(word)' is not a verdict (\(GapVerdict.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            verdicts.insert(verdict)
        }
        guard !verdicts.isEmpty else { throw ValidationError("--fail-on: name at least one verdict") }
        return verdicts
    }

    /// Writes the preference pairs, if asked, then applies the gate: results are on disk
    /// before either can fail the run.
    func act(on results: CalibrationResults, scored: Dataset) throws {
        if let exportPairs {
            let pairs = try PreferencePairExport.pairs(results, scored: scored)
            do {
                try AtomicFile.write(try JSONLines.encode(pairs), to: URL(fileURLWithPath: exportPairs))
            } catch {
                throw RunFailure("cannot write --export-pairs \(exportPairs): \(error)")
            }
            print("wrote \(pairs.count) under-rewarded \(pairs.count == 1 ? "pair" : "pairs") to \(exportPairs)")
        }
        let gate = try gate()
        let failing = results.scorers.compactMap { result in result.verdict.flatMap { gate.contains($0) ? (result.scorer.name, $0) : nil } }
        guard failing.isEmpty else {
            let list = failing.map { "\($0.0) is \($0.1.rawValue)" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("plaudit: --fail-on \(failOn ?? ""): \(list)\n".utf8))
            throw ExitStatus.failure
        }
    }
}
