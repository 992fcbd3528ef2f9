import Foundation
import Testing
@testable import ActorIdentity
import TestSupport

@Suite("Sign then verify, both schemes")
struct SignatureRoundTripTests {
    @Test func cavageRSAPostRoundTrips() async throws {
        let request = try signedRequest(.cavage)
        let signature = try #require(request.header("Signature"))
        #expect(signature.contains(#"algorithm="rsa-sha256""#))
        #expect(signature.contains(#"headers="(request-target) host date digest""#))
        #expect(request.header("Digest")?.hasPrefix("SHA-256=") == true)
        #expect(request.header("Host") == "shop.example")
        let outcome = await Peer.verifier(Peer.directory()).verify(request, now: Peer.now)
        #expect(outcome.signer == VerifiedSigner(scheme: .cavage, keyID: Peer.keyID, ownerIRI: Peer.actor, algorithm: .rsa(bits: 2048)))
    }

    @Test func cavageGetSignsAcceptAndRoundTrips() async throws {
        let request = try signedRequest(
            .cavage, method: "GET", url: "https://shop.example/orders/7?page=2", body: nil,
            extraHeaders: [("Accept", "application/activity+json")])
        #expect(request.header("Signature")?.contains(#"headers="(request-target) host date accept""#) == true)
        #expect(request.header("Digest") == nil)
        let outcome = await Peer.verifier(Peer.directory()).verify(request, now: Peer.now)
        #expect(outcome.signer?.scheme == .cavage)
    }

    @Test func rfc9421RSAPostRoundTrips() async throws {
        let request = try signedRequest(.rfc9421)
        #expect(request.header("Signature-Input")
            == #"sig1=("@method" "@target-uri" "content-digest");created=1764300000;keyid="https://peer.example/actor#main-key";alg="rsa-v1_5-sha256""#)
        #expect(request.header("Content-Digest") == "sha-256=:" + Base64.encode(SHA256.hash(Peer.activity)) + ":")
        let outcome = await Peer.verifier(Peer.directory()).verify(request, now: Peer.now)
        #expect(outcome.signer == VerifiedSigner(scheme: .rfc9421, keyID: Peer.keyID, ownerIRI: Peer.actor, algorithm: .rsa(bits: 2048)))
    }

    @Test func rfc9421Ed25519PostRoundTrips() async throws {
        let request = try signedRequest(.rfc9421, key: TestKeys.ed25519, keyID: Peer.ed25519KeyID)
        #expect(request.header("Signature-Input")?.contains(#"alg="ed25519""#) == true)
        let outcome = await Peer.verifier(Peer.directory()).verify(request, now: Peer.now)
        #expect(outcome.signer?.algorithm == .ed25519)
    }

    @Test func rfc9421GetRoundTripsWithoutDigest() async throws {
        let request = try signedRequest(.rfc9421, method: "GET", url: "https://shop.example/outbox?page=1", body: nil)
        #expect(request.header("Content-Digest") == nil)
        let outcome = await Peer.verifier(Peer.directory()).verify(request, now: Peer.now)
        #expect(outcome.signer?.scheme == .rfc9421)
    }

    @Test func cavageEd25519UsesHs2019AndRoundTrips() async throws {
        let request = try signedRequest(.cavage, key: TestKeys.ed25519, keyID: Peer.ed25519KeyID)
        #expect(request.header("Signature")?.contains(#"algorithm="hs2019""#) == true)
        let outcome = await Peer.verifier(Peer.directory()).verify(request, now: Peer.now)
        #expect(outcome.signer?.algorithm == .ed25519)
    }

    @Test func cavageParametersInAnyOrderAndHs2019AreAccepted() async throws {
        let headers = inboxHeaders()
        let original = try handSignedCavage(headers: headers, covered: ["(request-target)", "host", "date", "digest"], algorithm: "hs2019")
        let signature = try #require(original.header("Signature"))
        let parts = signature.split(separator: ",").map(String.init)
        let reordered = original.replacing("Signature", with: parts.reversed().joined(separator: ", "))
        let outcome = await Peer.verifier(Peer.directory()).verify(reordered, now: Peer.now)
        #expect(outcome.signer != nil)
    }

    @Test func lowercaseDigestAlgorithmNameIsAccepted() async throws {
        let body = Peer.activity
        let headers = inboxHeaders(digest: "sha-256=" + Base64.encode(SHA256.hash(body)))
        let request = try handSignedCavage(headers: headers, covered: ["(request-target)", "host", "date", "digest"])
        let outcome = await Peer.verifier(Peer.directory()).verify(request, now: Peer.now)
        #expect(outcome.signer != nil)
    }

    @Test func nonDefaultPortIsSignedAndCheckedAgainstTheBaseURL() async throws {
        let request = try signedRequest(.rfc9421, url: "http://127.0.0.1:8080/inbox")
        let cavage = try signedRequest(.cavage, url: "http://127.0.0.1:8080/inbox")
        #expect(cavage.header("Host") == "127.0.0.1:8080")
        let verifier = SignatureVerifier(baseURL: URL(string: "http://127.0.0.1:8080")!, resolver: Peer.directory())
        #expect(await verifier.verify(request, now: Peer.now).signer != nil)
        #expect(await verifier.verify(cavage, now: Peer.now).signer != nil)
        let otherPort = SignatureVerifier(baseURL: URL(string: "http://127.0.0.1:9090")!, resolver: Peer.directory())
        #expect(await otherPort.verify(cavage, now: Peer.now).failureReason == .hostMismatch)
    }

    @Test func pathOutsideTheBasePathIsRefused() async throws {
        let verifier = SignatureVerifier(baseURL: URL(string: "https://shop.example/cart/")!, resolver: Peer.directory())
        let inside = try signedRequest(.cavage, url: "https://shop.example/cart/inbox")
        let outside = try signedRequest(.cavage, url: "https://shop.example/cartography/inbox")
        #expect(await verifier.verify(inside, now: Peer.now).signer != nil)
        #expect(await verifier.verify(outside, now: Peer.now).failureReason == .pathMismatch)
    }

    @Test func repeatedHeaderLinesAreJoinedForLookup() {
        let request = ReceivedRequest(method: "GET", path: "/", headers: [("X-A", " one "), ("x-a", "two")])
        #expect(request.header("x-a") == "one, two")
        #expect(request.header("X-B") == nil)
    }

    @Test func signerMatchesOnlyItsOwnerOnTheKeysOrigin() {
        let signer = VerifiedSigner(scheme: .cavage, keyID: Peer.keyID, ownerIRI: Peer.actor, algorithm: .rsa(bits: 2048))
        #expect(signer.signerMatches(actor: Peer.actor))
        #expect(!signer.signerMatches(actor: "https://peer.example/other"))
        let foreign = VerifiedSigner(scheme: .cavage, keyID: "https://keys.example/k", ownerIRI: Peer.actor, algorithm: .ed25519)
        #expect(!foreign.signerMatches(actor: Peer.actor))
    }

    @Test func httpDateRoundTripsAndRefusesOtherFormats() throws {
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 1_388_957_500)) == "Sun, 05 Jan 2014 21:31:40 GMT")
        #expect(HTTPDate.parse("Sun, 05 Jan 2014 21:31:40 GMT") == Date(timeIntervalSince1970: 1_388_957_500))
        #expect(HTTPDate.parse("Sunday, 05-Jan-14 21:31:40 GMT") == nil)
        #expect(HTTPDate.parse("Sun, 05 Jan 2014 21:31:40 +0000") == nil)
    }
}
