import Foundation
import PlauditCore
import Testing

@Suite("CacheKeyHasher makes the keys CacheKey makes")
struct CacheKeyHasherTests {
    @Test("same keys for credentials in the URL, rubric hashes, empty and binary requests")
    func sameKeys() {
        let urls = ["http://127.0.0.1:8000", "http://user:pw@127.0.0.1:8000/v1", "https://token@api.example.com", ""]
        let requests = [Data(), Data("{}".utf8), Data((0..<300).map { UInt8($0 % 256) }), Data(repeating: 0, count: 64)]
        for url in urls {
            for rubric in ["", "9f86d081884c7d65"] {
                let hasher = CacheKeyHasher(backendKind: "vllm", baseURL: url, model: "m", rubricSHA256: rubric)
                for request in requests {
                    let expected = CacheKey(backendKind: "vllm", baseURL: url, model: "m", request: request, rubricSHA256: rubric)
                    #expect(hasher.key(request: request) == expected)
                    #expect(hasher.key(request: Array(request)) == expected)
                }
            }
        }
    }

    @Test("hex digests are lower-case SHA-256 (FIPS 180-2 test vector)")
    func hexDigest() {
        #expect(SHA256Hex.digest(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Hex.digest(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
