import Foundation
import PlauditTesting
import Testing

@testable import PlauditCore

@Suite("Grouped JSONL reader")
struct GroupedReaderTests {
    static let twoItems = """
        {"id":"a","prompt":"Write a haiku","category":"poetry","label_source":"authors","responses":[{"id":"r1","text":"Leaves fall","model":"m1","valid":true,"human_ratings":[4,5],"scores":{"rm":0.5,"judge":7},"cluster":"c1","label_source":"crowd"},{"id":"r2","text":"Snow\\nmelts"}]}
        {"id":"b","prompt":[{"role":"system","content":"Be brief"},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"},{"role":"user","content":"Bye?"}],"responses":[{"id":"x","text":"Yo","valid":false,"human_ratings":[]}]}

        """

    static let expectedItems = [
        Item(
            id: "a", prompt: .text("Write a haiku"), category: "poetry", labelSource: "authors",
            responses: [
                Response(
                    id: "r1", text: "Leaves fall", model: "m1", valid: true, humanRatings: [4, 5],
                    scores: ["rm": 0.5, "judge": 7], cluster: "c1", labelSource: "crowd"
                ),
                Response(id: "r2", text: "Snow\nmelts"),
            ]
        ),
        Item(
            id: "b",
            prompt: .messages([
                ChatMessage(role: "system", content: "Be brief"), ChatMessage(role: "user", content: "Hi"),
                ChatMessage(role: "assistant", content: "Hello"), ChatMessage(role: "user", content: "Bye?"),
            ]),
            responses: [Response(id: "x", text: "Yo", valid: false)]
        ),
    ]

    @Test("a valid two-item file keeps every field", arguments: [DatasetFormat.grouped, .auto])
    func roundTrip(format: DatasetFormat) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("data.jsonl", Self.twoItems)
        let dataset = try DatasetReader(format: format).read(paths: [path])

        #expect(dataset.items == Self.expectedItems)
        #expect(dataset.skippedRows.isEmpty)
        #expect(dataset.responseCount == 3)

        let a = try #require(dataset.items.first)
        #expect(a.prompt.text == "Write a haiku")
        #expect(a.prompt.messages == [ChatMessage(role: "user", content: "Write a haiku")])
        #expect(a.responses[0].humanMean == 4.5)
        #expect(a.responses[0].scores["judge"] == 7)
        #expect(a.responses[1].valid == nil)
        #expect(a.responses[1].model == nil)
        #expect(a.responses[1].cluster == nil)
        #expect(a.responses[1].humanMean == nil)
        #expect(a.responses[1].scores.isEmpty)
        let b = dataset.items[1]
        #expect(b.category == nil && b.labelSource == nil)
        #expect(b.prompt.text == "Bye?", "the last user turn")
        #expect(b.responses[0].humanRatings.isEmpty)

        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(dataset.sources == [SourceFile(path: path, sha256: SHA256Hex.digest(of: data), bytes: data.count)])

