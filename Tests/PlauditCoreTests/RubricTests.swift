import Foundation
import PlauditTesting
import Testing

@testable import PlauditCore

@Suite("Rubrics")
struct RubricTests {
    /// The repository root: this file is Tests/PlauditCoreTests/RubricTests.swift.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let rubricPath = root.appendingPathComponent("rubrics/pointwise-quality.yaml").path
    // `sha256sum rubrics/pointwise-quality.yaml`
    static let rubricSHA = "cfa2c3dadb420d0766c0dc8c7b417df554af268f33d901786df5b76bf19a6928"

    @Test("rubrics/pointwise-quality.yaml parses")
    func fileParses() throws {
        let rubric = try Rubric(contentsOf: Self.rubricPath)
        #expect(rubric.id == "pointwise-quality")
        #expect(rubric.version == "1")
        #expect(rubric.scale == 1...9)
        #expect(rubric.responsePrefix == "Rating (1-9): ")
        #expect(rubric.description?.hasPrefix("Pointwise overall quality on a 1-9 scale.") == true)
        #expect(rubric.template.contains("{{prompt}}"))
        #expect(rubric.template.contains("{{response}}"))
        #expect(rubric.template.hasSuffix("nothing else."), "the |- block drops the final newline")
        #expect(rubric.sha256 == Self.rubricSHA)
        #expect(rubric.reference == RubricReference(id: "pointwise-quality", version: "1", sha256: Self.rubricSHA))
    }

    @Test("the embedded copy is byte-identical to the file, so it has the same sha256")
    func embeddedMatchesFile() throws {
        #expect(EmbeddedRubrics.ids == ["pointwise-quality", "pairwise-preference", "validity"])
        for id in EmbeddedRubrics.ids {
            let file = try Data(contentsOf: Self.root.appendingPathComponent("rubrics/\(id).yaml"))
            #expect(Data(try #require(EmbeddedRubrics.source(id: id)).utf8) == file, "\(id)")
        }
        let embedded = try #require(EmbeddedRubrics.source(id: "pointwise-quality"))
        let file = try Data(contentsOf: URL(fileURLWithPath: Self.rubricPath))
        #expect(Data(embedded.utf8) == file)
        let fromEmbedded = try Rubric(yaml: Data(embedded.utf8), file: "<embedded>")
        let fromFile = try Rubric(contentsOf: Self.rubricPath)
        #expect(fromEmbedded.sha256 == Self.rubricSHA)
        #expect(fromEmbedded == fromFile)
        #expect(EmbeddedRubrics.source(id: "nope") == nil)
    }

    @Test("every embedded rubric parses and carries its own id")
    func allEmbeddedParse() throws {
        for id in EmbeddedRubrics.ids {
            let source = try #require(EmbeddedRubrics.source(id: id))
            let rubric = try Rubric(yaml: Data(source.utf8), file: id)
            #expect(rubric.id == id)
        }
    }

    static func rubric(template: String) throws -> Rubric {
        let yaml = """
            id: t
            version: "2"
            scale: {min: 0, max: 4}
            template: "\(template)"
            """
        return try Rubric(yaml: Data(yaml.utf8), file: "t.yaml")
    }

