import Foundation
import Testing

@testable import PlauditCore

@Suite("Prompt, Response and Item coding")
struct PromptCodingTests {
    @Test("a string prompt decodes to .text and encodes back to a string")
    func textPrompt() throws {
        let prompt = try JSONDecoder().decode(Prompt.self, from: Data(#""Hello \"you\"""#.utf8))
        #expect(prompt == .text("Hello \"you\""))
        #expect(String(decoding: try JSONEncoder().encode(prompt), as: UTF8.self) == #""Hello \"you\"""#)
        #expect(prompt.text == "Hello \"you\"")
        #expect(prompt.messages == [ChatMessage(role: "user", content: "Hello \"you\"")])
    }

    @Test("a messages prompt decodes to .messages and encodes back to an array")
    func messagesPrompt() throws {
        let json = #"[{"role":"system","content":"S"},{"role":"user","content":"U1"},{"role":"assistant","content":"A"},{"role":"user","content":"U2"}]"#
        let prompt = try JSONDecoder().decode(Prompt.self, from: Data(json.utf8))
        guard case .messages(let messages) = prompt else {
            Issue.record("expected .messages, got \(prompt)")
            return
        }
        #expect(messages.map(\.role) == ["system", "user", "assistant", "user"])
        #expect(prompt.text == "U2", "the last user turn")
        #expect(prompt.messages == messages)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let again = String(decoding: try encoder.encode(prompt), as: UTF8.self)
        #expect(again == #"[{"content":"S","role":"system"},{"content":"U1","role":"user"},{"content":"A","role":"assistant"},{"content":"U2","role":"user"}]"#)
    }

    @Test("a conversation without a user turn has empty text")
    func noUserTurn() {
        #expect(Prompt.messages([ChatMessage(role: "system", content: "S")]).text == "")
        #expect(Prompt.messages([]).text == "")
        #expect(Prompt.messages([]).messages.isEmpty)
    }

    @Test("a prompt of another type is a type mismatch at its path", arguments: ["42", "true", "{}", #"[{"role":"user"}]"#, "null"])
    func wrongPrompt(json: String) throws {
        let text = #"{"id":"i","prompt":"# + json + #","responses":[{"id":"r","text":"t"}]}"#
        do {
            _ = try JSONDecoder().decode(Item.self, from: Data(text.utf8))
            Issue.record("decoded a prompt from \(json)")
        } catch let error as DecodingError {
            #expect(error.fieldAndMessage.field == "prompt", "\(error)")
        }
    }

    @Test("Response omits empty ratings and scores and absent optionals when encoded")
    func responseEncoding() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let bare = String(decoding: try encoder.encode(Response(id: "r", text: "t")), as: UTF8.self)
        #expect(bare == #"{"id":"r","text":"t"}"#)
        let full = Response(
            id: "r", text: "t", model: "m", valid: false, humanRatings: [1.5], scores: ["s": 2], cluster: "c", labelSource: "l"
        )
        let json = String(decoding: try encoder.encode(full), as: UTF8.self)
        #expect(json == #"{"cluster":"c","human_ratings":[1.5],"id":"r","label_source":"l","model":"m","scores":{"s":2},"text":"t","valid":false}"#)
        #expect(try JSONDecoder().decode(Response.self, from: Data(json.utf8)) == full)
    }

    @Test("Item encodes label_source in snake case and decodes it back")
    func itemEncoding() throws {
        let item = Item(id: "i", prompt: .text("p"), category: "c", labelSource: "authors", responses: [Response(id: "r", text: "t")])
        let data = try JSONEncoder().encode(item)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["label_source"] as? String == "authors")
        #expect(object["labelSource"] == nil)
        #expect(try JSONDecoder().decode(Item.self, from: data) == item)
    }

    @Test("humanMean is the arithmetic mean")
    func humanMean() {
        #expect(Response(id: "r", text: "t", humanRatings: [1, 2, 4, 5]).humanMean == 3)
        #expect(Response(id: "r", text: "t").humanMean == nil)
    }
}

@Suite("InputError and decoding-error paths")
struct InputErrorTests {
    @Test("description is FILE:LINE: FIELD: MESSAGE, dropping what is absent")
    func description() {
        #expect(InputError(file: "d.jsonl", line: 3, field: "responses[1].valid", message: "expected true or false").description
            == "d.jsonl:3: responses[1].valid: expected true or false")
        #expect(InputError(file: "d.jsonl", line: 3, message: "invalid JSON").description == "d.jsonl:3: invalid JSON")
        #expect(InputError(file: "d.jsonl", line: 0, field: "scale", message: "m").description == "d.jsonl: scale: m")
        #expect(InputError(file: "dir", line: 0, message: "no items").description == "dir: no items")
    }

    @Test("InputError round-trips through JSON")
    func codable() throws {
        let error = InputError(file: "f", line: 2, field: "x", message: "y")
        #expect(try JSONDecoder().decode(InputError.self, from: JSONEncoder().encode(error)) == error)
    }

    @Test("coding paths read like the input: indices in brackets, keys dotted")
    func paths() throws {
        struct Inner: Decodable { var v: Bool }
        struct Outer: Decodable { var list: [[String: Inner]] }
        let json = #"{"list":[{"a":{"v":true}},{"b":{"v":1}}]}"#
        do {
            _ = try JSONDecoder().decode(Outer.self, from: Data(json.utf8))
            Issue.record("decoded a number as Bool")
        } catch let error as DecodingError {
            let (field, message) = error.fieldAndMessage
            #expect(field == "list[1].b.v")
            #expect(message == "expected true or false")
        }
    }

    @Test("null where a value is required")
    func nullValue() throws {
        struct Row: Decodable { var text: String }
        do {
            _ = try JSONDecoder().decode(Row.self, from: Data(#"{"text":null}"#.utf8))
            Issue.record("decoded null as a string")
        } catch let error as DecodingError {
            let (field, message) = error.fieldAndMessage
            #expect(field == "text")
            #expect(message.contains("a string"), "\(message)")
        }
    }
}

@Suite("JSONLines")
struct JSONLinesTests {
    @Test("1-based numbers count blank lines; CR is dropped; whitespace-only lines are skipped")
    func numbering() {
        let text = "a\n\n  \r\n\tb\r\nc"
        let lines = Array(JSONLines(data: Data(text.utf8)))
        #expect(lines.map(\.number) == [1, 4, 5])
        #expect(lines.map { String(decoding: $0.data, as: UTF8.self) } == ["a", "\tb", "c"])
    }

    @Test("works on a slice whose indices do not start at zero")
    func slice() {
        let data = Data("xx\n{}\n".utf8).dropFirst(3)
        let lines = Array(JSONLines(data: data))
        #expect(lines.map(\.number) == [1])
        #expect(lines.first.map { String(decoding: $0.data, as: UTF8.self) } == "{}")
    }

    @Test("empty input has no lines")
    func empty() {
        #expect(Array(JSONLines(data: Data())).isEmpty)
        #expect(Array(JSONLines(data: Data("\n\n".utf8))).isEmpty)
    }
}

@Suite("CSV records")
struct CSVRecordsTests {
    @Test("quoted fields may hold commas, quotes and newlines; records keep their first line")
    func parse() throws {
        let records = try CSVRecords.parse("a,b\n\"x,1\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\n,\n")
        #expect(records.map(\.line) == [1, 2, 3, 5])
        #expect(records.map(\.fields) == [["a", "b"], ["x,1", "say \"hi\""], ["multi\nline", "z"], ["", ""]])
    }

    @Test("an unterminated quote reports where it opened")
    func unterminated() {
        do {
            _ = try CSVRecords.parse("a\n\"open\nstill\n")
            Issue.record("parsed an unterminated quote")
        } catch {
            switch error {
            case .unterminatedQuote(let line): #expect(line == 2)
            }
        }
    }
}
