/// The two HTTP signature formats the actor speaks.
public enum SignatureScheme: String, Sendable, Codable, CaseIterable {
    /// draft-cavage-http-signatures-12 (`Signature: keyId=…,signature=…`), what most of the
    /// fediverse sends.
    case cavage
    /// RFC 9421 HTTP Message Signatures (`Signature-Input` + `Signature`).
    case rfc9421
}
