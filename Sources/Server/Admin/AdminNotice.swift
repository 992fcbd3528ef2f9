import ActorIdentity
import Foundation
import Hummingbird

/// The one-line outcome of an admin action, carried across its 303 in a short-lived cookie
/// (`Path=/admin`, HttpOnly, SameSite=Strict) signed with the session's CSRF token, so another
/// session or site cannot plant a message. Read once by the next admin page, which clears it.
struct AdminNotice: Sendable, Equatable {
    /// Whether the action worked (a status line) or not (an alert).
    enum Kind: String, Sendable {
        case done, problem
    }

    let kind: Kind
    let text: String

    /// The cookie's name.
    static let cookieName = "cart_admin_notice"
    /// Longest text kept (longer texts are cut).
    static let maxText = 600

    /// A success line.
    static func done(_ text: String) -> AdminNotice { AdminNotice(kind: .done, text: text) }
    /// A failure line: what went wrong and what to do next.
    static func problem(_ text: String) -> AdminNotice { AdminNotice(kind: .problem, text: text) }

    /// The cookie carrying this notice for the session whose CSRF token is `token`.
    func cookie(token: String, secure: Bool) -> Cookie {
        let payload = Base64URL.encode(Array((kind.rawValue + ":" + String(text.prefix(Self.maxText))).utf8))
        return Cookie(name: Self.cookieName, value: payload + "." + Self.signature(payload, token: token), maxAge: 120,
                      path: "/admin", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The notice in `request`'s cookie, if present and signed for this session.
    static func read(_ request: Request, token: String) -> AdminNotice? {
        guard let value = request.cookies[cookieName]?.value, let dot = value.firstIndex(of: ".") else { return nil }
        let payload = String(value[..<dot])
        let signature = value[value.index(after: dot)...]
        guard ConstantTime.equals(Array(signature.utf8), Array(Self.signature(payload, token: token).utf8)),
              let bytes = Base64URL.decode(payload), let text = String(validating: bytes, as: UTF8.self),
              let colon = text.firstIndex(of: ":"), let kind = Kind(rawValue: String(text[..<colon]))
        else { return nil }
        return AdminNotice(kind: kind, text: String(text[text.index(after: colon)...]))
    }

    /// The cookie that clears a shown notice.
    static func cleared(secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0,
               path: "/admin", secure: secure, httpOnly: true, sameSite: .strict)
    }

    private static func signature(_ payload: String, token: String) -> String {
        Base64URL.encode(HMACSHA256.authenticate(key: Array(("admin-notice:" + token).utf8), message: Array(payload.utf8)))
    }
}
