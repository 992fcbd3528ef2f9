import Foundation

extension SignatureVerifier {
    /// draft-cavage-12: must cover `(request-target)`, `host`, `date` or `(created)`, and the
    /// digest on requests with bodies. `rsa-sha256` and `hs2019` (algorithm from the key).
    func prepareCavage(_ request: ReceivedRequest, header: String, now: Date) throws(VerificationFailure) -> PreparedSignature {
        guard let parsed = CavageSignatureHeader(header) else {
            throw VerificationFailure(.malformedSignature, "unreadable Signature header")
        }
        let algorithm: PreparedSignature.Algorithm
        switch parsed.algorithm {
        case nil, "hs2019": algorithm = .fromKey
        case "rsa-sha256": algorithm = .rsaV15SHA256
        case "ed25519": algorithm = .ed25519
        case let other?: throw VerificationFailure(.unsupportedAlgorithm(other))
        }
        let covered = parsed.covered
        for required in ["(request-target)", "host"] where !covered.contains(required) {
            throw VerificationFailure(.requiredComponentMissing(required))
        }
        guard covered.contains("date") || covered.contains("(created)") else {
            throw VerificationFailure(.requiredComponentMissing("date"))
        }
        try checkTarget(request, requireHost: true)
        if covered.contains("date") { try checkDate(request, now: now) }
        if covered.contains("(created)") {
            guard let created = parsed.created else { throw VerificationFailure(.malformedSignature, "(created) without created") }
            try checkCreated(created, expires: parsed.expires, now: now)
        } else if let expires = parsed.expires, Double(expires) < now.timeIntervalSince1970 {
            throw VerificationFailure(.outsideWindow, "expired \(expires)")
        }
        try checkDigest(request, covered: covered, accepted: ["digest", "content-digest"])
        let signingString = try Self.cavageSigningString(request, parsed)
        return PreparedSignature(
            scheme: .cavage, keyID: parsed.keyID, algorithm: algorithm, signature: parsed.signature,
            message: Array(signingString.utf8))
    }

    /// The signing string for the received request and its `headers` parameter.
    static func cavageSigningString(_ request: ReceivedRequest, _ parsed: CavageSignatureHeader) throws(VerificationFailure) -> String {
        do {
            return try CavageSigningString.build(covered: parsed.covered) { name in
                switch name {
                case "(request-target)": CavageSigningString.requestTarget(method: request.method, pathAndQuery: request.path)
                case "(created)": parsed.created.map(String.init)
                case "(expires)": parsed.expires.map(String.init)
                default: request.header(name)
                }
            }
        } catch {
            throw VerificationFailure(.requiredComponentMissing(error.name), "signed header \(error.name) is absent")
        }
    }
}
