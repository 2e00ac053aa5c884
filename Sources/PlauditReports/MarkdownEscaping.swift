/// Makes data text safe inside a Markdown table cell or heading: no pipes, no line breaks, no
/// HTML, no emphasis or code spans.
///
/// Works on Unicode scalars, not characters: `|` followed by a combining mark is one
/// `Character` but still a pipe to a Markdown parser, and `\r\n` is one `Character` too.
enum MarkdownEscaping {
    static func cell(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasBreak = false
        for scalar in text.unicodeScalars {
            let isBreak = scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
            defer { lastWasBreak = isBreak }
            switch scalar {
            case _ where isBreak:
                if !lastWasBreak || scalar == "\r" { out.append(" ") }
            case "|": out.append(contentsOf: "\\|".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "`", "*", "_", "[", "]":
                out.append("\\")
                out.append(scalar)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
