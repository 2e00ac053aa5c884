import Foundation
import PlauditClients
import PlauditCore
import PlauditRuntime

/// How the model answering behind each kind of backend is fingerprinted (see
/// ``PlauditCore/ModelFingerprint``): a reward model by its start-up probe's scores and what its
/// server says about itself, a remote judge by its answer to a fixed probe, and the built-in
/// local model by the pinned SHA-256 of its file, with no request at all.
enum ScorerFingerprints {
    /// The probe scores, rounded, followed by any server metadata.
    static func rewardModel(_ report: RewardProbeReport, metadata: [String]) -> ModelFingerprint {
        ModelFingerprint(parts: report.samples.map { "probe.\($0.name)=\(ModelFingerprint.rounded($0.score))" } + metadata)
    }

    /// Scores the probe conversations without judging them, for scorers whose scale plaudit
    /// does not know (an HTTP template): a conversation the scorer cannot score enters the
    /// fingerprint as `failed`.
    static func probeScores(_ scorer: some RewardScorer) async throws -> [String] {
        var parts: [String] = []
        for conversation in RewardProbe.conversations {
            let outcome = try await scorer.score(probeRequest(conversation))
            parts.append("probe.\(conversation.name)=\(outcome.value.map(ModelFingerprint.rounded) ?? "failed")")
        }
        return parts
    }

    /// A judge's answer (its score) to the probe's good conversation at temperature 0; a
    /// pairwise judge compares it with the bad one.
    static func judge(_ judge: some RewardScorer, pairwise: Bool) async throws -> ModelFingerprint {
        var request = probeRequest(RewardProbe.conversations[0])
        if pairwise { request.second = RewardProbe.conversations[1].response }
        let outcome = try await judge.score(request)
        return ModelFingerprint(parts: ["judge.good=\(outcome.value.map(ModelFingerprint.rounded) ?? "failed")"])
    }

    /// The built-in model: the pinned digest of its GGUF file (checked at install) and the
    /// pinned server package, so no request is needed.
    static var localModel: ModelFingerprint {
        ModelFingerprint(
            parts: AssetCatalog.localModel.flatMap { package in
                ["package=\(package.name)@\(package.version)"] + package.checks.map { "sha256=\($0.sha256)" }
            })
    }

    /// vLLM's `GET /v1/models`: the served model's `root` (the checkpoint it was loaded from)
    /// and `max_model_len`; empty when the server does not answer it.
    static func vllmMetadata(_ client: BackendClient) async -> [String] {
        guard let list = try? await client.get("/v1/models", as: VLLMModelList.self), let models = list.data, !models.isEmpty else {
            return []
        }
        let served = models.first { $0.id == client.configuration.model } ?? models[0]
        return ["root=\(served.root ?? "")", "max_model_len=\(served.maxModelLen.map(String.init) ?? "")"]
    }

    /// TEI's `GET /info`: `model_id` and `model_sha`; empty when the server does not answer it.
    static func teiMetadata(_ client: BackendClient) async -> [String] {
        guard let info = try? await client.get("/info", as: TEIInfo.self), info.modelID != nil || info.modelSHA != nil else { return [] }
        return ["model_id=\(info.modelID ?? "")", "model_sha=\(info.modelSHA ?? "")"]
    }

    private static func probeRequest(_ conversation: (name: String, prompt: String, response: String)) -> ScoringRequest {
        ScoringRequest(itemID: "plaudit-probe", responseID: conversation.name, prompt: .text(conversation.prompt), response: conversation.response)
    }
}

/// The part of vLLM's `GET /v1/models` answer that identifies the served checkpoint.
private struct VLLMModelList: Decodable, Sendable {
    struct Model: Decodable, Sendable {
        var id: String?
        var root: String?
        var maxModelLen: Int?

        enum CodingKeys: String, CodingKey {
            case id, root
            case maxModelLen = "max_model_len"
        }
    }

    var data: [Model]?
}

/// The part of TEI's `GET /info` answer that identifies the served checkpoint.
private struct TEIInfo: Decodable, Sendable {
    var modelID: String?
    var modelSHA: String?

    enum CodingKeys: String, CodingKey {
        case modelID = "model_id"
        case modelSHA = "model_sha"
    }
}
