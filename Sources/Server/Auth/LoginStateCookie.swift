import ActorIdentity
import Foundation
import Hummingbird

/// The short-lived signed cookie `/auth/login` leaves and `/auth/callback` reads:
/// `STATE.EXPIRY.BASE64URL(RETURN_PATH).SIGNATURE`. STATE becomes the token's expected `nonce`.
struct LoginStateCookie: Sendable, Equatable {
    /// Cookie name.
    static let name = "cart_login"
    /// How long a login may take.
    static let lifetimeSeconds = 600

    /// Random state sent as `state` and expected back as `nonce`.
    let state: String
    /// Where to go after a successful login (a path on this service).
    let returnTo: String
    /// Seconds since 1970 after which the cookie is refused.
    let expires: Int

    /// A new login state for `returnTo`.
    static func start(returnTo: String, now: Date) -> LoginStateCookie {
        LoginStateCookie(state: SessionSecrets.newID(), returnTo: returnTo,
                         expires: Int(now.timeIntervalSince1970) + lifetimeSeconds)
    }

    /// The cookie carrying this state.
    func cookie(secrets: SessionSecrets, secure: Bool) -> Cookie {
        let payload = "\(state).\(expires).\(Base64URL.encode(Array(returnTo.utf8)))"
        return Cookie(name: Self.name, value: "\(payload).\(secrets.loginStateSignature(payload: payload))",
                      maxAge: Self.lifetimeSeconds, path: "/auth", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// A cookie that clears the state.
    static func cleared(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/auth", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// Reads and checks a cookie value: well formed, correctly signed, unexpired.
    init?(value: String, secrets: SessionSecrets, now: Date) {
        guard value.utf8.count <= 4096 else { return nil }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let payload = parts[0...2].joined(separator: ".")
        guard SessionSecrets.matches(parts[3], secrets.loginStateSignature(payload: payload)),
              let expires = Int(parts[1]), Double(expires) > now.timeIntervalSince1970,
              let pathBytes = Base64URL.decode(String(parts[2])),
              let returnTo = String(bytes: pathBytes, encoding: .utf8), !parts[0].isEmpty
        else { return nil }
        self.init(state: String(parts[0]), returnTo: returnTo, expires: expires)
    }

    private init(state: String, returnTo: String, expires: Int) {
        self.state = state
        self.returnTo = returnTo
        self.expires = expires
    }
}
