import Yams

/// Finds the line of a field in YAML text, so configuration errors say `FILE:LINE: FIELD`.
enum YAMLLocator {
    /// The 1-based line of the node at `path` (keys and indices), or of the deepest ancestor
    /// that exists; 0 when the text does not parse.
    static func line(of path: [any CodingKey], in text: String) -> Int {
        guard var node = try? Yams.compose(yaml: text) else { return 0 }
        var line = node.mark?.line ?? 0
        for key in path {
            let child: Node?
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                child = sequence[index]
            } else if let mapping = node.mapping {
                child = mapping.first(where: { $0.key.string == key.stringValue })?.value
            } else {
                child = nil
            }
            guard let child else { break }
            node = child
            line = child.mark?.line ?? line
        }
        return line
    }
}

/// A coding key built from a string or an index, for paths the locator walks.
package struct PathKey: CodingKey {
    package var stringValue: String
    package var intValue: Int?

    package init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    package init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }

    package init(_ string: String) { self.init(stringValue: string) }
    package init(_ index: Int) { self.init(intValue: index) }
}
