import Foundation
import PlauditTesting
import Testing

@testable import PlauditCore

/// Pairwise human labels in grouped JSONL (`human_preferences` referencing response ids).
@Suite("Human preferences in grouped JSONL")
struct HumanPreferenceTests {
    static let item =
        #"{"id":"p1","prompt":"Name a colour.","responses":[{"id":"a","text":"Blue."},{"id":"b","text":"Teal."}],"human_preferences":[{"response_1":"a","response_2":"b","human_labels":[2,1,0,-1]}]}"#

    @Test("read, with the mean label; written back only when present")
    func roundTrip() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let data = try DatasetReader().read(paths: [try dir.write("a.jsonl", Self.item)])
        let preference = try #require(data.items[0].humanPreferences.first)
        #expect(preference == HumanPreference(first: "a", second: "b", labels: [2, 1, 0, -1]))
        #expect(preference.mean == 0.5)
        let encoded = String(decoding: try JSONEncoder().encode(data.items[0]), as: UTF8.self)
        #expect(encoded.contains("\"human_preferences\""))
        var plain = data.items[0]
        plain.humanPreferences = []
        #expect(!String(decoding: try JSONEncoder().encode(plain), as: UTF8.self).contains("human_preferences"))
    }

    @Test("an unknown response id, the same response twice, or a label outside −2…2 is located", arguments: [
        (#""response_2":"b""#, #""response_2":"z""#, "human_preferences[0]", "no response 'z'"),
        (#""response_2":"b""#, #""response_2":"a""#, "human_preferences[0]", "the same response"),
        ("[2,1,0,-1]", "[2,1,0,-3]", "human_preferences[0].human_labels", "−2…2"),
    ])
    func located(from: String, to: String, field: String, fragment: String) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("a.jsonl", Self.item.replacingOccurrences(of: from, with: to))
        expectLocated(inputError { () throws(InputError) in try DatasetReader().read(paths: [path]) }, file: path, line: 1, field: field, messageContains: fragment)
    }
}
