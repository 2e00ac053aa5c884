public import PlauditCore

/// One item of the monoculture audit, such as a book: the human-written source side and any
/// number of generated configurations (a model at a sampling setting), each a set of texts,
/// of sentiment labels, or of both.
///
/// In JSONL one item is one line:
///
/// ```json
/// {"id": "dracula", "title": "Dracula", "author": "Bram Stoker",
///  "source": ["Creepy and fun.", "…"], "source_labels": ["POSITIVE", "…"],
///  "generated": {"llama-t1.0": ["…"]}, "generated_labels": {"gpt-4": ["POSITIVE"]}}
/// ```
///
/// Labels are `POSITIVE`, `NEGATIVE` or `NEUTRAL` (any case). Where a side has both texts and
/// labels, the two lists are parallel and must be equally long.
public struct MonocultureItem: Hashable, Sendable {
    /// Unique within the data set.
    public var id: String
    /// Fills `{{title}}` in generation prompts; the id is used when it is missing.
    public var title: String?
    /// Fills `{{author}}` in generation prompts.
    public var author: String?
    /// The human side; empty when the item has none.
    public var source: TextSet
    /// Generated sides by configuration name.
    public var generated: [String: TextSet]

    public init(id: String, title: String? = nil, author: String? = nil, source: TextSet = TextSet(), generated: [String: TextSet] = [:]) {
        self.id = id
        self.title = title
        self.author = author
        self.source = source
        self.generated = generated
    }

    /// The side called `name`: ``MonocultureDataset/sourceName`` or a configuration.
    public func side(_ name: String) -> TextSet? {
        name == MonocultureDataset.sourceName ? (source.isEmpty ? nil : source) : generated[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// The texts, given labels, or both, on one side of an item.
public struct TextSet: Hashable, Sendable {
    public var texts: [String]
    /// Labels that came with the data (for example a classifier's output in a published study).
    public var labels: [SentimentLabel]

    public init(texts: [String] = [], labels: [SentimentLabel] = []) {
        self.texts = texts
        self.labels = labels
    }

    /// How many texts or labels the side holds.
    public var count: Int { max(texts.count, labels.count) }
    public var isEmpty: Bool { count == 0 }
}

extension SentimentLabel {
    /// Reads `POSITIVE`, `NEGATIVE` or `NEUTRAL` in any case, as label files spell them.
    public init?(labelText: String) {
        self.init(rawValue: labelText.lowercased())
    }
}
