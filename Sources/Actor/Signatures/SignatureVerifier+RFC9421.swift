import Foundation

extension SignatureVerifier {
    /// RFC 9421: one signature considered (the label whose input covers what we require), `created`
    /// required, `@method` + `@target-uri` (or `@authority` + `@path` [+ `@query`]) covered, and
    /// `content-digest` on requests with bodies. `rsa-v1_5-sha256` and `ed25519` only.
    func prepareRFC9421(
        _ request: ReceivedRequest, input: String, signature: String, now: Date
    ) throws(VerificationFailure) -> PreparedSignature {
        let candidates = try RFC9421Signature.parse(signatureInput: input, signature: signature)
        let chosen = candidates.first { coverageProblem($0.components, request) == nil } ?? candidates[0]
        let algorithm: PreparedSignature.Algorithm
        switch chosen.algorithm {
        case nil: algorithm = .fromKey
        case "rsa-v1_5-sha256": algorithm = .rsaV15SHA256
        case "ed25519": algorithm = .ed25519
        case let other?: throw VerificationFailure(.unsupportedAlgorithm(other))
        }
        if let missing = coverageProblem(chosen.components, request) {
            throw VerificationFailure(.requiredComponentMissing(missing))
        }
        guard let created = chosen.created else { throw VerificationFailure(.requiredComponentMissing("created")) }
        try checkTarget(request, requireHost: chosen.components.contains("@authority"))
        try checkCreated(created, expires: chosen.expires, now: now)
        try checkDigest(request, covered: chosen.components, accepted: ["content-digest"])
        let base = try signatureBase(chosen, request)
        return PreparedSignature(
            scheme: .rfc9421, keyID: chosen.keyID, algorithm: algorithm, signature: chosen.signature,
            message: Array(base.utf8))
    }

    /// The RFC 9421 §2.5 signature base of `signature` over the received request.
    func signatureBase(_ signature: RFC9421Signature, _ request: ReceivedRequest) throws(VerificationFailure) -> String {
        var lines: [(name: String, value: String)] = []
        for component in signature.components {
            guard let value = try componentValue(component, request) else {
                throw VerificationFailure(.requiredComponentMissing(component), "covered field \(component) is absent")
            }
            lines.append((component, value))
        }
        let params: String
        do {
            params = try RFC9421SignatureBase.serialize(signature.params)
        } catch {
            throw VerificationFailure(.malformedSignature, "Signature-Input cannot be re-serialized")
        }
        return RFC9421SignatureBase.base(lines: lines, serializedParams: params)
    }

    /// The first required component the list lacks, or nil.
    func coverageProblem(_ components: [String], _ request: ReceivedRequest) -> String? {
        if !components.contains("@method") { return "@method" }
        if !components.contains("@target-uri") {
            for needed in ["@authority", "@path"] where !components.contains(needed) { return "@target-uri" }
            if request.query != nil && !components.contains("@query") { return "@query" }
        }
        if request.requiresDigest && !components.contains("content-digest") { return "content-digest" }
        return nil
    }

    /// A component's value in the received request; nil for an absent field. Derived components
    /// we do not support are malformed.
    func componentValue(_ name: String, _ request: ReceivedRequest) throws(VerificationFailure) -> String? {
        switch name {
        case "@method": return request.method
        case "@target-uri": return origin + request.path
        case "@authority": return request.header("Host").map { RequestTarget.normalizedHost($0, scheme: baseURL.scheme) }
        case "@scheme": return baseURL.scheme?.lowercased()
        case "@request-target": return request.path
        case "@path": return request.pathOnly
        case "@query": return "?" + (request.query ?? "")
        default:
            if name.hasPrefix("@") { throw VerificationFailure(.malformedSignature, "unsupported component \(name)") }
            return request.header(name)
        }
    }
}
