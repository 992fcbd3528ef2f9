import Foundation
import Testing
@testable import ActorIdentity

/// draft-cavage-http-signatures-12 Appendix C with its 1024-bit test key (Fixtures/SOURCES.md).
@Suite("draft-cavage-12 Appendix C vectors")
struct CavageVectorTests {
    private let vectors: CavageVectors
    private let key: SigningKey

    init() throws {
        vectors = try Fixtures.json("cavage12-appendix-c.json", as: CavageVectors.self)
        key = try SigningKey(pem: Fixtures.text("cavage12-test-key.pem"))
    }

    private func request(_ testCase: CavageVectors.Case, header: String = "Signature", prefix: String = "") -> ReceivedRequest {
        ReceivedRequest(
            method: vectors.method, path: vectors.path,
            headers: vectors.pairs + [(header, prefix + testCase.signatureHeader)], body: Array(vectors.body.utf8))
    }

    private func verifier(minimumRSABits: Int = 1024) -> SignatureVerifier {
        SignatureVerifier(
            baseURL: URL(string: vectors.baseURL)!, window: 3600,
            resolver: LocalKeyDirectory([("Test", "https://example.com/actor", key.publicKey)]), minimumRSABits: minimumRSABits)
    }

    private var now: Date { HTTPDate.parse(vectors.date) ?? Date.distantPast }

    @Test(arguments: ["C.1 Default Test", "C.2 Basic Test", "C.3 All Headers Test"])
    func signingStringAndSignatureReproducedByteForByte(name: String) throws {
        let testCase = try #require(vectors.cases.first { $0.name == name })
        let received = request(testCase)
        let signingString = try CavageSigningString.build(covered: testCase.headers) { header in
            header == "(request-target)"
                ? CavageSigningString.requestTarget(method: received.method, pathAndQuery: received.path)
                : received.header(header)
        }
        let parsed = try #require(CavageSignatureHeader(testCase.signatureHeader))
        #expect(try key.sign(Array(signingString.utf8)) == parsed.signature)
        #expect(key.publicKey.verify(signature: parsed.signature, message: Array(signingString.utf8)))
    }

    @Test func allHeadersTestVerifiesEndToEnd() async throws {
        let testCase = try #require(vectors.cases.last)
        let outcome = await verifier().verify(request(testCase), now: now)
        #expect(outcome.signer?.keyID == "Test")
        #expect(outcome.signer?.algorithm == .rsa(bits: 1024))
        let viaAuthorization = await verifier().verify(request(testCase, header: "Authorization", prefix: "Signature "), now: now)
        #expect(viaAuthorization.signer != nil)
    }

    @Test func basicAndDefaultTestsAreRefusedByOurCoveragePolicy() async throws {
        let outcomes = await [vectors.cases[0], vectors.cases[1]].asyncMap { await verifier().verify(request($0), now: now) }
        #expect(outcomes[0].failureReason == .requiredComponentMissing("(request-target)"))
        #expect(outcomes[1].failureReason == .requiredComponentMissing("digest"))
    }

    @Test func the1024BitKeyIsRefusedOutsideTests() async throws {
        let testCase = try #require(vectors.cases.last)
        let outcome = await verifier(minimumRSABits: 2048).verify(request(testCase), now: now)
        #expect(outcome.failureReason == .weakKey(bits: 1024))
    }
}

private extension Array {
    func asyncMap<T>(_ transform: (Element) async -> T) async -> [T] {
        var result: [T] = []
        for element in self { result.append(await transform(element)) }
        return result
    }
}
