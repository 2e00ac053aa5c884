import PlauditCore

extension MonocultureItem: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, title, author, source, generated
        case sourceLabels = "source_labels"
        case generatedLabels = "generated_labels"
    }

    /// Writes the JSONL layout that ``MonocultureReader`` reads, leaving out empty fields, so a
    /// run's generated texts can be audited again without generating.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(author, forKey: .author)
        if !source.texts.isEmpty { try c.encode(source.texts, forKey: .source) }
        if !source.labels.isEmpty { try c.encode(source.labels.map { $0.rawValue.uppercased() }, forKey: .sourceLabels) }
        let texts = generated.filter { !$0.value.texts.isEmpty }.mapValues(\.texts)
        if !texts.isEmpty { try c.encode(texts, forKey: .generated) }
        let labels = generated.filter { !$0.value.labels.isEmpty }.mapValues { $0.labels.map { $0.rawValue.uppercased() } }
        if !labels.isEmpty { try c.encode(labels, forKey: .generatedLabels) }
    }
}