    @Test("render substitutes {{prompt}} and {{response}} once, in one pass")
    func render() throws {
        let rubric = try Self.rubric(template: "Q: {{prompt}} / A: {{response}} / {{other}} {{ {{prompt}}")
        #expect(rubric.description == nil)
        #expect(rubric.responsePrefix == nil)
        #expect(rubric.scale == 0...4)
        #expect(rubric.render(prompt: "why?", response: "because") == "Q: why? / A: because / {{other}} {{ why?")
        // Text that looks like a placeholder stays literal wherever it comes from.
        #expect(
            rubric.render(prompt: "say {{response}}", response: "I said {{prompt}}")
                == "Q: say {{response}} / A: I said {{prompt}} / {{other}} {{ say {{response}}"
        )
        #expect(rubric.render(prompt: "", response: "") == "Q:  / A:  / {{other}} {{ ")
        // A brace at the end.
        let trailing = try Self.rubric(template: "{{response}}{{")
        #expect(trailing.render(prompt: "p", response: "r") == "r{{")
    }

    @Test("render of the shipped rubric leaves no placeholder behind")
    func renderShipped() throws {
        let rubric = try Rubric(contentsOf: Self.rubricPath)
        let text = rubric.render(prompt: "Name a colour.", response: "Teal, because {{prompt}}.")
        #expect(text.contains("Request: Name a colour.\n\nAnswer: Teal, because {{prompt}}.\n\nReply with"))
        #expect(text.components(separatedBy: "{{").count == 2, "only the response's literal {{prompt}}")
        #expect(text.hasPrefix("You are grading"))
    }

    @Test("a different byte gives a different sha256")
    func digestFollowsBytes() throws {
        let a = try Self.rubric(template: "{{response}}")
        let b = try Self.rubric(template: "{{response}} ")
        #expect(a.sha256 != b.sha256)
        #expect(a.sha256 == SHA256Hex.digest(of: "id: t\nversion: \"2\"\nscale: {min: 0, max: 4}\ntemplate: \"{{response}}\""))
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var field: String
        var fragment: String?
        var testDescription: String { name }
    }

    @Test(
        "bad rubrics are InputErrors naming the field",
        arguments: [
            BadCase(
                name: "missing template", yaml: "id: x\nversion: \"1\"\nscale: {min: 1, max: 5}\n",
                field: "template", fragment: "missing"
            ),
            BadCase(
                name: "min equals max", yaml: "id: x\nversion: \"1\"\nscale: {min: 5, max: 5}\ntemplate: \"{{response}}\"\n",
                field: "scale", fragment: "below"
            ),
            BadCase(
                name: "min above max", yaml: "id: x\nversion: \"1\"\nscale: {min: 9, max: 1}\ntemplate: \"{{response}}\"\n",
                field: "scale", fragment: "below"
            ),
            BadCase(
                name: "no {{response}}", yaml: "id: x\nversion: \"1\"\nscale: {min: 1, max: 5}\ntemplate: \"{{prompt}} only\"\n",
                field: "template", fragment: "{{response}}"
            ),
            BadCase(
                name: "missing scale.max", yaml: "id: x\nversion: \"1\"\nscale: {min: 1}\ntemplate: \"{{response}}\"\n",
                field: "scale.max", fragment: "missing"
            ),
            BadCase(
                name: "non-integer scale", yaml: "id: x\nversion: \"1\"\nscale: {min: low, max: 5}\ntemplate: \"{{response}}\"\n",
                field: "scale.min", fragment: nil
            ),
        ]
    )
    func badRubric(_ c: BadCase) throws {
        let error = inputError { () throws(InputError) in try Rubric(yaml: Data(c.yaml.utf8), file: "r.yaml") }
        expectLocated(error, file: "r.yaml", line: 0, field: c.field, messageContains: c.fragment)
    }

    @Test("YAML that does not parse is an InputError on one line", arguments: ["id: [unclosed\n", "a: b\n  c: d: e\n", "\t- x\n"])
    func badYAML(yaml: String) throws {
        let error = inputError { () throws(InputError) in try Rubric(yaml: Data(yaml.utf8), file: "r.yaml") }
        let e = try #require(error)
        #expect(e.file == "r.yaml")
        #expect(e.line == 0)
        #expect(!e.description.contains("\n"), "not one line: \(e.description)")
        // Yams wraps syntax errors in DecodingError.dataCorrupted at the root; the message must
        // still say YAML, not JSON, and stay on one line.
        #expect(e.message.contains("YAML"), "a YAML file's message names YAML: \(e.message)")
        #expect(!e.message.contains("JSON"), "a YAML file's message must not say JSON: \(e.message)")
    }

    @Test("a rubric file that does not exist, and one that is not UTF-8")
    func unreadable() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let missing = dir.url.appendingPathComponent("none.yaml").path
        expectLocated(inputError { () throws(InputError) in try Rubric(contentsOf: missing) }, file: missing, line: 0, field: "")
        let binary = try dir.write("bin.yaml", Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]))
        expectLocated(
            inputError { () throws(InputError) in try Rubric(contentsOf: binary) }, file: binary, line: 0, field: "",
            messageContains: "UTF-8"
        )
    }

    @Test("a pairwise rubric: mode, both answers put in, ratings read as preferences for A")
    func pairwise() throws {
        let rubric = try Rubric(contentsOf: Self.root.appendingPathComponent("rubrics/pairwise-preference.yaml").path)
        #expect(rubric.mode == .pairwise)
        #expect(rubric.scale == 1...2)
        let text = rubric.render(prompt: "Q {{response_b}}", first: "first {{prompt}}", second: "second")
        #expect(text.contains("Request: Q {{response_b}}"))
        #expect(text.contains("Answer 1: first {{prompt}}"))
        #expect(text.contains("Answer 2: second"))
        #expect(rubric.preferenceForFirst(rating: 1) == 1)
        #expect(rubric.preferenceForFirst(rating: 2) == 0)
        #expect(rubric.preferenceForFirst(rating: 1.25) == 0.75)
        let pointwise = try Rubric(contentsOf: Self.rubricPath)
        #expect(pointwise.mode == .pointwise)
    }

    @Test("a pairwise template without both answers, or an unknown mode, is refused with the field")
    func pairwiseErrors() throws {
        let yaml = "id: x\nversion: \"1\"\nmode: pairwise\nscale: {min: 1, max: 2}\ntemplate: \"{{prompt}} {{response_a}}\"\n"
        expectLocated(inputError { () throws(InputError) in try Rubric(yaml: Data(yaml.utf8), file: "r.yaml") }, file: "r.yaml", line: 0, field: "template", messageContains: "{{response_b}}")
        let bad = yaml.replacingOccurrences(of: "mode: pairwise", with: "mode: triwise")
        expectLocated(inputError { () throws(InputError) in try Rubric(yaml: Data(bad.utf8), file: "r.yaml") }, file: "r.yaml", line: 0, field: "mode")
    }

    @Test("rubrics/validity.yaml: a 0–1 scale with a prefilled verdict, so the judge's expected rating is P(valid)")
    func validityRubric() throws {
        let rubric = try Rubric(contentsOf: Self.root.appendingPathComponent("rubrics/validity.yaml").path)
        #expect(rubric.id == "validity" && rubric.scale == 0...1 && rubric.mode == .pointwise)
        #expect(rubric.responsePrefix == "Verdict (0 or 1): ")
        let rendered = rubric.render(prompt: "Name a colour.", response: "Vermilion.")
        #expect(rendered.contains("Request: Name a colour.") && rendered.contains("Answer: Vermilion."))
    }
}
