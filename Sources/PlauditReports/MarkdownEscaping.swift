/// Makes data text safe inside a Markdown table cell or heading: no pipes, no line breaks, no
/// HTML, no emphasis or code spans, no raw control characters, and no bidirectional control
/// that could reorder the rest of the line.
///
/// Works on Unicode scalars, not characters: `|` followed by a combining mark is one
/// `Character` but still a pipe to a Markdown parser, and `\r\n` is one `Character` too.
enum MarkdownEscaping {
    /// - Line breaks (`\n`, `\r`, U+0085, U+2028, U+2029) become one space; tab stays.
    /// - `|`, `` ` ``, `*`, `_`, `[`, `]` are backslash-escaped; `<`, `>`, `&` become character
    ///   references; a backslash before ASCII punctuation is doubled, so the text's own
    ///   backslash never escapes what follows it (`a\|b` stays one cell).
    /// - Other controls are shown as visible stand-ins (``VisibleControls``): ␀, ␇, ␛, `\x9B`.
    /// - Text with bidirectional controls is isolated (``BidiIsolation``).
    static func cell(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasBreak = false
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
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
            case "\\":
                out.append("\\")
                // Doubled at the end too: the writer may put `**` or `` ` `` right after the text.
                if index + 1 == scalars.count || isASCIIPunctuation(scalars[index + 1]) { out.append("\\") }
            case "\t": out.append(scalar)
            default:
                if let visible = VisibleControls.replacement(for: scalar) {
                    out.append(contentsOf: visible.unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return BidiIsolation.isolate(String(out))
    }

    /// The characters a backslash escapes in Markdown.
    private static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        (0x21...0x2F).contains(scalar.value) || (0x3A...0x40).contains(scalar.value)
            || (0x5B...0x60).contains(scalar.value) || (0x7B...0x7E).contains(scalar.value)
    }
}
