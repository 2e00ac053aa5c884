import PlauditCore

/// Prompt templates compiled into the binary, so `plaudit monoculture` generates from any folder.
///
/// Each is byte-for-byte the file of the same id under `rubrics/` (a test checks), so the
/// SHA-256 recorded in results is the same whichever copy was used.
public enum EmbeddedPromptTemplates {
    /// Template ids that exist without a file.
    public static let ids = ["book-review"]

    /// The YAML source of an embedded template.
    public static func source(id: String) -> String? {
        switch id {
        case "book-review": bookReview
        default: nil
        }
    }

    static let bookReview = #"""
id: book-review
version: "1"
description: >
  Generation prompt of the monoculture audit: a short personal review of a book, in the length
  and form of the human source reviews (one to three sentences). It names no stance, so any
  narrowing of sentiment comes from the model.
template: |-
  Write a short personal review (one to three sentences) of the book "{{title}}" by {{author}}.

"""#
}
