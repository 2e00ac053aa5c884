/// Keeps Unicode bidirectional controls in data text from reordering the report around it.
///
/// A model's answer may carry the explicit controls of the Unicode Bidirectional Algorithm
/// (UAX #9): embeddings and overrides (LRE, RLE, LRO, RLO, U+202A–U+202E, ended by PDF),
/// isolates (LRI, RLI, FSI, U+2066–U+2068, ended by PDI U+2069) and the marks LRM, RLM and ALM.
/// An override left open reverses everything after it to the end of the line, so the scores,
/// ids and verdicts printed after the text would read in another order than they are written
/// ("Trojan Source").
///
/// Reports keep the controls and confine them, rather than strip them: the auditor then sees the
/// text laid out as the model's reader would see it, and stripping would silently change what
/// the model wrote. Text that carries any of them is
/// - wrapped in FSI … PDI (U+2068 FIRST STRONG ISOLATE, U+2069 POP DIRECTIONAL ISOLATE), so the
///   rest of the line treats it as one neutral island;
/// - cleared of every PDI that has no isolate of the text's own to close (such a PDI would close
///   the wrapper early and let the rest of the text out);
/// - given the PDF and PDI characters that close whatever embeddings and isolates it leaves
///   open, innermost first, before the wrapper's PDI.
/// The HTML report turns each FSI … PDI into a `<bdi>` element (see ``MarkdownHTML``), which the
/// browser isolates the same way.
enum BidiIsolation {
    static let firstStrongIsolate: Unicode.Scalar = "\u{2068}"
    static let popDirectionalIsolate: Unicode.Scalar = "\u{2069}"
    static let popDirectionalFormatting: Unicode.Scalar = "\u{202C}"

    /// Whether `scalar` is an explicit bidirectional control or mark.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// `text` wrapped in FSI … PDI with its controls balanced, when it carries any control;
    /// otherwise `text` unchanged.
    static func isolate(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        out.append(firstStrongIsolate)
        out.append(contentsOf: balanced(text).unicodeScalars)
        out.append(popDirectionalIsolate)
        return String(out)
    }

    /// `text` with every PDI that closes no isolate of its own dropped, and closers appended for
    /// the embeddings and isolates it leaves open. A PDF with no embedding to end is kept: the
    /// algorithm ignores it.
    static func balanced(_ text: String) -> String {
        enum Opened { case embedding, isolate }
        var open: [Opened] = []
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x202A, 0x202B, 0x202D, 0x202E:
                open.append(.embedding)
            case 0x202C:
                if open.last == .embedding { open.removeLast() }
            case 0x2066...0x2068:
                open.append(.isolate)
            case 0x2069:
                // A PDI ends the innermost open isolate and every embedding opened inside it.
                guard let isolate = open.lastIndex(of: .isolate) else { continue }
                open.removeSubrange(isolate...)
            default:
                break
            }
            out.append(scalar)
        }
        for opened in open.reversed() {
            out.append(opened == .embedding ? popDirectionalFormatting : popDirectionalIsolate)
        }
        return String(out)
    }
}
