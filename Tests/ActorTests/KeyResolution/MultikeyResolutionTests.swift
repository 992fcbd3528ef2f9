import Foundation
import Logging
import TestSupport
import Testing
@testable import ActorIdentity

@Suite("Ed25519 Multikey keys (FEP-521a)")
struct MultikeyResolutionTests {
    let keyID = "https://shop.example/actor#ed25519-key"

    private func multibase() throws -> String {
        let raw = try #require(TestKeys.ed25519.publicKey.ed25519Raw)
        return try #require(Multikey.ed25519PublicKeyMultibase(raw))
    }

    @Test("base58btc decoding inverts encoding, leading zeros included")
    func base58RoundTrip() {
        for bytes: [UInt8] in [[], [0], [0, 0, 1], [0xED, 0x01] + Array(repeating: 0xAB, count: 32), Array(0...255)] {
            #expect(MultikeyDecoding.base58BTC(Array(Base58BTC.encode(bytes).utf8)) == bytes)
        }
        #expect(MultikeyDecoding.base58BTC(Array("0OIl".utf8)) == nil)
    }

    @Test("an assertionMethod Multikey resolves to the same Ed25519 key")
    func assertionMethodMultikey() throws {
        let json = ActorDocuments.json(["id": "https://shop.example/actor", "assertionMethod": [
            ["id": keyID, "type": "Multikey", "controller": "https://shop.example/actor", "publicKeyMultibase": try multibase()],
        ]])
        let document = try KeyDocument.parse(Array(json.utf8), keyID: keyID)
        #expect(document.ownerIRI == "https://shop.example/actor")
        #expect(try VerificationKey(pem: document.pem) == TestKeys.ed25519.publicKey)
    }

    @Test("an RFC 9421 signature by an Ed25519 Multikey verifies over loopback")
    func ed25519SignatureVerifies() async throws {
        let multibase = try multibase()
        try await LoopbackServer.run(handler: { request in
            let actor = ActorDocuments.origin(of: request) + "/actor"
            return .activityJSON(ActorDocuments.json(["id": actor, "type": "Service", "assertionMethod": [
                ["id": actor + "#ed25519-key", "type": "Multikey", "controller": actor, "publicKeyMultibase": multibase],
            ]]))
        }) { server in
            let keyID = server.url("/actor").absoluteString + "#ed25519-key"
            let resolver = HTTPKeyResolver(transport: ResolverTransports.loopbackOnly, cache: MemoryKeyCache(), logger: Logger(label: "test"))
            let verifier = SignatureVerifier(baseURL: try #require(URL(string: "https://cart.example")), resolver: resolver)
            let url = try #require(URL(string: "https://cart.example/inbox"))
            let body = Array(#"{"type":"Follow"}"#.utf8)
            let signed = try HTTPSigner.sign(SignableRequest(method: "POST", url: url, body: body),
                                             scheme: .rfc9421, keyID: keyID, key: TestKeys.ed25519, now: Date())
            let outcome = await verifier.verify(
                ReceivedRequest(method: "POST", path: "/inbox", headers: signed.map { ($0.name, $0.value) }, body: body), now: Date())
            guard case .verified(let signer) = outcome else { Issue.record("expected verified, got \(outcome)"); return }
            #expect(signer.ownerIRI == server.url("/actor").absoluteString)
        }
    }

    @Test("a Multikey that is not Ed25519 is invalid", arguments: ["zQ3s", "uAAAA", "z"])
    func otherMultikeysInvalid(_ value: String) {
        let json = ActorDocuments.json(["id": keyID, "type": "Multikey", "controller": "https://shop.example/actor", "publicKeyMultibase": value])
        do {
            _ = try KeyDocument.parse(Array(json.utf8), keyID: keyID)
            Issue.record("expected invalid")
        } catch {
            guard case .invalid = error else { Issue.record("expected invalid, got \(error)"); return }
        }
    }
}
