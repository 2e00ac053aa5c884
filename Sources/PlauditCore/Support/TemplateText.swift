/// Placeholder substitution in one left-to-right pass: text that a substitution inserts is
/// never searched again, so a response containing `{prompt}` (or `{{prompt}}`) stays as
/// written. Used by the HTTP-template and vLLM adapters and by template files (rubrics, an
/// audit's prompt and context files).
public enum TemplateText {
    /// `template` with every occurrence of each key of `values` replaced by its value. Where
    /// two placeholders could start at the same place, the longer one wins.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        let placeholders = values.keys.sorted { $0.count > $1.count }
        var result = ""
        var index = template.startIndex
        outer: while index < template.endIndex {
            for placeholder in placeholders where template[index...].hasPrefix(placeholder) {
                result += values[placeholder] ?? ""
                index = template.index(index, offsetBy: placeholder.count)
                continue outer
            }
            result.append(template[index])
            index = template.index(after: index)
        }
        return result
    }
}
