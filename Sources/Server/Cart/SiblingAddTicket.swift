import ActorIdentity
import Commerce
import Foundation

/// A sibling site's add-to-cart, carried across one redirect. The session cookie is
/// SameSite=Lax, so a browser does not send it with a cross-site POST: adding there would start
/// a second anonymous cart and overwrite the visitor's cookie. Instead the POST answers 303 to
/// `GET /cart/items/pending?t=TICKET` on our origin — a top-level navigation, which carries the
/// Lax cookie — and that request adds to the visitor's real cart.
///
/// The ticket is signed with `CART_SECRET` and lives `lifetime`; it names only a product, a
/// quantity and where to go back, so a replayed ticket can at worst add that product again.
struct SiblingAddTicket: Sendable, Equatable {
    /// How long a ticket stays usable: one redirect, with room for a slow browser.
    static let lifetime: TimeInterval = 120

    let product: IRI
    let quantity: Int
    let returnTo: String
    let expires: Int64

    /// A ticket for an add that arrived at `now`.
    init(product: IRI, quantity: Int, returnTo: String, now: Date) {
        self.init(product: product, quantity: quantity, returnTo: returnTo, expires: Int64(now.timeIntervalSince1970 + Self.lifetime))
    }

    private init(product: IRI, quantity: Int, returnTo: String, expires: Int64) {
        self.product = product
        self.quantity = quantity
        self.returnTo = returnTo
        self.expires = expires
    }

    /// `PAYLOAD.SIGNATURE`, both base64url; PAYLOAD is the four fields joined by newlines.
    func encoded(_ secrets: SessionSecrets) -> String {
        let payload = Base64URL.encode(Array([product.value, String(quantity), returnTo, String(expires)].joined(separator: "\n").utf8))
        return payload + "." + secrets.siblingAddSignature(payload: payload)
    }

    /// The ticket in `text` if its signature holds and it has not expired; nil otherwise.
    static func decoded(_ text: String, secrets: SessionSecrets, now: Date) -> SiblingAddTicket? {
        guard text.utf8.count <= 4096, let dot = text.firstIndex(of: ".") else { return nil }
        let payload = String(text[..<dot])
        guard SessionSecrets.matches(text[text.index(after: dot)...], secrets.siblingAddSignature(payload: payload)),
              let bytes = Base64URL.decode(payload), let plain = String(bytes: bytes, encoding: .utf8) else { return nil }
        let parts = plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let product = IRI(parts[0]), let quantity = Int(parts[1]),
              let expires = Int64(parts[3]), Double(expires) >= now.timeIntervalSince1970 else { return nil }
        return SiblingAddTicket(product: product, quantity: quantity, returnTo: parts[2], expires: expires)
    }
}
