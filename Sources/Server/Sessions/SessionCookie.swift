import Foundation
import Hummingbird

/// The `cart_session` cookie: `ID.SIGNATURE`, host-only, HttpOnly, SameSite=Lax, Path=/,
/// Secure on https (contract §5).
enum SessionCookie {
    /// Cookie name.
    static let name = "cart_session"
    /// Browsers keep the cookie this long; the server forgets idle sessions on its own clock.
    static let maxAgeSeconds = 30 * 86_400

    /// The session ID of a well-formed, correctly signed cookie value; nil for anything else
    /// (a bad cookie is treated as no cookie).
    static func verifiedID(_ value: Substring, secrets: SessionSecrets) -> String? {
        guard value.utf8.count <= 128, let dot = value.firstIndex(of: ".") else { return nil }
        let id = value[..<dot]
        let signature = value[value.index(after: dot)...]
        guard id.utf8.count >= 22, id.utf8.allSatisfy(isBase64URL), !signature.contains(".") else { return nil }
        let idString = String(id)
        guard SessionSecrets.matches(signature, secrets.cookieSignature(id: idString)) else { return nil }
        return idString
    }

    /// The cookie that carries session `id`.
    static func make(id: String, secrets: SessionSecrets, secure: Bool) -> Cookie {
        Cookie(name: name, value: "\(id).\(secrets.cookieSignature(id: id))", maxAge: maxAgeSeconds,
               path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// A cookie that makes the browser forget the session.
    static func expired(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0,
               path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2D || byte == 0x5F
    }
}
