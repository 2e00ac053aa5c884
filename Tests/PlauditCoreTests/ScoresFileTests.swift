import Foundation
import PlauditTesting
import Testing

@testable import PlauditCore

@Suite("Scores files")
struct ScoresFileTests {
    @Test("JSONL rows keep their line numbers")
    func jsonl() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write(
            "scores.jsonl",
            #"{"item_id":"a","response_id":"r1","scorer":"rm","score":0.5}"# + "\n\n"
                + #"{"score":-2,"scorer":"judge","response_id":"r2","item_id":"a","extra":true}"# + "\n"
        )
        let (rows, skipped) = try ScoresFileReader().read(path: path)
        #expect(skipped.isEmpty)
        #expect(
            rows == [
                ScoreRow(itemID: "a", responseID: "r1", scorer: "rm", score: 0.5, line: 1),
                ScoreRow(itemID: "a", responseID: "r2", scorer: "judge", score: -2, line: 3),
            ]
        )
    }

    @Test("JSONL: a non-numeric score names the field", arguments: [#""high""#, "null", "[1]"])
    func jsonlNonNumeric(score: String) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write(
            "scores.jsonl",
            #"{"item_id":"a","response_id":"r1","scorer":"rm","score":1}"# + "\n"
                + #"{"item_id":"a","response_id":"r2","scorer":"rm","score":"# + score + "}\n"
        )
        let error = inputError { () throws(InputError) in try ScoresFileReader().read(path: path) }
        expectLocated(error, file: path, line: 2, field: "score", messageContains: "number")
    }

    @Test("JSONL: missing field, empty scorer, invalid JSON")
    func jsonlOtherErrors() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write(
            "scores.jsonl",
            [
                #"{"item_id":"a","response_id":"r1","scorer":"rm","score":1}"#,
                #"{"item_id":"a","scorer":"rm","score":1}"#,
                #"{"item_id":"a","response_id":"r1","scorer":"","score":1}"#,
                #"{"item_id":"a","#,
                #"{"item_id":"a","response_id":"r3","scorer":"rm","score":3}"#,
            ].joined(separator: "\n")
        )
        let error = inputError { () throws(InputError) in try ScoresFileReader().read(path: path) }
        expectLocated(error, file: path, line: 2, field: "response_id", messageContains: "missing")

        let (rows, skipped) = try ScoresFileReader(badRows: .skip).read(path: path)
        #expect(rows.map(\.line) == [1, 5])
        #expect(skipped.map(\.line) == [2, 3, 4])
        #expect(skipped.map(\.field) == ["response_id", "scorer", ""])
        for row in skipped { #expect(!row.description.contains("\n")) }
    }

    @Test("CSV: header columns in any order; a quoted field with a comma and a newline moves the next line number")
    func csv() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let text = "Score, scorer ,item_id,response_id\n"  // line 1 (names are trimmed and case-folded)
            + "0.5,rm,a,r1\n"  // line 2
            + "1.5,\"judge, v2\nbeta\",a,r1\n"  // lines 3-4
            + "\"-3e-1\",rm,a,\"r \"\"2\"\"\"\n"  // line 5
            + "abc,rm,a,r3\n"  // line 6: bad score
            + "7,rm,b,r1\n"  // line 7
        let path = try dir.write("scores.csv", text)

        let error = inputError { () throws(InputError) in try ScoresFileReader().read(path: path) }
        expectLocated(error, file: path, line: 6, field: "score", messageContains: "'abc'")

        let (rows, skipped) = try ScoresFileReader(badRows: .skip).read(path: path)
        #expect(
            rows == [
                ScoreRow(itemID: "a", responseID: "r1", scorer: "rm", score: 0.5, line: 2),
                ScoreRow(itemID: "a", responseID: "r1", scorer: "judge, v2\nbeta", score: 1.5, line: 3),
                ScoreRow(itemID: "a", responseID: "r \"2\"", scorer: "rm", score: -0.3, line: 5),
                ScoreRow(itemID: "b", responseID: "r1", scorer: "rm", score: 7, line: 7),
            ]
        )
        #expect(skipped.map(\.line) == [6])
    }

    @Test("CSV: CRLF line endings and no final newline")
    func csvCRLF() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("s.CSV", "item_id,response_id,scorer,score\r\na,r1,rm,1\r\n\r\na,r2,rm,2")
        let (rows, _) = try ScoresFileReader().read(path: path)
        #expect(rows.map(\.responseID) == ["r1", "r2"])
        #expect(rows.map(\.score) == [1, 2])
        #expect(rows.map(\.line) == [2, 4])
    }

    @Test("CSV: a missing header column is named")
    func csvMissingColumn() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("s.csv", "\nitem_id,response_id,score\na,r1,1\n")
        let error = inputError { () throws(InputError) in try ScoresFileReader().read(path: path) }
        expectLocated(error, file: path, line: 2, field: "scorer", messageContains: "missing column")
    }

    @Test("CSV: NaN and infinities are rejected", arguments: ["nan", "NaN", "inf", "-inf", "Infinity"])
    func csvNonFinite(score: String) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("s.csv", "item_id,response_id,scorer,score\na,r1,rm,1\na,r2,rm,\(score)\n")
        let error = inputError { () throws(InputError) in try ScoresFileReader().read(path: path) }
        expectLocated(error, file: path, line: 3, field: "score")
    }

    @Test("CSV: a row with the wrong number of fields")
    func csvFieldCount() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("s.csv", "item_id,response_id,scorer,score\na,r1,rm\n")
        let error = inputError { () throws(InputError) in try ScoresFileReader().read(path: path) }
        expectLocated(error, file: path, line: 2, field: "", messageContains: "expected 4 fields, found 3")
    }

    @Test("CSV: an unterminated quote names the line it opens on")
    func csvUnterminated() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("s.csv", "item_id,response_id,scorer,score\na,r1,rm,1\na,\"r2,rm,2\nb,r1,rm,3\n")
        let error = inputError { () throws(InputError) in try ScoresFileReader(badRows: .skip).read(path: path) }
        expectLocated(error, file: path, line: 3, field: "", messageContains: "never closed")
    }

    @Test("CSV: an empty file")
    func csvEmpty() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("s.csv", "")
        let error = inputError { () throws(InputError) in try ScoresFileReader().read(path: path) }
        expectLocated(error, file: path, line: 0, field: "", messageContains: "empty")
    }

    @Test("a scores file that does not exist")
    func missingFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plaudit-\(UUID().uuidString).csv").path
        let error = inputError { () throws(InputError) in try ScoresFileReader().read(path: path) }
        expectLocated(error, file: path, line: 0, field: "", messageContains: "cannot read")
    }
}

