import Foundation

/// Checks incoming HTTP signatures, both schemes (contract §3, "Incoming").
public struct SignatureVerifier: Sendable {
    /// The public origin (and optional path prefix) requests must be addressed to.
    public let baseURL: URL
    /// How far `Date`/`created` may be from now, either way.
    public let window: TimeInterval
    let resolver: any PublicKeyResolving
    /// RSA keys below this size are refused (tests lower it for draft-cavage's 1024-bit vectors).
    let minimumRSABits: Int
    /// How far in the future `created` may be (clock skew).
    let createdSkew: TimeInterval = 60
    let expectedAuthority: String
    let origin: String
    let basePath: String

    /// A verifier for requests addressed to `baseURL`, with keys from `resolver`.
    public init(baseURL: URL, window: TimeInterval = 3600, resolver: any PublicKeyResolving) {
        self.init(baseURL: baseURL, window: window, resolver: resolver, minimumRSABits: 2048)
    }

    init(baseURL: URL, window: TimeInterval, resolver: any PublicKeyResolving, minimumRSABits: Int) {
        self.baseURL = baseURL
        self.window = window
        self.resolver = resolver
        self.minimumRSABits = minimumRSABits
        let components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)
        let scheme = components?.scheme?.lowercased() ?? "https"
        expectedAuthority = RequestTarget.authority(
            host: components?.host?.lowercased() ?? "", port: components?.port, scheme: scheme)
        origin = "\(scheme)://\(expectedAuthority)"
        let path = components?.percentEncodedPath ?? ""
        basePath = path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// Verifies `request` as of `now`: syntax, coverage, host and path, window, body digest,
    /// then the signature with the signer's key (fetched again once if it does not verify).
    public func verify(_ request: ReceivedRequest, now: Date) async -> VerificationOutcome {
        let prepared: PreparedSignature
        do {
            prepared = try prepare(request, now: now)
        } catch {
            return .failed(error)
        }
        return await checkSignature(prepared)
    }

    func prepare(_ request: ReceivedRequest, now: Date) throws(VerificationFailure) -> PreparedSignature {
        if let input = request.header("Signature-Input") {
            guard let signature = request.header("Signature") else {
                throw VerificationFailure(.malformedSignature, "Signature-Input without Signature")
            }
            return try prepareRFC9421(request, input: input, signature: signature, now: now)
        }
        if let signature = request.header("Signature") {
            return try prepareCavage(request, header: signature, now: now)
        }
        if let authorization = request.header("Authorization"), authorization.hasPrefix("Signature ") {
            return try prepareCavage(request, header: authorization, now: now)
        }
        throw VerificationFailure(.missingSignature)
    }
}

/// A signature ready for the key: what was signed and with what it claims to be signed.
struct PreparedSignature {
    /// What the signature names as its algorithm.
    enum Algorithm { case rsaV15SHA256, ed25519, fromKey }

    let scheme: SignatureScheme
    let keyID: String
    let algorithm: Algorithm
    let signature: [UInt8]
    /// The signing string (cavage) or signature base (RFC 9421).
    let message: [UInt8]
}
