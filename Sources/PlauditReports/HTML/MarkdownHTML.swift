import Foundation

/// Turns the Markdown that plaudit's own reports write into HTML, so the HTML report shows
/// exactly the tables and notes of `report.md` without a second set of table builders.
///
/// It knows the subset those reports use: `#`–`####` headings, paragraphs, `- ` lists,
/// pipe tables, `**bold**`, `*emphasis*`, code spans, backslash escapes and the character
/// references `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`. It is safe on any input: every
/// other character that HTML treats specially is escaped, and no tag, attribute or URL is
/// ever taken from the text, so model output embedded in the Markdown stays text.
///
/// Data text that the writers isolated with FSI … PDI (``BidiIsolation``) becomes a `<bdi>`
/// element, which the browser isolates: bidirectional controls inside cannot reorder what
/// follows it.
public enum MarkdownHTML {
    public static func render(_ markdown: String) -> String {
        var out: [String] = []
        var paragraph: [String] = []
        var list: [String] = []
        var table: [String] = []

        func flush() {
            if !paragraph.isEmpty {
                out.append("<p>" + paragraph.map(inline).joined(separator: "\n") + "</p>")
                paragraph = []
            }
            if !list.isEmpty {
                out.append("<ul>\n" + list.map { "<li>" + inline($0) + "</li>" }.joined(separator: "\n") + "\n</ul>")
                list = []
            }
            if !table.isEmpty {
                out.append(renderTable(table))
                table = []
            }
        }

        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                flush()
            } else if let level = headingLevel(trimmed) {
                flush()
                let text = String(trimmed.dropFirst(level + 1))
                out.append("<h\(level) id=\"\(anchor(text))\">\(inline(text))</h\(level)>")
            } else if trimmed.hasPrefix("|") {
                if !paragraph.isEmpty || !list.isEmpty { flush() }
                table.append(trimmed)
            } else if trimmed.hasPrefix("- ") {
                if !paragraph.isEmpty || !table.isEmpty { flush() }
                list.append(String(trimmed.dropFirst(2)))
            } else {
                if !list.isEmpty || !table.isEmpty { flush() }
                paragraph.append(trimmed)
            }
        }
        flush()
        return out.joined(separator: "\n")
    }

    static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...4).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    /// A fragment id from heading text: lower-case letters and digits joined by `-`.
    static func anchor(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "section" : out
    }

    /// Splits a table row on pipes that are not escaped.
    static func cells(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in row {
            if escaped {
                current.append("\\")
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current)
        // A row starts and ends with a pipe: drop the empty text outside them.
        if cells.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { cells.removeFirst() }
        if cells.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { cells.removeLast() }
        return cells.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func isRule(_ row: String) -> Bool {
        let body = row.filter { $0 != "|" && $0 != " " }
        return !body.isEmpty && body.allSatisfy { $0 == "-" || $0 == ":" }
    }

    static func renderTable(_ rows: [String]) -> String {
        guard rows.count >= 2, isRule(rows[1]) else {
            return "<p>" + rows.map(inline).joined(separator: "<br>\n") + "</p>"
        }
        let header = cells(rows[0])
        var out = ["<div class=\"table\"><table>", "<thead><tr>" + header.map { "<th>\(inline($0))</th>" }.joined() + "</tr></thead>", "<tbody>"]
        for row in rows.dropFirst(2) {
            out.append("<tr>" + cells(row).map { "<td>\(inline($0))</td>" }.joined() + "</tr>")
        }
        out.append("</tbody></table></div>")
        return out.joined(separator: "\n")
    }

    /// Inline markup: code spans first (their content is literal), then escapes, character
    /// references, bold and emphasis, and bidirectional isolates; everything else escaped.
    ///
    /// Isolates: FSI opens a `<bdi>` element and its PDI closes it; LRI and RLI stay characters,
    /// closed by their PDI; a PDI with no isolate open is dropped, and isolates still open at the
    /// end of the line are closed there.
    static func inline(_ text: String) -> String {
        var out = ""
        var strong = false
        var emphasis = false
        /// Open isolates, innermost last: `true` for a `<bdi>` element.
        var isolates: [Bool] = []
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "\\", i + 1 < characters.count, "\\`*_[]|#<>&-!.()+{}".contains(characters[i + 1]) {
                out += HTMLText.escape(String(characters[i + 1]))
                i += 2
            } else if c == "`", let end = characters[(i + 1)...].firstIndex(of: "`") {
                out += "<code>" + HTMLText.escape(String(characters[(i + 1)..<end])) + "</code>"
                i = end + 1
            } else if c == "&", let reference = characterReference(characters, at: i) {
                out += reference
                i += reference.count
            } else if c == "*", i + 1 < characters.count, characters[i + 1] == "*" {
                out += strong ? "</strong>" : "<strong>"
                strong.toggle()
                i += 2
            } else if c == "*" {
                out += emphasis ? "</em>" : "<em>"
                emphasis.toggle()
                i += 1
            } else if c == "\u{2068}" {
                out += "<bdi>"
                isolates.append(true)
                i += 1
            } else if c == "\u{2066}" || c == "\u{2067}" {
                out.append(c)
                isolates.append(false)
                i += 1
            } else if c == "\u{2069}" {
                if let element = isolates.popLast() { out += element ? "</bdi>" : "\u{2069}" }
                i += 1
            } else {
                out += HTMLText.escape(String(c))
                i += 1
            }
        }
        for element in isolates.reversed() { out += element ? "</bdi>" : "\u{2069}" }
        if emphasis { out += "</em>" }
        if strong { out += "</strong>" }
        return out
    }

    /// One of the five references the Markdown writers emit, passed through as it is.
    static func characterReference(_ characters: [Character], at i: Int) -> String? {
        for reference in ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"] {
            let count = reference.count
            if i + count <= characters.count, String(characters[i..<(i + count)]) == reference { return reference }
        }
        return nil
    }
}
