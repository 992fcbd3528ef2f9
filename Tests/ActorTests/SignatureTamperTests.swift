import Foundation
import Testing
@testable import ActorIdentity
import TestSupport

/// Every way of breaking a signed request is a 401 with its own reason.
@Suite("Tampered requests are refused")
struct SignatureTamperTests {
    private func verify(_ request: ReceivedRequest, resolver: (any PublicKeyResolving)? = nil, now: Date = Peer.now) async -> VerificationOutcome {
        await Peer.verifier(resolver ?? Peer.directory()).verify(request, now: now)
    }

    private func expectRefused(_ outcome: VerificationOutcome, _ reason: VerificationFailure.Reason) {
        #expect(outcome.failureReason == reason)
        #expect(outcome.failure?.httpStatus == 401)
        #expect(outcome.failure?.retryAfterSeconds == nil)
    }

    @Test(arguments: SignatureScheme.allCases)
    func bodyChanged(scheme: SignatureScheme) async throws {
        var request = try signedRequest(scheme)
        request.body = Array(#"{"type":"Delete"}"#.utf8)
        expectRefused(await verify(request), .digestMismatch)
    }

    @Test func digestHeaderChanged() async throws {
        let request = try signedRequest(.cavage).replacing("Digest", with: "SHA-256=" + Base64.encode(SHA256.hash([1, 2, 3])))
        expectRefused(await verify(request), .digestMismatch)
    }

    @Test func bodyAndDigestChangedTogether() async throws {
        let body = Array(#"{"type":"Delete"}"#.utf8)
        var request = try signedRequest(.cavage).replacing("Digest", with: BodyDigest.digestHeader(for: body))
        request.body = body
        expectRefused(await verify(request), .badSignature)
    }

    @Test(arguments: [(SignatureScheme.cavage, "Digest"), (.rfc9421, "Content-Digest")])
    func digestMissing(scheme: SignatureScheme, header: String) async throws {
        expectRefused(await verify(try signedRequest(scheme).removing(header)), .digestMissing)
    }

    @Test(arguments: SignatureScheme.allCases)
    func dateTwoHoursOld(scheme: SignatureScheme) async throws {
        let request = try signedRequest(scheme, signedAt: Peer.now.addingTimeInterval(-7200))
        expectRefused(await verify(request), .outsideWindow)
    }

    @Test func dateTwoHoursAhead() async throws {
        let request = try signedRequest(.cavage, signedAt: Peer.now.addingTimeInterval(7200))
        expectRefused(await verify(request), .outsideWindow)
    }

    @Test func createdInTheFuture() async throws {
        let request = try signedRequest(.rfc9421, signedAt: Peer.now.addingTimeInterval(300))
        expectRefused(await verify(request), .createdInFuture)
    }

    @Test func headerListWithoutHost() async throws {
        let request = try handSignedCavage(headers: inboxHeaders(), covered: ["(request-target)", "date", "digest"])
        expectRefused(await verify(request), .requiredComponentMissing("host"))
    }

    @Test func headerListWithoutDigestOnPost() async throws {
        let request = try handSignedCavage(headers: inboxHeaders(), covered: ["(request-target)", "host", "date"])
        expectRefused(await verify(request), .requiredComponentMissing("digest"))
    }

    @Test(arguments: SignatureScheme.allCases)
    func queryStringChanged(scheme: SignatureScheme) async throws {
        var request = try signedRequest(scheme, method: "GET", url: "https://shop.example/outbox?page=1", body: nil)
        request.path = "/outbox?page=2"
        expectRefused(await verify(request), .badSignature)
    }

    @Test func hostOfAnotherServer() async throws {
        let request = try signedRequest(.cavage, url: "https://other.example/inbox")
        expectRefused(await verify(request), .hostMismatch)
    }

    @Test func keyIDOfAnotherActor() async throws {
        let directory = LocalKeyDirectory([(Peer.keyID, "https://peer.example/someone-else", TestKeys.rsa.publicKey)])
        let outcome = await verify(try signedRequest(.cavage), resolver: directory)
        #expect(outcome.signer != nil)
        expectRefused(outcome.requiringSigner(Peer.actor), .keyOwnerMismatch)
    }

    @Test func ownerOnAnotherOrigin() async throws {
        let directory = LocalKeyDirectory([(Peer.keyID, "https://evil.example/actor", TestKeys.rsa.publicKey)])
        expectRefused(await verify(try signedRequest(.rfc9421), resolver: directory), .keyOwnerMismatch)
    }

    @Test func algorithmHmacSha256() async throws {
        let request = try handSignedCavage(
            headers: inboxHeaders(), covered: ["(request-target)", "host", "date", "digest"], algorithm: "hmac-sha256",
            sign: { HMACSHA256.authenticate(key: Array("shared".utf8), message: $0) })
        expectRefused(await verify(request), .unsupportedAlgorithm("hmac-sha256"))
    }

    @Test func rfc9421AlgorithmHmacSha256() async throws {
        let request = try signedRequest(.rfc9421)
        let input = try #require(request.header("Signature-Input")).replacingOccurrences(of: "rsa-v1_5-sha256", with: "hmac-sha256")
        expectRefused(await verify(request.replacing("Signature-Input", with: input)), .unsupportedAlgorithm("hmac-sha256"))
    }

    @Test func pssSignatureOfferedAsPKCS1v15() async throws {
        let request = try handSignedCavage(
            headers: inboxHeaders(), covered: ["(request-target)", "host", "date", "digest"],
            sign: { try TestKeys.rsa.signPSSForTesting($0) })
        expectRefused(await verify(request), .badSignature)
    }

    @Test func duplicatedSignatureInputLabels() async throws {
        let request = try signedRequest(.rfc9421)
        let input = try #require(request.header("Signature-Input"))
        expectRefused(await verify(request.replacing("Signature-Input", with: input + ", " + input)), .malformedSignature)
    }

    @Test func twoLabelsPickTheOneCoveringWhatWeRequire() async throws {
        let request = try signedRequest(.rfc9421)
        let input = try #require(request.header("Signature-Input"))
        let signature = try #require(request.header("Signature"))
        let partial = #"sig0=("@method");created=1764300000;keyid="https://peer.example/actor#main-key""#
        let both = request.replacing("Signature-Input", with: partial + ", " + input)
            .replacing("Signature", with: "sig0=:AAAA:, " + signature)
        #expect(await verify(both).signer != nil)
    }

    @Test func garbageBase64() async throws {
        let cavage = try signedRequest(.cavage)
        let header = try #require(cavage.header("Signature"))
        let garbled = header.replacingOccurrences(of: #"signature=""#, with: #"signature="!!not*base64"#)
        expectRefused(await verify(cavage.replacing("Signature", with: garbled)), .malformedSignature)
        let rfc = try signedRequest(.rfc9421)
        expectRefused(await verify(rfc.replacing("Signature", with: "sig1=:!!not*base64:")), .malformedSignature)
    }

    @Test func malformedSignatureHeader() async throws {
        let request = try signedRequest(.cavage)
        expectRefused(await verify(request.replacing("Signature", with: #"keyId="https://peer.example/actor#main-key" algorithm"#)), .malformedSignature)
        expectRefused(await verify(request.replacing("Signature", with: #"keyId="unterminated"#)), .malformedSignature)
    }

    @Test func unsignedRequest() async throws {
        expectRefused(await verify(try signedRequest(.cavage).removing("Signature")), .missingSignature)
    }

    @Test func signatureByAnotherKey() async throws {
        expectRefused(await verify(try signedRequest(.cavage, key: TestKeys.rsa2)), .badSignature)
    }
}
