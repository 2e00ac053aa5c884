import Foundation
import PlauditTesting
import Testing

@testable import PlauditAudits
@testable import PlauditCore

@Suite("Monoculture input: JSONL items and label files")
struct MonocultureReaderTests {
    static let items = """
        {"id":"dracula","title":"Dracula","author":"Bram Stoker","source":["Creepy and fun.","Dull."],"source_labels":["positive","NEGATIVE"],"generated":{"m/T1.0":["Great!"]}}
        {"id":"walden","source":["Calm."],"generated_labels":{"gpt":["POSITIVE","NEUTRAL"]},"extra":1}

        """

    @Test("JSONL items keep texts, labels and configurations; re-encoding gives the same items")
    func readsItems() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("books.jsonl", Self.items)
        let data = try MonocultureReader().read(paths: [dir.path])
        #expect(data.items.count == 2)
        let dracula = data.items[0]
        #expect(dracula.id == "dracula" && dracula.title == "Dracula" && dracula.author == "Bram Stoker")
        #expect(dracula.source == TextSet(texts: ["Creepy and fun.", "Dull."], labels: [.positive, .negative]))
        #expect(dracula.generated == ["m/T1.0": TextSet(texts: ["Great!"])])
        #expect(data.items[1].generated["gpt"] == TextSet(labels: [.positive, .neutral]))
        #expect(data.items[1].side("source") == TextSet(texts: ["Calm."]))
        #expect(data.items[1].side("m/T1.0") == nil)
        #expect(data.configurations == ["m/T1.0", "gpt"])
        #expect(data.textCount == 2 + 1 + 1 + 2)
        #expect(data.sources.map(\.path) == [path])
        #expect(data.sha256 == Dataset(items: [], sources: data.sources).sha256)

