import Foundation
import Testing

/// What headless Chromium saw when it opened a report: `Browser/check_report.py` drives it
/// over the DevTools protocol and prints this as JSON.
struct BrowserCheck: Decodable {
    struct ConsoleEntry: Decodable, CustomStringConvertible {
        var source: String
        var level: String
        var text: String
        var description: String { "\(source) \(level): \(text)" }
    }

    struct Chart: Decodable {
        var id: String
        var width: Double
        var height: Double
        var shapes: Int
    }

    /// A `<bdi>` element and the layout of what follows it on its line.
    struct Isolate: Decodable {
        struct Follows: Decodable {
            var text: String
            var same_line: Bool
            /// It starts to the right of the element.
            var after_isolate: Bool
            /// Its first visible character is left of its last (`nil`: one character, or a wrap).
            var left_to_right: Bool?
        }

        /// The computed `unicode-bidi` (`isolate` for an isolating element).
        var unicode_bidi: String
        var text: String
        var follows: Follows?
    }

    struct DOM: Decodable {
        /// Every `<bdi>` element, in document order.
        var isolates: [Isolate]
        /// Text carrying bidirectional controls outside any isolate (its start).
        var unisolated_bidi: [String]
        /// NUL characters anywhere in the document's text.
        var nuls: Int
        var title: String
        var scripts: Int
        var handlers: [String]
        var javascript_urls: Int
        var embedded: Int
        var svgs: Int
        var svgs_outside_figures: Int
        var links: Int
        var images: Int
        var charts: [Chart]
        var tables: Int
        var text: String
        var sentinel: String?
    }

    var console: [ConsoleEntry]
    var requests: [String]
    var dom: DOM

    /// A Chromium binary, when one is installed (`.ci/run` installs Debian's `chromium`).
    static var chromium: String? {
        ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let script = CommandRunner.repositoryRoot.appendingPathComponent("Tests/plauditTests/Browser/check_report.py")

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Opens `report` in headless Chromium (bounded: the script gives up after 60 s, and the
    /// process is killed after 120 s) and returns what it saw.
    static func open(_ report: URL, screenshot: URL? = nil) async throws -> BrowserCheck {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "python3"
        let arguments = [script.path, report.path, "--timeout", "60"] + (screenshot.map { ["--screenshot", $0.path] } ?? [])
        let result = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Int32, Data, Data), any Error>) in
            Thread {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                    process.arguments = [python] + arguments
                    let out = Pipe(), err = Pipe()
                    process.standardOutput = out
                    process.standardError = err
                    try process.run()
                    let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
                    DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
                    let outData = out.fileHandleForReading.readDataToEndOfFile()
                    let errData = err.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    watchdog.cancel()
                    continuation.resume(returning: (process.terminationStatus, outData, errData))
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
        guard result.0 == 0 else {
            throw Failure(description: "check_report.py exited \(result.0): \(String(decoding: result.1 + result.2, as: UTF8.self))")
        }
        return try JSONDecoder().decode(BrowserCheck.self, from: result.1)
    }

    /// Nothing ran, nothing was fetched, nothing complained, and nothing but plaudit's own
    /// charts became SVG.
    var inert: Bool {
        console.isEmpty && requests.isEmpty && dom.scripts == 0 && dom.handlers.isEmpty && dom.javascript_urls == 0 && dom.embedded == 0
            && dom.svgs_outside_figures == 0 && dom.svgs == dom.charts.count && dom.links == 0 && dom.images == 0 && dom.sentinel == nil
    }

    /// When the browser tests are enabled: opens `report` and records an issue unless the
    /// charts `ids` are among those laid out, every chart has a size and marks, and the page
    /// is inert. Lets the tests that already run a job check its report's charts too.
    static func expectCharts(_ report: URL, including ids: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        guard BrowserReportTests.enabled else { return }
        let seen = try await open(report)
        let laidOut = Set(seen.dom.charts.map(\.id))
        for id in ids { #expect(laidOut.contains(id), "no chart \(id) in \(laidOut.sorted())", sourceLocation: sourceLocation) }
        #expect(seen.chartsRendered, "\(seen.dom.charts)", sourceLocation: sourceLocation)
        #expect(seen.inert, "console \(seen.console), requests \(seen.requests)", sourceLocation: sourceLocation)
    }

    /// Every chart was laid out with a size and has marks in it.
    var chartsRendered: Bool {
        !dom.charts.isEmpty && dom.charts.allSatisfy { $0.width > 50 && $0.height > 50 && $0.shapes > 3 }
    }
}
