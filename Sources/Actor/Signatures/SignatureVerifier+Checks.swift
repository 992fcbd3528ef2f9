import Foundation

extension SignatureVerifier {
    /// `Host` must name `baseURL`'s authority and the path must lie under its path.
    func checkTarget(_ request: ReceivedRequest, requireHost: Bool) throws(VerificationFailure) {
        if let host = request.header("Host") {
            let normalized = RequestTarget.normalizedHost(host, scheme: baseURL.scheme)
            guard normalized == expectedAuthority else {
                throw VerificationFailure(.hostMismatch, "Host \(host), expected \(expectedAuthority)")
            }
        } else if requireHost {
            throw VerificationFailure(.requiredComponentMissing("host"), "no Host header")
        }
        let path = request.pathOnly
        guard path.hasPrefix("/"), basePath.isEmpty || path == basePath || path.hasPrefix(basePath + "/") else {
            throw VerificationFailure(.pathMismatch, "\(path) is not under \(basePath)")
        }
    }

    /// `Date` within the window either way.
    func checkDate(_ request: ReceivedRequest, now: Date) throws(VerificationFailure) {
        guard let text = request.header("Date") else { throw VerificationFailure(.dateMissing) }
        guard let date = HTTPDate.parse(text) else { throw VerificationFailure(.dateMissing, "unparsable Date \(text)") }
        guard abs(date.timeIntervalSince(now)) <= window else {
            throw VerificationFailure(.outsideWindow, "Date \(text)")
        }
    }

    /// `created` not in the future beyond the skew and not older than the window; `expires` not past.
    func checkCreated(_ created: Int64, expires: Int64?, now: Date) throws(VerificationFailure) {
        let nowSeconds = now.timeIntervalSince1970
        if TimeInterval(created) > nowSeconds + createdSkew {
            throw VerificationFailure(.createdInFuture, "created \(created)")
        }
        if nowSeconds - TimeInterval(created) > window { throw VerificationFailure(.outsideWindow, "created \(created)") }
        if let expires, TimeInterval(expires) < nowSeconds { throw VerificationFailure(.outsideWindow, "expired \(expires)") }
    }

    /// On requests with bodies a digest header is required and covered; every digest header
    /// present must match the raw body.
    func checkDigest(_ request: ReceivedRequest, covered: [String], accepted: [String]) throws(VerificationFailure) {
        let present = ["digest", "content-digest"].filter { request.header($0) != nil }
        if request.requiresDigest {
            guard present.contains(where: accepted.contains) else { throw VerificationFailure(.digestMissing) }
            guard accepted.contains(where: { present.contains($0) && covered.contains($0) }) else {
                throw VerificationFailure(.requiredComponentMissing(accepted[0]), "the digest is not signed")
            }
        }
        for name in present {
            switch BodyDigest.check(request.header(name) ?? "", body: request.body) {
            case .matches: continue
            case .mismatch: throw VerificationFailure(.digestMismatch, "\(name) does not match the body")
            case .unsupported: throw VerificationFailure(.digestMismatch, "\(name) has no sha-256 or sha-512 value")
            }
        }
    }
}
