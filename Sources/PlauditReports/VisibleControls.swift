/// Control characters as visible symbols, for text a report shows.
///
/// A NUL, a bell or an escape sequence in a model's answer is a finding an auditor should see,
/// and raw control characters have no business in Markdown or HTML (NUL ends strings in C
/// tools, ESC sequences recolour terminals that print the file, HTML forbids most of them). So
/// each is replaced by a stand-in that reads as what it was: the C0 controls U+0000–U+001F by
/// their Unicode control pictures (␀ for NUL, ␇ for BEL, ␛ for ESC, … U+2400–U+241F), DEL by ␡
/// (U+2421), and the C1 controls U+0080–U+009F, which have no pictures, by `\x80`…`\x9F`.
/// Callers keep the whitespace controls their context allows (tab, line breaks) before asking.
enum VisibleControls {
    /// The stand-in for `scalar` when it is a C0 control, DEL or a C1 control; `nil` otherwise.
    static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x00...0x1F: String(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: "\u{2421}"
        case 0x80...0x9F: "\\x" + String(scalar.value, radix: 16, uppercase: true)
        default: nil
        }
    }
}
