import PlauditCore
import Testing

@Suite("model fingerprints")
struct ModelFingerprintTests {
    static func probe(_ good: Double, _ bad: Double, _ other: Double) -> ModelFingerprint {
        ModelFingerprint(parts: [("good", good), ("bad", bad), ("other", other)].map { "probe.\($0.0)=\(ModelFingerprint.rounded($0.1))" })
    }

    @Test("probe scores that differ by 1e-9 give the same fingerprint; 1.82 and 2.32 do not")
    func rounding() {
        #expect(Self.probe(1.82, -3.1, 0.7) == Self.probe(1.82 + 1e-9, -3.1 - 1e-9, 0.7 + 1e-9))
        #expect(Self.probe(1.82, -3.1, 0.7) != Self.probe(2.32, -3.1, 0.7))
        #expect(ModelFingerprint.rounded(-0.0) == ModelFingerprint.rounded(0.0))
        #expect(ModelFingerprint.rounded(1.8200000004) == "1.82")
    }

    @Test("a fingerprint is 16 hexadecimal characters and depends on the order and content of its parts")
    func form() {
        let a = ModelFingerprint(parts: ["root=/models/rm", "max_model_len=4096"])
        #expect(a.hex.count == 16 && a.hex.allSatisfy(\.isHexDigit))
        #expect(a != ModelFingerprint(parts: ["max_model_len=4096", "root=/models/rm"]))
        #expect(a != ModelFingerprint(parts: ["root=/models/rm", "max_model_len=8192"]))
        #expect(a == ModelFingerprint(parts: ["root=/models/rm", "max_model_len=4096"]))
    }
}
