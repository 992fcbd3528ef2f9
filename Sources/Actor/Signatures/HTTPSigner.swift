import Foundation
import RawStructuredFieldValues

/// Why a request could not be signed.
public enum HTTPSigningError: Error, Sendable {
    /// The URL has no host, so there is nothing to put in `Host`/`@target-uri`.
    case urlWithoutHost(String)
    /// Structured-field serialization refused a value (e.g. a key id with control characters).
    case unserializable(String)
}

/// Signs outgoing requests at send time (contract §3, "Outgoing").
public enum HTTPSigner {
    /// The headers to add (replacing any of the same name) so `request` carries a signature.
    ///
    /// cavage: `Date`, `Digest` (when there is a body), `Host`, `Signature` over
    /// `(request-target) host date digest` (with a body) or `(request-target) host date [accept]`.
    /// RFC 9421: `Content-Digest` (with a body), `Signature-Input` and `Signature` labelled
    /// `sig1` over `@method @target-uri [content-digest]` with `created`, `keyid`, `alg`.
    public static func sign(
        _ request: SignableRequest, scheme: SignatureScheme, keyID: String, key: SigningKey, now: Date
    ) throws -> [(name: String, value: String)] {
        guard let authority = request.authority else { throw HTTPSigningError.urlWithoutHost(request.url.absoluteString) }
        switch scheme {
        case .cavage: return try signCavage(request, authority: authority, keyID: keyID, key: key, now: now)
        case .rfc9421: return try signRFC9421(request, authority: authority, keyID: keyID, key: key, now: now)
        }
    }

    private static func signCavage(
        _ request: SignableRequest, authority: String, keyID: String, key: SigningKey, now: Date
    ) throws -> [(name: String, value: String)] {
        var added: [(name: String, value: String)] = [("Date", HTTPDate.format(now))]
        var covered = ["(request-target)", "host", "date"]
        if let body = request.body {
            added.append(("Digest", BodyDigest.digestHeader(for: body)))
            covered.append("digest")
        } else if request.header("Accept") != nil {
            covered.append("accept")
        }
        added.append(("Host", authority))
        let signingString: String
        do {
            signingString = try CavageSigningString.build(covered: covered) { name in
                switch name {
                case "(request-target)":
                    CavageSigningString.requestTarget(method: request.method, pathAndQuery: request.pathAndQuery)
                case "accept": request.header("Accept")
                default: added.first { $0.name.lowercased() == name }?.value
                }
            }
        } catch {
            throw HTTPSigningError.unserializable("cavage header \(error.name)")
        }
        let algorithm = if case .rsa = key.algorithm { "rsa-sha256" } else { "hs2019" }
        let signature = try key.sign(Array(signingString.utf8))
        added.append(("Signature", CavageSigningString.header(keyID: keyID, algorithm: algorithm, covered: covered, signature: signature)))
        return added
    }

    private static func signRFC9421(
        _ request: SignableRequest, authority: String, keyID: String, key: SigningKey, now: Date
    ) throws -> [(name: String, value: String)] {
        let scheme = request.url.scheme?.lowercased() ?? "https"
        var lines: [(name: String, value: String)] = [
            ("@method", request.method.uppercased()),
            ("@target-uri", "\(scheme)://\(authority)\(request.pathAndQuery)"),
        ]
        var added: [(name: String, value: String)] = []
        if let body = request.body {
            let contentDigest = try BodyDigest.contentDigestHeader(for: body)
            added.append(("Content-Digest", contentDigest))
            lines.append(("content-digest", contentDigest))
        }
        let params = RFC9421SignatureBase.signatureParams(
            components: lines.map(\.name), created: Int64(now.timeIntervalSince1970.rounded(.down)),
            keyID: keyID, algorithm: RFC9421SignatureBase.algorithmName(for: key.algorithm))
        let base = RFC9421SignatureBase.base(lines: lines, serializedParams: try RFC9421SignatureBase.serialize(params))
        let signature = try key.sign(Array(base.utf8))
        let signatureItem = Item(bareItem: RFC9651BareItem.undecodedByteSequence(Base64.encode(signature)), parameters: OrderedMap<String, RFC9651BareItem>())
        added.append(("Signature-Input", try RFC9421SignatureBase.dictionary(label: "sig1", .innerList(params))))
        added.append(("Signature", try RFC9421SignatureBase.dictionary(label: "sig1", .item(signatureItem))))
        return added
    }
}
