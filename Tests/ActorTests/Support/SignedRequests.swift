import Foundation
@testable import ActorIdentity
import TestSupport

/// Common names for the signature tests: our shop, a peer actor and its key.
enum Peer {
    static let base = URL(string: "https://shop.example")!
    static let actor = "https://peer.example/actor"
    static let keyID = "https://peer.example/actor#main-key"
    static let ed25519KeyID = "https://peer.example/actor#ed25519-key"
    static let activity = Array(#"{"id":"https://peer.example/a/1","type":"Follow","actor":"https://peer.example/actor"}"#.utf8)
    static let now = Date(timeIntervalSince1970: 1_764_300_000)

    /// A resolver that knows the peer's RSA and Ed25519 keys.
    static func directory() -> LocalKeyDirectory {
        LocalKeyDirectory([
            (keyID, actor, TestKeys.rsa.publicKey),
            (ed25519KeyID, actor, TestKeys.ed25519.publicKey),
        ])
    }

    static func verifier(_ resolver: any PublicKeyResolving) -> SignatureVerifier {
        SignatureVerifier(baseURL: base, resolver: resolver)
    }
}

/// Signs a request with `HTTPSigner` and turns it into what the server would receive.
func signedRequest(
    _ scheme: SignatureScheme, method: String = "POST", url: String = "https://shop.example/inbox",
    body: [UInt8]? = Peer.activity, extraHeaders: [(String, String)] = [],
    key: SigningKey = TestKeys.rsa, keyID: String = Peer.keyID, signedAt: Date = Peer.now
) throws -> ReceivedRequest {
    let signable = SignableRequest(method: method, url: URL(string: url)!, headers: extraHeaders, body: body)
    let added = try HTTPSigner.sign(signable, scheme: scheme, keyID: keyID, key: key, now: signedAt)
    return ReceivedRequest(
        method: method, path: signable.pathAndQuery, headers: extraHeaders + added.map { ($0.name, $0.value) },
        body: body ?? [])
}

/// A cavage signature built here by hand, independently of `HTTPSigner`, with any covered
/// list, algorithm label or signature bytes.
func handSignedCavage(
    method: String = "POST", path: String = "/inbox", headers: [(String, String)], body: [UInt8] = Peer.activity,
    covered: [String], algorithm: String = "rsa-sha256", keyID: String = Peer.keyID,
    sign: ([UInt8]) throws -> [UInt8] = { try TestKeys.rsa.sign($0) }
) throws -> ReceivedRequest {
    let lines = covered.map { name -> String in
        if name == "(request-target)" { return "(request-target): \(method.lowercased()) \(path)" }
        let value = headers.first { $0.0.lowercased() == name }?.1 ?? ""
        return "\(name): \(value)"
    }
    let signature = try sign(Array(lines.joined(separator: "\n").utf8))
    let header = "keyId=\"\(keyID)\",algorithm=\"\(algorithm)\",headers=\"\(covered.joined(separator: " "))\",signature=\"\(Base64.encode(signature))\""
    return ReceivedRequest(method: method, path: path, headers: headers + [("Signature", header)], body: body)
}

/// The usual headers of a POST to our inbox at `date`.
func inboxHeaders(date: Date = Peer.now, digest: String? = nil, body: [UInt8] = Peer.activity) -> [(String, String)] {
    [("Host", "shop.example"), ("Date", HTTPDate.format(date)),
     ("Digest", digest ?? "SHA-256=" + Base64.encode(SHA256.hash(body))),
     ("Content-Type", "application/activity+json")]
}

extension ReceivedRequest {
    /// The same request with header `name` replaced (or added).
    func replacing(_ name: String, with value: String) -> ReceivedRequest {
        var copy = removing(name)
        copy.headers.append((name, value))
        return copy
    }

    /// The same request without header `name`.
    func removing(_ name: String) -> ReceivedRequest {
        var copy = self
        copy.headers.removeAll { $0.0.caseInsensitiveCompare(name) == .orderedSame }
        return copy
    }
}

extension VerificationOutcome {
    /// The failure reason, or nil when verified.
    var failureReason: VerificationFailure.Reason? {
        if case .failed(let failure) = self { return failure.reason }
        return nil
    }

    var signer: VerifiedSigner? {
        if case .verified(let signer) = self { return signer }
        return nil
    }

    var failure: VerificationFailure? {
        if case .failed(let failure) = self { return failure }
        return nil
    }
}