        // Encoding and decoding again changes nothing.
        let encoder = JSONEncoder()
        let again = try dataset.items.map { try JSONDecoder().decode(Item.self, from: encoder.encode($0)) }
        #expect(again == Self.expectedItems)
    }

    @Test("a directory contributes its .jsonl files in name order, and nothing else")
    func directory() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let folder = try dir.folder("set")
        // Written out of order on purpose.
        let second = try dir.write("set/b.jsonl", #"{"id":"b1","prompt":"p","responses":[{"id":"r","text":"t"}]}"# + "\n")
        let first = try dir.write(
            "set/a.jsonl",
            #"{"id":"a1","prompt":"p","responses":[{"id":"r","text":"t"}]}"# + "\n"
                + #"{"id":"a2","prompt":"p","responses":[{"id":"r","text":"t"}]}"# + "\n"
        )
        try dir.write("set/notes.txt", "not a dataset\n")
        try dir.write("set/c.json", "{}\n")

        let dataset = try DatasetReader().read(paths: [folder])
        #expect(dataset.items.map(\.id) == ["a1", "a2", "b1"])
        #expect(dataset.sources.map(\.path) == [first, second])
    }

    @Test("SourceFile.sha256 is the sha256sum of the file's bytes")
    func sourceDigest() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        // `printf '{"id":"a","prompt":"p","responses":[{"id":"r","text":"t"}]}\n' | sha256sum`
        let path = try dir.write("one.jsonl", #"{"id":"a","prompt":"p","responses":[{"id":"r","text":"t"}]}"# + "\n")
        let dataset = try DatasetReader().read(paths: [path])
        let source = try #require(dataset.sources.first)
        #expect(source.sha256 == "2b80144cde5f4a65606dd950f35e765e063dcad0b61011184e9a3c20f8450777")
        #expect(source.bytes == 60)
        // The dataset digest is sha256 over "DIGEST  PATH\n" lines, like sha256sum's output.
        #expect(dataset.sha256 == SHA256Hex.digest(of: "\(source.sha256)  \(path)\n"))
    }

    @Test("SHA256Hex matches known digests")
    func knownDigests() {
        #expect(SHA256Hex.digest(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Hex.digest(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Hex.digest(of: Data([0x61, 0x62, 0x63])) == SHA256Hex.digest(of: "abc"))
    }

    @Test("Dataset.sha256 changes when one byte of one file changes")
    func datasetDigestChanges() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("d.jsonl", #"{"id":"a","prompt":"p","responses":[{"id":"r","text":"t"}]}"# + "\n")
        let before = try DatasetReader().read(paths: [path])
        let same = try DatasetReader().read(paths: [path])
        #expect(before.sha256 == same.sha256, "reading twice gives the same digest")

        try dir.write("d.jsonl", #"{"id":"a","prompt":"p","responses":[{"id":"r","text":"u"}]}"# + "\n")
        let after = try DatasetReader().read(paths: [path])
        #expect(after.sources[0].bytes == before.sources[0].bytes)
        #expect(after.sources[0].sha256 != before.sources[0].sha256)
        #expect(after.sha256 != before.sha256)
        #expect(after.sha256.count == 64)
        #expect(after.sha256.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test("CRLF line endings and whitespace-only lines are accepted")
    func crlf() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let text = #"{"id":"a","prompt":"p","responses":[{"id":"r","text":"t"}]}"# + "\r\n \t\r\n"
            + #"{"id":"b","prompt":"p","responses":[{"id":"r","text":"t"}]}"# + "\r\n"
        let path = try dir.write("crlf.jsonl", text)
        let dataset = try DatasetReader().read(paths: [path])
        #expect(dataset.items.map(\.id) == ["a", "b"])
    }
}

@Suite("Grouped JSONL errors name file, line and field")
struct GroupedReaderErrorTests {
    static let good = #"{"id":"ok","prompt":"p","responses":[{"id":"r","text":"t"}]}"#

    /// Writes `lines` joined by newlines and returns the error reading them gives.
    func error(_ text: String, name: String = "bad.jsonl") throws -> (path: String, error: InputError?) {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write(name, text)
        return (path, inputError { () throws(InputError) in try DatasetReader().read(paths: [path]) })
    }

    @Test("invalid JSON on line 3 after a blank line counts blank lines")
    func invalidJSON() throws {
        let (path, error) = try error(Self.good + "\n\n{\"id\": \"x\", nope}\n")
        expectLocated(error, file: path, line: 3, field: "", messageContains: "invalid JSON")
    }

