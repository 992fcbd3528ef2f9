import Foundation
import Testing
@testable import ActorIdentity

/// RFC 9421's own examples (Fixtures/SOURCES.md), reproduced byte for byte.
@Suite("RFC 9421 published vectors")
struct RFC9421VectorTests {
    private func request(_ vector: RFC9421Vector) -> ReceivedRequest {
        ReceivedRequest(method: vector.method, path: vector.path, headers: vector.pairs, body: Array(vector.body.utf8))
    }

    private func chosenSignature(_ vector: RFC9421Vector) throws -> RFC9421Signature {
        let request = request(vector)
        let parsed = try RFC9421Signature.parse(
            signatureInput: try #require(request.header("Signature-Input")), signature: try #require(request.header("Signature")))
        #expect(parsed.count == 1)
        return try #require(parsed.first)
    }

    @Test func b26Ed25519SignatureBaseAndSignatureReproducedByteForByte() async throws {
        let vector = try Fixtures.json("rfc9421-b26.json", as: RFC9421Vector.self)
        let key = try SigningKey(pem: Fixtures.text("rfc9421-test-key-ed25519.pem"))
        let published = try VerificationKey(pem: Fixtures.text("rfc9421-test-key-ed25519.pub.pem"))
        #expect(key.publicKey == published)

        let directory = LocalKeyDirectory([(vector.keyID, "https://example.com/actor", published)])
        let verifier = SignatureVerifier(baseURL: URL(string: vector.baseURL)!, resolver: directory)
        let base = try verifier.signatureBase(try chosenSignature(vector), request(vector))
        #expect(base == (try Fixtures.text(vector.signatureBaseFile)))

        let signature = try key.sign(Array(base.utf8))
        #expect(Base64.encode(signature) == vector.signature)
        #expect(published.verify(signature: try #require(Base64.decode(vector.signature)), message: Array(base.utf8)))
        #expect(!published.verify(signature: signature, message: Array((base + " ").utf8)))
    }

    @Test func b26IsRefusedByOurPolicyBecauseItDoesNotCoverTheQueryOrDigest() async throws {
        let vector = try Fixtures.json("rfc9421-b26.json", as: RFC9421Vector.self)
        let published = try VerificationKey(pem: Fixtures.text("rfc9421-test-key-ed25519.pub.pem"))
        let directory = LocalKeyDirectory([(vector.keyID, "https://example.com/actor", published)])
        let verifier = SignatureVerifier(baseURL: URL(string: vector.baseURL)!, resolver: directory)
        let outcome = await verifier.verify(request(vector), now: Date(timeIntervalSince1970: Double(vector.created + 1)))
        #expect(outcome.failureReason == .requiredComponentMissing("@query"))
    }

    @Test func section43ProxyRSAv15SignatureReproducedAndVerifiedEndToEnd() async throws {
        let vector = try Fixtures.json("rfc9421-4.3-proxy.json", as: RFC9421Vector.self)
        let key = try SigningKey(pem: Fixtures.text("rfc9421-test-key-rsa.pem"))
        let published = try VerificationKey(pem: Fixtures.text("rfc9421-test-key-rsa.pub.pem"))
        let directory = LocalKeyDirectory([(vector.keyID, "https://origin.host.internal.example/actor", published)])
        let verifier = SignatureVerifier(baseURL: URL(string: vector.baseURL)!, resolver: directory)

        let chosen = try chosenSignature(vector)
        #expect(chosen.label == "proxy_sig")
        #expect(chosen.algorithm == "rsa-v1_5-sha256")
        let base = try verifier.signatureBase(chosen, request(vector))
        #expect(base == (try Fixtures.text(vector.signatureBaseFile)))
        #expect(Base64.encode(try key.sign(Array(base.utf8))) == vector.signature)

        let now = Date(timeIntervalSince1970: Double(vector.created + 20))
        let outcome = await verifier.verify(request(vector), now: now)
        #expect(outcome.signer == VerifiedSigner(
            scheme: .rfc9421, keyID: "test-key-rsa", ownerIRI: "https://origin.host.internal.example/actor",
            algorithm: .rsa(bits: 2048)))
        // Its `expires` is honoured.
        let late = await verifier.verify(request(vector), now: Date(timeIntervalSince1970: 1_618_884_541))
        #expect(late.failureReason == .outsideWindow)
    }

    @Test func ourSignatureInputSerializationMatchesTheRFCsForm() throws {
        let params = RFC9421SignatureBase.signatureParams(
            components: ["@method", "@authority", "@path", "content-digest", "content-type", "content-length", "forwarded"],
            created: 1_618_884_480, keyID: "test-key-rsa", algorithm: "rsa-v1_5-sha256")
        #expect(try RFC9421SignatureBase.serialize(params)
            == #"("@method" "@authority" "@path" "content-digest" "content-type" "content-length" "forwarded");created=1618884480;keyid="test-key-rsa";alg="rsa-v1_5-sha256""#)
    }
}