        // What plaudit writes (generated.jsonl) reads back as the same items.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let written = try data.items.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n")
        let again = try MonocultureReader().read(paths: [try dir.write("again.jsonl", written)])
        #expect(again.items == data.items)
    }

    /// Each bad line, with the line and field the error must name.
    static let malformed: [(body: String, line: Int, field: String, message: String)] = [
        (#"{"id":"a","source":["x"]}"# + "\n" + #"{"title":"no id","source":["x"]}"#, 2, "id", "missing required field"),
        (#"{"id":"a","source":"not a list"}"#, 1, "source", "expected an array"),
        (#"{"id":"a","source":["x"],"source_labels":["GOOD"]}"#, 1, "source_labels[0]", "expected POSITIVE, NEGATIVE or NEUTRAL, found 'GOOD'"),
        (#"{"id":"a","source":["x","y"],"source_labels":["POSITIVE"]}"#, 1, "source_labels", "1 labels for 2 texts in source"),
        (#"{"id":"a","generated_labels":{"m":["POSITIVE","maybe"]}}"#, 1, "generated_labels.m[1]", "found 'maybe'"),
        (#"{"id":"a","generated":{"source":["x"]}}"#, 1, "generated.source", "cannot be called 'source'"),
        (#"{"id":"a"}"#, 1, "source", "no source or generated texts or labels"),
        (#"{"id":"a","source":["x"]}"# + "\n\n" + #"{"id":"a","source":["y"]}"#, 3, "id", "duplicate item id 'a'"),
        (#"{"id":"","source":["x"]}"#, 1, "id", "must not be empty"),
    ]

    @Test("a bad line is one error naming file, line and field", arguments: 0..<9)
    func malformedLine(index: Int) throws {
        let (body, line, field, message) = Self.malformed[index]
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("bad.jsonl", body)
        do {
            _ = try MonocultureReader().read(paths: [path])
            Issue.record("read a bad file")
        } catch {
            #expect(error.line == line)
            #expect(error.field == field)
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("\(path):\(line): \(field): "))
        }
    }

    @Test("--skip-bad-rows: bad lines are left out and listed")
    func skipsBadRows() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("mixed.jsonl", #"{"id":"a","source":["x"]}"# + "\nnot json\n" + #"{"id":"b","source":["y"]}"#)
        let data = try MonocultureReader(badRows: .skip).read(paths: [path])
        #expect(data.items.map(\.id) == ["a", "b"])
        #expect(data.skippedRows.map(\.line) == [2])
    }

    @Test("label files: ids lose .jsonl, items are the union sorted by id, configurations keep their order")
    func readsLabelFiles() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let source = try dir.write("src.json", #"{"2.jsonl": ["POSITIVE", "NEGATIVE"], "1.jsonl": ["NEGATIVE"]}"#)
        let b = try dir.write("b.json", #"{"1.jsonl": ["POSITIVE"], "3.jsonl": ["POSITIVE", "POSITIVE"]}"#)
        let a = try dir.write("a.json", "{\n\"2.jsonl\": [\"NEGATIVE\"]\n}")
        let data = try MonocultureReader().read(source: source, generated: [("zeta", b), ("alpha", a)])
        #expect(data.items.map(\.id) == ["1", "2", "3"])
        #expect(data.configurations == ["zeta", "alpha"])
        #expect(data.items[0].source.labels == [.negative])
        #expect(data.items[0].generated == ["zeta": TextSet(labels: [.positive])])
        #expect(data.items[1].generated == ["alpha": TextSet(labels: [.negative])])
        #expect(data.items[2].source.isEmpty)
        #expect(data.sources.count == 3)
    }

    @Test("label-file errors name the file, the line of the key and the field")
    func labelFileErrors() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let bad = try dir.write("bad.json", "{\n  \"1.jsonl\": [\"POSITIVE\"],\n  \"2.jsonl\": [\"POSITIVE\", \"MEH\"]\n}")
        #expect(throws: InputError(file: bad, line: 3, field: "2.jsonl[1]", message: "expected POSITIVE, NEGATIVE or NEUTRAL, found MEH")) {
            try MonocultureReader().read(source: bad, generated: [])
        }
        let list = try dir.write("list.json", "[1, 2]")
        #expect(throws: InputError(file: list, line: 1, message: "expected a JSON object mapping item ids to lists of labels")) {
            try MonocultureReader().read(source: list, generated: [])
        }
        let notArray = try dir.write("scalar.json", #"{"x.jsonl": "POSITIVE"}"#)
        #expect(throws: InputError(file: notArray, line: 1, field: "x.jsonl", message: "expected an array of labels")) {
            try MonocultureReader().read(source: nil, generated: [("g", notArray)])
        }
        let clash = try dir.write("clash.json", #"{"x": ["POSITIVE"], "x.jsonl": ["NEGATIVE"]}"#)
        #expect(throws: InputError(file: clash, line: 1, field: "x.jsonl", message: "names the same item as x")) {
            try MonocultureReader().read(source: clash, generated: [])
        }
        let broken = try dir.write("broken.json", "{\"x\": [")
        #expect(throws: InputError.self) { try MonocultureReader().read(source: broken, generated: []) }
        #expect(throws: InputError(file: broken, line: 0, message: "a configuration cannot be called 'source'")) {
            try MonocultureReader().read(source: nil, generated: [("source", broken)])
        }
    }
}

@Suite("Prompt templates")
struct PromptTemplateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test("rubrics/book-review.yaml parses, and the embedded copy is byte-identical")
    func bookReview() throws {
        let path = Self.root.appendingPathComponent("rubrics/book-review.yaml").path
        let file = try PromptTemplate(yaml: Data(contentsOf: URL(fileURLWithPath: path)), file: path)
        #expect(file.id == "book-review" && file.version == "1" && file.system == nil)
        #expect(EmbeddedPromptTemplates.ids == ["book-review"])
        let embedded = try #require(EmbeddedPromptTemplates.source(id: "book-review"))
        #expect(Data(embedded.utf8) == (try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(try PromptTemplate.load("book-review") == file)
        #expect(file.sha256 == SHA256Hex.digest(of: Data(embedded.utf8)))
        #expect(
            file.render(id: "dracula", title: "Dracula", author: "Bram Stoker")
                == #"Write a short personal review (one to three sentences) of the book "Dracula" by Bram Stoker."#)
        #expect(file.reference == RubricReference(id: "book-review", version: "1", sha256: file.sha256))
    }

    @Test("render fills {{title}}, {{author}} and {{id}} in one pass and leaves other braces alone")
    func render() throws {
        let yaml = """
            id: t
            version: "2"
            system: Be brief.
            template: "{{title}} by {{author}} ({{id}}) {{other}} {{"
            """
        let template = try PromptTemplate(yaml: Data(yaml.utf8), file: "t.yaml")
        #expect(template.system == "Be brief.")
        #expect(template.render(id: "x", title: "A {{id}} title", author: nil) == "A {{id}} title by an unknown author (x) {{other}} {{")
        #expect(template.render(id: "x", title: nil, author: "Me") == "x by Me (x) {{other}} {{")
    }

    @Test("bad template files: errors name the file, the line and the field")
    func errors() throws {
        #expect(throws: InputError(file: "t.yaml", line: 3, field: "template", message: "must contain {{title}}")) {
            try PromptTemplate(yaml: Data("id: t\nversion: \"1\"\ntemplate: no placeholder\n".utf8), file: "t.yaml")
        }
        #expect(throws: InputError(file: "t.yaml", line: 1, field: "version", message: "missing required field")) {
            try PromptTemplate(yaml: Data("id: t\ntemplate: \"{{title}}\"\n".utf8), file: "t.yaml")
        }
        do {
            _ = try PromptTemplate(yaml: Data("id: t\ntemplate: [1, 2]\nversion: \"1\"\n".utf8), file: "t.yaml")
            Issue.record("a list is not a template")
        } catch {
            #expect(error.line == 2 && error.field == "template" && error.message.hasPrefix("expected"), "\(error)")
        }
        #expect(throws: InputError.self) { try PromptTemplate(yaml: Data("id: [unclosed\n".utf8), file: "t.yaml") }
        #expect(throws: InputError.self) { try PromptTemplate.load("no-such-template") }
    }
}
