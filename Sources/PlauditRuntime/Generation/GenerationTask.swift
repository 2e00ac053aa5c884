public import PlauditCore

/// One completion to ask a generator for: sample `sample` of `group` (a prompt, a book, a
/// probe) under `setting`, with the exact request that will be sent.
public struct GenerationTask: Hashable, Sendable {
    /// Unique within a plan: `group/setting-label/sample`.
    public var id: String
    /// The caller's id of what is being answered (an item or prompt id).
    public var group: String
    public var setting: SamplingSetting
    /// 0-based index of this sample within (group, setting).
    public var sample: Int
    public var request: ChatRequest

    public init(id: String, group: String, setting: SamplingSetting, sample: Int, request: ChatRequest) {
        self.id = id
        self.group = group
        self.setting = setting
        self.sample = sample
        self.request = request
    }
}
