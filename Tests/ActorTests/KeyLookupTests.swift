import Foundation
import Testing
@testable import ActorIdentity
import TestSupport

@Suite("Signer key lookup")
struct KeyLookupTests {
    @Test func transientResolverFailureAnswers503WithRetryAfter() async throws {
        let directory = Peer.directory()
        await directory.failTransiently("connection refused")
        let outcome = await Peer.verifier(directory).verify(try signedRequest(.cavage), now: Peer.now)
        #expect(outcome.failureReason == .keyUnavailable(transient: true))
        #expect(outcome.failure?.httpStatus == 503)
        #expect(outcome.failure?.retryAfterSeconds == VerificationFailure.transientRetrySeconds)
    }

    @Test func unknownKeyAnswers401() async throws {
        let outcome = await Peer.verifier(LocalKeyDirectory()).verify(try signedRequest(.cavage), now: Peer.now)
        #expect(outcome.failureReason == .keyUnavailable(transient: false))
        #expect(outcome.failure?.httpStatus == 401)
    }

    @Test(arguments: SignatureScheme.allCases)
    func staleCachedKeyThenRefreshSucceeds(scheme: SignatureScheme) async throws {
        let directory = Peer.directory()
        await directory.serveStale(Peer.keyID, key: TestKeys.rsa2.publicKey)
        let outcome = await Peer.verifier(directory).verify(try signedRequest(scheme), now: Peer.now)
        #expect(outcome.signer?.keyID == Peer.keyID)
        let calls = await directory.calls
        #expect(calls.map(\.refresh) == [false, true])
    }

    @Test func badSignatureRefreshesOnlyOnce() async throws {
        let directory = Peer.directory()
        let outcome = await Peer.verifier(directory).verify(try signedRequest(.cavage, key: TestKeys.rsa2), now: Peer.now)
        #expect(outcome.failureReason == .badSignature)
        #expect(await directory.calls.count == 2)
    }

    @Test func algorithmNamedInSignatureMustMatchTheKey() async throws {
        let directory = LocalKeyDirectory([(Peer.keyID, Peer.actor, TestKeys.ed25519.publicKey)])
        let outcome = await Peer.verifier(directory).verify(try signedRequest(.cavage), now: Peer.now)
        #expect(outcome.failureReason == .keyAlgorithmMismatch)
    }
}