    @Test("missing responses")
    func missingResponses() throws {
        let (path, error) = try error(Self.good + "\n" + #"{"id":"x","prompt":"p"}"# + "\n")
        expectLocated(error, file: path, line: 2, field: "responses", messageContains: "missing")
    }

    @Test("a missing field inside a response names its index")
    func missingText() throws {
        let (path, error) = try error(#"{"id":"x","prompt":"p","responses":[{"id":"r1","text":"t"},{"id":"r2"}]}"#)
        expectLocated(error, file: path, line: 1, field: "responses[1].text", messageContains: "missing")
    }

    @Test("valid of the wrong type names responses[1].valid")
    func wrongType() throws {
        let (path, error) = try error(
            #"{"id":"x","prompt":"p","responses":[{"id":"r1","text":"t","valid":true},{"id":"r2","text":"t","valid":"yes"}]}"#
        )
        expectLocated(error, file: path, line: 1, field: "responses[1].valid", messageContains: "true or false")
    }

    @Test("a human rating that is not a number names its position")
    func wrongRating() throws {
        let (path, error) = try error(#"{"id":"x","prompt":"p","responses":[{"id":"r1","text":"t","human_ratings":[1,"two"]}]}"#)
        #expect(error?.field.hasPrefix("responses[0].human_ratings") == true, "\(String(describing: error))")
        #expect(error?.file == path && error?.line == 1)
    }

    @Test("an empty responses array")
    func emptyResponses() throws {
        let (path, error) = try error(#"{"id":"x","prompt":"p","responses":[]}"#)
        expectLocated(error, file: path, line: 1, field: "responses", messageContains: "at least one")
    }

    @Test("an empty item id")
    func emptyID() throws {
        let (path, error) = try error(#"{"id":"","prompt":"p","responses":[{"id":"r","text":"t"}]}"#)
        expectLocated(error, file: path, line: 1, field: "id", messageContains: "empty")
    }

    @Test("a duplicate response id names the second one")
    func duplicateResponse() throws {
        let (path, error) = try error(
            Self.good + "\n"
                + #"{"id":"x","prompt":"p","responses":[{"id":"r1","text":"t"},{"id":"r2","text":"t"},{"id":"r1","text":"u"}]}"#
        )
        expectLocated(error, file: path, line: 2, field: "responses[2].id", messageContains: "'r1'")
    }

    @Test("a prompt that is a number")
    func promptWrongType() throws {
        let (path, error) = try error(#"{"id":"x","prompt":42,"responses":[{"id":"r","text":"t"}]}"#)
        expectLocated(error, file: path, line: 1, field: "prompt", messageContains: "expected")
    }

    @Test("a prompt message without content")
    func promptBadMessage() throws {
        let (path, error) = try error(#"{"id":"x","prompt":[{"role":"user"}],"responses":[{"id":"r","text":"t"}]}"#)
        #expect(error?.file == path && error?.line == 1)
        #expect(error?.field.hasPrefix("prompt") == true)
    }

    @Test("a duplicate item id across two files names the second location and the first")
    func duplicateItemAcrossFiles() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let first = try dir.write("a.jsonl", #"{"id":"x","prompt":"p","responses":[{"id":"r","text":"t"}]}"# + "\n")
        let second = try dir.write(
            "b.jsonl",
            #"{"id":"y","prompt":"p","responses":[{"id":"r","text":"t"}]}"# + "\n\n"
                + #"{"id":"x","prompt":"q","responses":[{"id":"r","text":"t"}]}"# + "\n"
        )
        let error = inputError { () throws(InputError) in try DatasetReader().read(paths: [first, second]) }
        expectLocated(error, file: second, line: 3, field: "id", messageContains: "'x'")
        #expect(error?.message.contains("\(first):1") == true, "names the first occurrence: \(String(describing: error))")

        // The same through a directory.
        let viaFolder = inputError { () throws(InputError) in try DatasetReader().read(paths: [dir.path]) }
        #expect(viaFolder?.line == 3)
        #expect(viaFolder?.field == "id")
        #expect(viaFolder?.file.hasSuffix("/b.jsonl") == true)
    }

    @Test("an id holding a newline still gives a one-line description")
    func newlineInID() throws {
        let (path, error) = try error(
            #"{"id":"x","prompt":"p","responses":[{"id":"r\nDUP","text":"t"},{"id":"r\nDUP","text":"u"}]}"#
        )
        let e = try #require(error)
        #expect(e.file == path && e.line == 1 && e.field == "responses[1].id")
        #expect(!e.description.contains("\n"), "not one line: \(e.description)")
    }

    @Test("a path that does not exist")
    func missingPath() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.url.appendingPathComponent("nope.jsonl").path
        let error = inputError { () throws(InputError) in try DatasetReader().read(paths: [path]) }
        expectLocated(error, file: path, line: 0, field: "", messageContains: "no such file")
        #expect(error?.description == "\(path): no such file or directory")
    }

    @Test("a directory without .jsonl files")
    func emptyDirectory() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let folder = try dir.folder("empty")
        try dir.write("empty/readme.txt", "hi\n")
        let error = inputError { () throws(InputError) in try DatasetReader().read(paths: [folder]) }
        expectLocated(error, file: folder, line: 0, field: "", messageContains: ".jsonl")
    }

    @Test("a file of blank lines has no items", arguments: ["", "\n\n  \n\t\n", "\r\n"])
    func onlyBlankLines(text: String) throws {
        let (path, error) = try error(text)
        expectLocated(error, file: path, line: 0, field: "", messageContains: "no items")
    }

    @Test("the first bad row stops reading under the default policy")
    func stopsAtFirst() throws {
        let (path, error) = try error(
            Self.good + "\n" + #"{"id":"x","prompt":"p","responses":[]}"# + "\n" + "not json\n"
        )
        expectLocated(error, file: path, line: 2, field: "responses")
    }
}

@Suite("Bad-row policy .skip")
struct SkipPolicyTests {
    @Test("good rows are kept and each bad one is listed")
    func skip() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let a = try dir.write(
            "a.jsonl",
            [
                #"{"id":"one","prompt":"p","responses":[{"id":"r","text":"t"}]}"#,
                #"{"id":"two","prompt":"p" "responses":[]}"#,
                "",
                #"{"id":"three","prompt":"p","responses":[{"id":"r","text":"t","valid":"yes"}]}"#,
                #"{"id":"four","prompt":"p","responses":[{"id":"r","text":"t"},{"id":"s","text":"u"}]}"#,
                #"{"id":"five","prompt":"p","responses":[]}"#,
            ].joined(separator: "\n") + "\n"
        )
        let b = try dir.write(
            "b.jsonl",
            #"{"id":"one","prompt":"again","responses":[{"id":"r","text":"t"}]}"# + "\n"
                + #"{"id":"six","prompt":"p","responses":[{"id":"r","text":"t"}]}"# + "\n"
        )
        let dataset = try DatasetReader(badRows: .skip).read(paths: [a, b])
        #expect(dataset.items.map(\.id) == ["one", "four", "six"])
        #expect(dataset.items[0].prompt == .text("p"), "the first 'one' wins")
        #expect(dataset.sources.map(\.path) == [a, b])

        let skipped = dataset.skippedRows
        #expect(skipped.map(\.file) == [a, a, a, b])
        #expect(skipped.map(\.line) == [2, 4, 6, 1])
        #expect(skipped.map(\.field) == ["", "responses[0].valid", "responses", "id"])
        for row in skipped { #expect(!row.description.contains("\n")) }
    }

    @Test("skipping every row still fails with no items")
    func allBad() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("bad.jsonl", "nope\n{}\n")
        let error = inputError { () throws(InputError) in try DatasetReader(badRows: .skip).read(paths: [path]) }
        expectLocated(error, file: path, line: 0, field: "", messageContains: "no items")
    }

    @Test("BadRowLog throws under .stop and collects under .skip")
    func log() throws {
        let e1 = InputError(file: "f", line: 1, field: "x", message: "m1")
        let e2 = InputError(file: "f", line: 2, message: "m2")
        var stop = BadRowLog(policy: .stop)
        #expect(inputError { () throws(InputError) in try stop.report(e1) } == e1)
        var skip = BadRowLog(policy: .skip)
        try skip.report(e1)
        try skip.report(e2)
        #expect(skip.skipped == [e1, e2])
    }
}
