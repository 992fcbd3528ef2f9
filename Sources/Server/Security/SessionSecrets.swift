import ActorIdentity

/// Everything derived from `CART_SECRET` (contract §5). The domain prefixes keep one derivation
/// from ever equalling another; IDs are base64url, so they never contain `:`.
///
/// - cookie signature: base64url(HMAC(secret, ID))
/// - cart handle:      base64url(HMAC(secret, "handle:" + ID))
/// - CSRF token:       base64url(HMAC(secret, "csrf:" + ID))
/// - login state:      base64url(HMAC(secret, "login:" + payload))
/// - sibling add:      base64url(HMAC(secret, "sibling-add:" + payload))
/// - storage key:      base64url(SHA-256(ID)), so a database leak reveals no cookie.
struct SessionSecrets: Sendable {
    private let key: [UInt8]

    init(secret: String) { self.key = Array(secret.utf8) }

    /// Signature half of the session cookie.
    func cookieSignature(id: String) -> String { mac(id) }
    /// The cart handle sibling services use; names the cart, opens nothing.
    func handle(id: String) -> String { mac("handle:" + id) }
    /// The per-session token forms carry in `csrf`.
    func csrfToken(id: String) -> String { mac("csrf:" + id) }
    /// Signature of the short-lived login state cookie.
    func loginStateSignature(payload: String) -> String { mac("login:" + payload) }

    /// Signature of a sibling's add-to-cart ticket (see `SiblingAddTicket`).
    func siblingAddSignature(payload: String) -> String { mac("sibling-add:" + payload) }

    /// The database key of a session: a one-way function of its ID.
    static func storageKey(id: String) -> String { Base64URL.encode(SHA256.hash(Array(id.utf8))) }

    /// A fresh random identifier (24 bytes, 192 bits), base64url.
    static func newID() -> String { Base64URL.encode(SecureRandom.bytes(24)) }

    /// Compares a received value with the expected one without leaking where they differ.
    static func matches(_ received: some StringProtocol, _ expected: String) -> Bool {
        ConstantTime.equals(Array(received.utf8), Array(expected.utf8))
    }

    private func mac(_ text: String) -> String {
        Base64URL.encode(HMACSHA256.authenticate(key: key, message: Array(text.utf8)))
    }
}
