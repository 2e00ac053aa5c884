import Foundation
import PlauditTesting
import Testing

@testable import PlauditCore

@Suite("Infinity-Chat rows")
struct InfinityChatReaderTests {
    static let rows = [
        #"{"user_query":"Q1","response":"A","human_labels":[1,2,3],"category":"brainstorm"}"#,
        #"{"user_query":"Q2","response":"B"}"#,
        "",
        #"{"user_query":"Q1","response":"C","human_labels":[5],"model":"gpt","valid":false}"#,
        #"{"user_query":"Q1","response":"D","human_labels":[]}"#,
    ].joined(separator: "\n") + "\n"

    // `printf Q1 | sha256sum` and `printf Q2 | sha256sum`, first 12 hex digits.
    static let q1 = "q32d833f348ce"
    static let q2 = "q8845886be6cb"

    @Test("rows are grouped by identical user_query, in first-seen order", arguments: [DatasetFormat.infinityChat, .auto])
    func grouping(format: DatasetFormat) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("ic.jsonl", Self.rows)
        let dataset = try DatasetReader(format: format).read(paths: [path])

        #expect(dataset.items.map(\.id) == [Self.q1, Self.q2])
        let q1 = dataset.items[0]
        #expect(q1.prompt == .text("Q1"))
        #expect(q1.category == "brainstorm")
        #expect(q1.responses.map(\.id) == ["r1", "r2", "r3"])
        #expect(q1.responses.map(\.text) == ["A", "C", "D"])
        #expect(q1.responses.map(\.humanRatings) == [[1, 2, 3], [5], []])
        #expect(q1.responses.map(\.humanMean) == [2, 5, nil])
        #expect(q1.responses[1].model == "gpt")
        #expect(q1.responses[1].valid == false)
        #expect(q1.responses[0].valid == nil)

        let q2 = dataset.items[1]
        #expect(q2.prompt.text == "Q2")
        #expect(q2.responses == [Response(id: "r1", text: "B")])
        #expect(dataset.responseCount == 4)
    }

    @Test("item ids do not depend on row order or file")
    func stableIDs() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let a = try dir.write("a.jsonl", #"{"user_query":"Q2","response":"x"}"# + "\n")
        let b = try dir.write("b.jsonl", #"{"user_query":"Q1","response":"y"}"# + "\n")
        let dataset = try DatasetReader().read(paths: [a, b])
        #expect(dataset.items.map(\.id) == [Self.q2, Self.q1])
    }

    @Test("explicit response_id is kept; a duplicate one is a located error")
    func responseIDs() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write(
            "ids.jsonl",
            #"{"user_query":"Q","response":"a","response_id":"alpha"}"# + "\n"
                + #"{"user_query":"Q","response":"b"}"# + "\n"
                + #"{"user_query":"Q","response":"c","response_id":"alpha"}"# + "\n"
        )
        let error = inputError { () throws(InputError) in try DatasetReader().read(paths: [path]) }
        expectLocated(error, file: path, line: 3, field: "response_id", messageContains: "alpha")

        let skipped = try DatasetReader(badRows: .skip).read(paths: [path])
        #expect(skipped.items.first?.responses.map(\.id) == ["alpha", "r2"])
        #expect(skipped.skippedRows.map(\.line) == [3])
    }

    @Test("a row without response, or with labels of the wrong type, is located")
    func badRows() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write(
            "bad.jsonl",
            #"{"user_query":"Q","response":"a"}"# + "\n\n" + #"{"user_query":"Q"}"# + "\n"
                + #"{"user_query":"Q","response":"b","human_labels":"high"}"# + "\n"
        )
        let error = inputError { () throws(InputError) in try DatasetReader(format: .infinityChat).read(paths: [path]) }
        expectLocated(error, file: path, line: 3, field: "response", messageContains: "missing")

        let dataset = try DatasetReader(format: .infinityChat, badRows: .skip).read(paths: [path])
        #expect(dataset.items.count == 1)
        #expect(dataset.items[0].responses.map(\.text) == ["a"])
        #expect(dataset.skippedRows.map(\.line) == [3, 4])
        #expect(dataset.skippedRows.map(\.field) == ["response", "human_labels"])
    }

    @Test("auto-detection decides per file: grouped and Infinity-Chat files read together")
    func autoDetectPerFile() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let folder = try dir.folder("mixed")
        try dir.write("mixed/1-grouped.jsonl", #"{"id":"g","prompt":"P","responses":[{"id":"r","text":"t"}]}"# + "\n")
        try dir.write("mixed/2-infinity.jsonl", "\n" + #"{"user_query":"Q1","response":"A"}"# + "\n")
        let dataset = try DatasetReader().read(paths: [folder])
        #expect(dataset.items.map(\.id) == ["g", Self.q1])
        #expect(dataset.sources.count == 2)
    }

    @Test("detect: responses means grouped even when user_query is present")
    func detect() {
        let both = JSONLines(data: Data(#"{"user_query":"q","responses":[]}"#.utf8))
        #expect(DatasetReader.detect(both, file: "f") == .grouped)
        let ic = JSONLines(data: Data(("\n" + #"{"user_query":"q","response":"r"}"#).utf8))
        #expect(DatasetReader.detect(ic, file: "f") == .infinityChat)
        #expect(DatasetReader.detect(JSONLines(data: Data()), file: "f") == .grouped)
        #expect(DatasetReader.detect(JSONLines(data: Data("garbage".utf8)), file: "f") == .grouped)
    }

    @Test("forcing grouped on Infinity-Chat rows fails at line 1 with a missing field")
    func forcedWrongFormat() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("ic.jsonl", Self.rows)
        let error = inputError { () throws(InputError) in try DatasetReader(format: .grouped).read(paths: [path]) }
        #expect(error?.line == 1)
        #expect(error?.message == "missing required field")
    }
}
