import ActorIdentity
import Foundation
import Logging
import TestSupport
import Testing

@Suite("Verifying with resolved keys across a key rotation")
struct KeyRotationVerifyTests {
    /// A POST to our inbox, signed by `key` under `keyID`, as the inbox would receive it.
    private func signedInboxPost(keyID: String, key: SigningKey, scheme: SignatureScheme) throws -> ReceivedRequest {
        let url = try #require(URL(string: "https://cart.example/inbox"))
        let body = Array(#"{"type":"Follow"}"#.utf8)
        let headers = [("Content-Type", "application/activity+json")]
        let signed = try HTTPSigner.sign(SignableRequest(method: "POST", url: url, headers: headers, body: body),
                                         scheme: scheme, keyID: keyID, key: key, now: Date())
        return ReceivedRequest(method: "POST", path: "/inbox", headers: headers + signed.map { ($0.name, $0.value) }, body: body)
    }

    @Test("a signature by a rotated key verifies after one refresh", arguments: SignatureScheme.allCases)
    func rotatedKeyVerifies(_ scheme: SignatureScheme) async throws {
        let remote = RemoteActorState(pem: try TestKeys.rsa.publicKey.pem())
        let log = RequestLog()
        try await LoopbackServer.run(handler: { request in
            await log.record(request)
            return .activityJSON(ActorDocuments.actor(origin: ActorDocuments.origin(of: request), pem: await remote.pem))
        }) { server in
            let keyID = server.url("/actor").absoluteString + "#main-key"
            let clock = TestClock()
            let resolver = HTTPKeyResolver(transport: ResolverTransports.loopbackOnly, cache: MemoryKeyCache(),
                                           logger: Logger(label: "test"), now: { clock.now })
            let verifier = SignatureVerifier(baseURL: try #require(URL(string: "https://cart.example")), resolver: resolver)

            let before = await verifier.verify(try signedInboxPost(keyID: keyID, key: TestKeys.rsa, scheme: scheme), now: Date())
            guard case .verified(let signer) = before else { Issue.record("expected verified, got \(before)"); return }
            #expect(signer.ownerIRI == server.url("/actor").absoluteString)

            await remote.rotate(to: try TestKeys.rsa2.publicKey.pem())
            clock.advance(by: 31)  // a refresh within 30 s of the last fetch returns the cached key
            let after = await verifier.verify(try signedInboxPost(keyID: keyID, key: TestKeys.rsa2, scheme: scheme), now: Date())
            guard case .verified = after else { Issue.record("expected verified after rotation, got \(after)"); return }
            #expect(await log.count(path: "/actor") == 2, "one fetch, then one refresh")

            let forged = await verifier.verify(try signedInboxPost(keyID: keyID, key: TestKeys.ed25519, scheme: scheme), now: Date())
            guard case .failed = forged else { Issue.record("a key the actor never published verified"); return }
        }
    }
}
