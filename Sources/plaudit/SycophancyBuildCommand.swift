import ArgumentParser
import Foundation
import PlauditAudits
import PlauditCore
import PlauditReports
import PlauditRuntime

/// `plaudit sycophancy build`: QA items → probes JSONL.
struct SycophancyBuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build sycophancy probes (every item in every context × belief) from QA items.",
        discussion: """
            Input: the TruthfulQA CSV (Question, Best Answer, Correct Answers, Incorrect Answers), a CSV with question, \
            correct, incorrect columns, or JSONL with those fields. Each probe line holds the question, the answer key, the \
            context and its statement, the belief and the message sent to a policy. Statements are assigned by --seed, item \
            id and context only, so every model gets the same probes.
            """
    )

    @Argument(help: "QA items: a .csv (TruthfulQA or question/correct/incorrect) or a .jsonl file.")
    var items: String

    @Option(help: "Contexts and belief templates (YAML). Default: the built-in rubrics/sycophancy-contexts.yaml.")
    var contexts: String?

    @Option(name: .customLong("items"), help: "Use this many items, drawn by --seed (default: all).")
    var count: Int?

    @Option(help: "Seed for the statement assignment and the item sample.")
    var seed: UInt64 = 20_251_121

    @Option(help: "Where to write the probes (JSONL).")
    var out = "probes.jsonl"

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--items must be at least 1") }
    }

    func run() async throws {
        let (probes, items) = try SycophancyProbeBuilder.build(file: self.items, contexts: contexts, count: count, seed: seed)
        do {
            try AtomicFile.write(try JSONLines.encode(probes), to: URL(fileURLWithPath: out))
        } catch {
            throw RunFailure("cannot write \(out): \(error)")
        }
        let conditions = items == 0 ? 0 : probes.count / items
        print("wrote \(probes.count) probes (\(items) items × \(conditions) conditions) to \(out)")
    }
}

/// Writing the sycophancy audit's JSONL files and results.
enum SycophancyFiles {
    /// Writes results.json, report.md and report.html into `folder`, each atomically (with
    /// `graded.jsonl` when `gradedFile`: the answers in the format `analyze` reads), and
    /// prints the summary.
    static func write(_ results: SycophancyResults, to folder: String, gradedFile: Bool = false) throws {
        let files: [(name: String, data: Data)] = gradedFile ? [("graded.jsonl", try GradedAnswerWriter.jsonLines(results))] : []
        try RunFailure.writing(to: folder) { try ResultsFolder.write(.sycophancy(results), files: files, to: URL(fileURLWithPath: folder)) }
        print(SycophancyConsoleTable.render(results), terminator: "")
        print("wrote \(folder)/results.json, \(folder)/report.md, \(folder)/report.html" + (gradedFile ? ", \(folder)/graded.jsonl" : ""))
    }

}
