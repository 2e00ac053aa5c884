/// The layouts a dataset file may have.
public enum DatasetFormat: String, Sendable, CaseIterable, Codable {
    /// One item per line: `{"id", "prompt", "category"?, "responses": [...]}` (see docs/input-formats.md).
    case grouped
    /// One response per line, Infinity-Chat style: `{"user_query", "response", "human_labels"}`,
    /// grouped into items by identical `user_query`.
    case infinityChat = "infinity-chat"
    /// Decide per file from the first row: `responses` means grouped, `user_query` Infinity-Chat.
    case auto
}
