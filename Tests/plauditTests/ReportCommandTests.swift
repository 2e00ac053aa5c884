import Foundation
import Testing

/// `plaudit report`: the reports of a results file, rendered again without running anything.
@Suite("plaudit report (command line)")
struct ReportCommandTests {
    @Test("re-renders report.md and report.html byte for byte from an audit's results.json; bad files are exit 2 naming the file")
    func reRender() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(BrowserReportTests.hostileDataset.utf8).write(to: dir.appendingPathComponent("d.jsonl"))
        var scores = "scorer,item_id,response_id,score\n"
        for line in BrowserReportTests.hostileDataset.split(separator: "\n") {
            let item = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let id = item["id"] as! String
            guard !id.contains(",") && !id.contains("\"") else { continue }
            for (k, response) in (item["responses"] as! [[String: Any]]).enumerated() {
                scores += "rm,\(id),\(response["id"] as! String),\(Double(k) * 0.7 + Double(id.count % 3))\n"
            }
        }
        try Data(scores.utf8).write(to: dir.appendingPathComponent("s.csv"))
        let audit = try await CommandRunner.runOffPool(
            ["audit", "d.jsonl", "--scores", "s.csv", "--clustering", "labels", "--embedder", "lexical", "--resamples", "200", "--permutations", "99",
             "--out", "out", "--quiet"], in: dir
        )
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stdout.contains("out/report.html"))

        let report = try await CommandRunner.runOffPool(["report", "out/results.json", "--out", "again"], in: dir)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("again/report.md, ") && report.stdout.contains("again/report.html"))
        for name in ["report.md", "report.html"] {
            #expect(try Data(contentsOf: dir.appendingPathComponent("out/\(name)")) == Data(contentsOf: dir.appendingPathComponent("again/\(name)")), "\(name)")
        }
        // Without --out, beside the results file.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("out/report.html"))
        let beside = try await CommandRunner.runOffPool(["report", "out/results.json"], in: dir)
        #expect(beside.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/report.html").path))

        let missing = try await CommandRunner.runOffPool(["report", "nope.json"], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr == "plaudit: error: nope.json: no such file\n")
        try Data(#"{"schema": "plaudit.calibration/1", "manifest": {}}"#.utf8).write(to: dir.appendingPathComponent("broken.json"))
        let broken = try await CommandRunner.runOffPool(["report", "broken.json", "--out", "broken"], in: dir)
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("plaudit: error: broken.json: not a valid plaudit.calibration/1 file: "), "\(broken.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("broken").path), "nothing written")
        try Data("id,score\n".utf8).write(to: dir.appendingPathComponent("x.csv"))
        let notJSON = try await CommandRunner.runOffPool(["report", "x.csv"], in: dir)
        #expect(notJSON.status == 2)
        #expect(notJSON.stderr.hasPrefix("plaudit: error: x.csv: not a JSON object"))
    }
}
