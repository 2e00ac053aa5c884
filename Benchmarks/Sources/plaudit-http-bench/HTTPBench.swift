import Foundation
import PlauditRuntime
import PlauditClients
import PlauditCore
import PlauditStore

/// plaudit's side of the HTTP scoring benchmark: the real pipeline — ScoreCollector (cache
/// lookup, bounded in-flight calls, group-committed cache writes), VLLMRewardScorer and
/// BackendClient (AIMD window, retries) on the shared transport — scoring a synthetic dataset
/// against a loopback stub. Times only the scoring. Prints one JSON line.
///
///     plaudit-http-bench --url http://127.0.0.1:PORT --inflight 64 --responses 20000
///         [--cache PATH] [--transport async-http-client|urlsession] [--label TEXT]
@main
struct HTTPBench {
    static func main() async throws {
        var url = "", inflight = 64, responses = 20_000, cachePath: String?, label = ""
        var transport = TransportKind.asyncHTTPClient
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let flag = arguments.next() {
            guard let value = arguments.next() else { fail("\(flag) needs a value") }
            switch flag {
            case "--url": url = value
            case "--inflight": inflight = Int(value) ?? 0
            case "--responses": responses = Int(value) ?? 0
            case "--cache": cachePath = value
            case "--label": label = value
            case "--transport": transport = TransportKind(rawValue: value) ?? .asyncHTTPClient
            default: fail("unknown option \(flag)")
            }
        }
        guard url.hasPrefix("http://127.0.0.1:") else { fail("--url must be a loopback URL (http://127.0.0.1:PORT)") }
        guard inflight > 0, responses > 0, responses <= 2_000_000 else { fail("bad --inflight or --responses") }

        // The same texts as bench_python.py: prompt i / 8, response i.
        let items = stride(from: 0, to: responses, by: 8).map { start in
            let p = start / 8
            return Item(
                id: "q\(p)", prompt: .text("Question \(p): write something about topic \(p)."),
                responses: (start..<min(start + 8, responses)).map { i in
                    Response(id: "r\(i)", text: "Answer \(i): a response of moderate length about topic \(p), variant \(i % 8).")
                }
            )
        }
        let backend = BackendConfiguration(name: "stub", kind: .vllm, urls: [url], model: "stub", concurrency: inflight, transport: transport)
        let transports = SharedTransports(for: [backend])
        let client = try transports.client(for: backend, environment: [:])
        let scorer = try VLLMRewardScorer(backend: client, name: "stub-rm")
        let cache: (any ResponseCache)? = cachePath == nil ? nil : try await SQLiteResponseCache(path: cachePath!)
        let collector = ScoreCollector(concurrency: inflight, cache: cache)

        let clock = ContinuousClock()
        let start = clock.now
        let table = try await collector.collect(items: items, scorer: scorer, progress: SilentProgress())
        let elapsed = clock.now - start
        try await transports.shutdown()

        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let scored = table.scores.reduce(0) { $0 + $1.compactMap { $0 }.count }
        guard scored == responses, table.failures.isEmpty else {
            fail("scored \(scored) of \(responses), \(table.failures.count) failures: \(table.failures.first?.reason ?? "")")
        }
        let line: [String: Any] = [
            "route": "plaudit (\(transport.rawValue))", "label": label, "inflight": inflight, "responses": responses,
            "seconds": (seconds * 1000).rounded() / 1000, "responses_per_second": (Double(responses) / seconds * 10).rounded() / 10,
            "peak_rss_mb": peakRSSMegabytes(), "cache_hits": table.counts.hits, "requests": client.statistics.requests,
            "retries": client.statistics.retries,
        ]
        let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// VmHWM from /proc/self/status, in MB.
    static func peakRSSMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return (kb / 1024 * 10).rounded() / 10
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("plaudit-http-bench: \(message)\n".utf8))
        exit(2)
    }
}