@Suite("Dataset.join(scores:file:log:)")
struct ScoresJoinTests {
    static func dataset() -> Dataset {
        Dataset(items: [
            Item(
                id: "a", prompt: .text("p"),
                responses: [Response(id: "r1", text: "x"), Response(id: "r2", text: "y", scores: ["old": 1])]
            ),
            Item(id: "b", prompt: .text("q"), responses: [Response(id: "r1", text: "z")]),
        ])
    }

    @Test("a successful join sets responses[j].scores[name]")
    func join() throws {
        var dataset = Self.dataset()
        var log = BadRowLog(policy: .stop)
        try dataset.join(
            scores: [
                ScoreRow(itemID: "a", responseID: "r2", scorer: "rm", score: -1.25, line: 1),
                ScoreRow(itemID: "b", responseID: "r1", scorer: "rm", score: 3, line: 2),
                ScoreRow(itemID: "a", responseID: "r1", scorer: "judge", score: 7, line: 3),
            ],
            file: "s.jsonl", log: &log
        )
        #expect(dataset.items[0].responses[0].scores == ["judge": 7])
        #expect(dataset.items[0].responses[1].scores == ["old": 1, "rm": -1.25])
        #expect(dataset.items[1].responses[0].scores == ["rm": 3])
        #expect(log.skipped.isEmpty)
    }

    struct JoinCase: Sendable, CustomTestStringConvertible {
        var bad: ScoreRow
        var field: String
        var fragment: String
        var testDescription: String { "\(field) \(fragment)" }
    }

    @Test(
        "unknown item, unknown response and a second score are located errors",
        arguments: [
            JoinCase(bad: ScoreRow(itemID: "zz", responseID: "r1", scorer: "rm", score: 1, line: 4), field: "item_id", fragment: "'zz'"),
            JoinCase(bad: ScoreRow(itemID: "b", responseID: "r2", scorer: "rm", score: 1, line: 4), field: "response_id", fragment: "'r2'"),
            JoinCase(bad: ScoreRow(itemID: "a", responseID: "r1", scorer: "rm", score: 2, line: 4), field: "scorer", fragment: "'rm'"),
            JoinCase(bad: ScoreRow(itemID: "a", responseID: "r2", scorer: "old", score: 2, line: 4), field: "scorer", fragment: "'old'"),
        ]
    )
    func joinErrors(_ c: JoinCase) throws {
        let (bad, field, fragment) = (c.bad, c.field, c.fragment)
        var dataset = Self.dataset()
        var log = BadRowLog(policy: .stop)
        let rows = [
            ScoreRow(itemID: "a", responseID: "r1", scorer: "rm", score: 1, line: 2),
            bad,
            ScoreRow(itemID: "b", responseID: "r1", scorer: "rm", score: 5, line: 6),
        ]
        let error = inputError { () throws(InputError) in try dataset.join(scores: rows, file: "scores.csv", log: &log) }
        expectLocated(error, file: "scores.csv", line: 4, field: field, messageContains: fragment)

        var skipping = Self.dataset()
        var skipLog = BadRowLog(policy: .skip)
        try skipping.join(scores: rows, file: "scores.csv", log: &skipLog)
        #expect(skipLog.skipped.map(\.line) == [4])
        #expect(skipping.items[0].responses[0].scores["rm"] == 1, "the first score is kept")
        #expect(skipping.items[1].responses[0].scores["rm"] == 5, "rows after the bad one still join")
    }

    @Test("a scores file read from disk joins, with its file named in errors")
    func fromDisk() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write(
            "s.csv",
            "item_id,response_id,scorer,score\na,r1,rm,0.25\n\"multi\nline\",r1,rm,1\nb,r9,rm,2\n"
        )
        let (rows, _) = try ScoresFileReader().read(path: path)
        var dataset = Self.dataset()
        var log = BadRowLog(policy: .skip)
        try dataset.join(scores: rows, file: path, log: &log)
        #expect(dataset.items[0].responses[0].scores["rm"] == 0.25)
        #expect(log.skipped.map(\.line) == [3, 5])
        #expect(log.skipped.map(\.field) == ["item_id", "response_id"])
        #expect(log.skipped.allSatisfy { $0.file == path })
    }
}
