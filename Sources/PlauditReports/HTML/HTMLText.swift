/// Escaping for text placed in HTML and SVG, in element content and in quoted attribute
/// values alike. Everything that reaches a report from a dataset or a model goes through
/// here: prompts, responses, ids, scorer names, notes and error messages.
public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as character references; tab and newline kept, `\r` and
    /// U+0085 as newlines; every other control character shown as its visible stand-in (␀, ␇,
    /// ␛, `\x9B`: see ``VisibleControls``), since HTML does not allow them and an auditor should
    /// see that they were there; the noncharacters U+FFFE and U+FFFF dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r", "\u{85}": out += "\n"
            case "\u{FFFE}", "\u{FFFF}": continue
            default:
                if let visible = VisibleControls.replacement(for: scalar) {
                    out += visible
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// ``escape(_:)`` for data text in HTML element content, inside a `<bdi>` element with its
    /// bidirectional controls balanced when it carries any (see ``BidiIsolation``), so it cannot
    /// reorder the text around it.
    static func isolated(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: BidiIsolation.isControl) else { return escape(text) }
        return "<bdi>" + escape(BidiIsolation.balanced(text)) + "</bdi>"
    }
}
