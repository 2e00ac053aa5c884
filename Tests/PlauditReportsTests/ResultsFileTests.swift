import Foundation
import PlauditAudits
import PlauditCore
import Testing

@testable import PlauditReports

@Suite("ResultsFile")
struct ResultsFileTests {
    @Test("encode then decodeCalibration gives back an equal value")
    func roundTrip() throws {
        let results = Fixtures.results()
        let data = try ResultsFile.encode(results)
        let decoded = try ResultsFile.decodeCalibration(data)
        #expect(decoded == results)
        #expect(decoded.schema == "plaudit.calibration/1")
        #expect(decoded.scorers[2].overall == nil)
        #expect(decoded.skippedRows == results.skippedRows)
        #expect(try ResultsFile.encode(decoded) == data, "encoding is deterministic")
    }

    @Test("canonical JSON: pretty, keys sorted at every level, slashes unescaped, final newline")
    func canonical() throws {
        let data = try ResultsFile.encode(Fixtures.results())
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains(#""schema" : "plaudit.calibration/1""#))
        #expect(!text.contains(#"\/"#))
        #expect(text.contains(#""validity_source" : "human ratings ≥ 3""#))

        let topLevel = keys(in: text, indent: 2)
        #expect(
            topLevel == [
                "comparisons", "examples", "failures", "manifest", "notes", "pairwise_judges", "prompts", "quality_source", "schema", "scorers",
                "skipped_rows", "validity_source",
            ]
        )
        // Every object's keys are sorted: check each run of keys at the same indent inside one object.
        for (indent, run) in keyRuns(in: text) {
            #expect(run == run.sorted(), "keys at indent \(indent) not sorted: \(run)")
        }
        #expect(keyRuns(in: text).count > 10, "the check above saw the nested objects")
    }

    @Test("NaN and infinities are written as strings and read back")
    func nonFinite() throws {
        var results = Fixtures.results()
        results.scorers[0].overall?.typicalitySlope = Estimate(value: .nan, lower: -.infinity, upper: .infinity, pValue: .nan)
        results.manifest.timings["nan"] = .nan
        let data = try ResultsFile.encode(results)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""value" : "NaN""#))
        #expect(text.contains(#""lower" : "-Infinity""#))
        #expect(text.contains(#""upper" : "Infinity""#))
        #expect(text.contains(#""p_value" : "NaN""#))
        #expect(text.contains(#""nan" : "NaN""#))
        // Still valid JSON for any reader.
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])

        var decoded = try ResultsFile.decodeCalibration(data)
        let slope = try #require(decoded.scorers[0].overall?.typicalitySlope)
        #expect(slope.value.isNaN)
        #expect(slope.lower == -.infinity)
        #expect(slope.upper == .infinity)
        #expect(slope.pValue?.isNaN == true)
        #expect(decoded.manifest.timings["nan"]?.isNaN == true)

        // Apart from the NaNs, nothing changed.
        decoded.scorers[0].overall?.typicalitySlope = nil
        decoded.manifest.timings["nan"] = nil
        results.scorers[0].overall?.typicalitySlope = nil
        results.manifest.timings["nan"] = nil
        #expect(decoded == results)
    }

    @Test("a file written before examples, per-prompt gaps, structure scores and pair judgments still reads")
    func olderFile() throws {
        var results = Fixtures.results(examples: Fixtures.examples)
        results.scorers[0].prompts = [PromptGap(itemID: "i1", category: "poetry", pairs: 1, gap: -1.2, rawGap: -3, underReward: 1)]
        results.prompts[0].scores = ["rm-flagged": [2.5, nil, -0.5]]
        let full = try ResultsFile.encode(results)
        #expect(try ResultsFile.decodeCalibration(full) == results, "nil scores survive as null")
        var object = try #require(JSONSerialization.jsonObject(with: full) as? [String: Any])
        object["examples"] = nil
        object["scorers"] = (object["scorers"] as! [[String: Any]]).map { var s = $0; s["prompts"] = nil; return s }
        object["prompts"] = (object["prompts"] as! [[String: Any]]).map { var p = $0; p["scores"] = nil; return p }
        let old = try ResultsFile.decodeCalibration(JSONSerialization.data(withJSONObject: object))
        #expect(old.examples.isEmpty)
        #expect(old.scorers.allSatisfy { $0.prompts.isEmpty })
        #expect(old.prompts.allSatisfy { $0.scores.isEmpty })
        #expect(old.scorers.map(\.overall) == results.scorers.map(\.overall))
    }

    @Test("decodeCalibration rejects other JSON")
    func rejects() {
        #expect(throws: (any Error).self) { try ResultsFile.decodeCalibration(Data("{}".utf8)) }
        #expect(throws: (any Error).self) { try ResultsFile.decodeCalibration(Data("not json".utf8)) }
    }

    @Test("writeAtomically creates intermediate folders, replaces the file and leaves nothing else behind")
    func writeAtomically() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plaudit-reports-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("runs/2025/results.json")
        let first = try ResultsFile.encode(Fixtures.results())
        try ResultsFile.writeAtomically(first, to: url)
        #expect(try Data(contentsOf: url) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path) == ["results.json"])

        let second = try ResultsFile.encode(Fixtures.results(notes: []))
        #expect(second != first)
        try ResultsFile.writeAtomically(second, to: url)
        #expect(try Data(contentsOf: url) == second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path) == ["results.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["runs"])
        #expect(try ResultsFile.decodeCalibration(Data(contentsOf: url)).notes.isEmpty)
    }

    /// The keys of lines indented by exactly `indent` spaces, in order.
    func keys(in text: String, indent: Int) -> [String] {
        text.split(separator: "\n").compactMap { line -> String? in
            let spaces = line.prefix { $0 == " " }.count
            guard spaces == indent, line.dropFirst(spaces).first == "\"" else { return nil }
            let rest = line.dropFirst(spaces + 1)
            guard let end = rest.range(of: "\" : ") else { return nil }
            return String(rest[..<end.lowerBound])
        }
    }

    /// For each JSON object in pretty-printed `text`, its direct keys in order (with the object's indent).
    func keyRuns(in text: String) -> [(Int, [String])] {
        var stack: [(indent: Int, keys: [String])] = []
        var runs: [(Int, [String])] = []
        for line in text.split(separator: "\n") {
            let spaces = line.prefix { $0 == " " }.count
            let body = line.dropFirst(spaces)
            if body.hasPrefix("}") {
                if let top = stack.popLast(), !top.keys.isEmpty { runs.append((top.indent, top.keys)) }
                continue
            }
            if body.hasPrefix("\""), let end = body.dropFirst().range(of: "\" : "), let top = stack.indices.last,
                stack[top].indent == spaces
            {
                stack[top].keys.append(String(body.dropFirst()[..<end.lowerBound]))
            }
            if body.hasSuffix("{") { stack.append((spaces + 2, [])) }
        }
        return runs
    }
}
