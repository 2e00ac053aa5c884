import Foundation
import PlauditCore

/// Embeddings stored as JSONL (`item_id`, `response_id`, `model`, `embedding`), as
/// `plaudit homogeneity --write-embeddings` writes them: items in order of first appearance,
/// responses in file order.
struct StoredEmbeddings {
    var items: [Item]
    var vectors: [[[Float]]]

    static let oracles = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Oracles")

    init(file name: String) throws {
        let data = try Data(contentsOf: Self.oracles.appendingPathComponent(name))
        var order: [String] = []
        var responses: [String: [Response]] = [:]
        var vectors: [String: [[Float]]] = [:]
        for line in JSONLines(data: data) {
            let row = try JSONSerialization.jsonObject(with: line.data) as! [String: Any]
            let id = row["item_id"] as! String
            if responses[id] == nil { order.append(id) }
            responses[id, default: []].append(
                Response(id: row["response_id"] as! String, text: "", model: row["model"] as? String)
            )
            vectors[id, default: []].append((row["embedding"] as! [NSNumber]).map(\.floatValue))
        }
        items = order.map { Item(id: $0, prompt: .text($0), responses: responses[$0]!) }
        self.vectors = order.map { vectors[$0]! }
    }
}
