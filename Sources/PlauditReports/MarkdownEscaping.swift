/// Makes data text safe inside a Markdown table cell: no pipes, no line breaks, no HTML.
enum MarkdownEscaping {
    static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "`": out += "\\`"
            case "*", "_", "[", "]": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }
}
