import Commerce
import Foundation
import Hummingbird
import Storage

/// Browser sessions (contract §5): resolves cookies, creates sessions lazily and under a
/// per-address budget, rotates them at login and ends them at logout.
struct SessionManager: Sendable {
    let store: SQLSessionStore
    let secrets: SessionSecrets
    /// Whether cookies get `Secure` (https base URL).
    let secureCookies: Bool
    let creationLimiter: RateLimiter
    /// Sessions idle longer than this are treated as gone (and deleted by housekeeping).
    let idleSeconds: Double
    let clock: any WallClock
    /// Recently resolved sessions (see `SessionCache` for the staleness bound).
    let cache: SessionCache
    /// A session's last-seen time is written at most this often, so plain requests stay reads.
    static let touchInterval: Double = 3_600

    /// The session the request's cookie names, if the cookie is genuine and the session lives.
    func resolve(_ request: Request) async throws -> WebSession? {
        guard let cookie = request.cookies[SessionCookie.name], let identity = identity(cookie: cookie.value) else { return nil }
        let (id, key) = (identity.id, identity.key)
        let now = clock.now()
        if let cached = cache.entry(key, now: now), now.timeIntervalSince(cached.lastSeen) <= Self.touchInterval {
            return WebSession(id: id, key: key, user: cached.user, csrf: identity.csrf)
        }
        guard let record = try await store.session(key: key) else {
            cache.remove(key)
            return nil
        }
        if now.timeIntervalSince(record.lastSeen) > idleSeconds { return nil }
        var lastSeen = record.lastSeen
        if now.timeIntervalSince(record.lastSeen) > Self.touchInterval {
            try await store.touch(key: key, now: now)
            lastSeen = now
        }
        cache.store(key, user: record.user, lastSeen: lastSeen, now: now)
        return WebSession(id: id, key: key, user: record.user, csrf: identity.csrf)
    }

    /// The ID, storage key and form token of a genuine cookie value; nil for a forged or
    /// malformed one. HMAC and SHA-256 run once per cookie value (see `SessionCache.Identity`).
    private func identity(cookie value: String) -> SessionCache.Identity? {
        if let known = cache.identity(cookie: value) { return known }
        guard let id = SessionCookie.verifiedID(Substring(value), secrets: secrets) else { return nil }
        let identity = SessionCache.Identity(id: id, key: SessionSecrets.storageKey(id: id), csrf: secrets.csrfToken(id: id))
        cache.remember(cookie: value, identity)
        return identity
    }

    /// The request's session, or a new anonymous one (rate-limited per client address) with the
    /// cookie to set.
    func ensure(_ context: AppRequestContext) async throws -> (session: WebSession, cookie: Cookie?) {
        if let session = context.session { return (session, nil) }
        if let retryAfter = await creationLimiter.spend(context.client.text) {
            throw PageError.tooManyRequests(retryAfter: retryAfter)
        }
        return try await create(user: nil)
    }

    /// A new session for `user` (nil: anonymous), with its cookie.
    func create(user: IRI?) async throws -> (session: WebSession, cookie: Cookie?) {
        let id = SessionSecrets.newID()
        let key = SessionSecrets.storageKey(id: id)
        let now = clock.now()
        try await store.create(key: key, user: user, now: now)
        cache.store(key, user: user, lastSeen: now, now: now)
        return (WebSession(id: id, key: key, user: user, csrf: secrets.csrfToken(id: id)),
                SessionCookie.make(id: id, secrets: secrets, secure: secureCookies))
    }

    /// Login: a new session for `user`; the old one (if any) is deleted so its cookie stops working.
    func rotate(from old: WebSession?, to user: IRI) async throws -> (session: WebSession, cookie: Cookie?) {
        let fresh = try await create(user: user)
        if let old {
            cache.remove(old.key)
            try await store.delete(key: old.key)
        }
        return fresh
    }

    /// Logout: deletes the session; returns the cookie that clears it in the browser.
    func end(_ session: WebSession?) async throws -> Cookie {
        if let session {
            cache.remove(session.key)
            try await store.delete(key: session.key)
        }
        return SessionCookie.expired(secure: secureCookies)
    }

    /// The cart handle of a session.
    func handle(of session: WebSession) -> String { secrets.handle(id: session.id) }
    /// The CSRF token of a session.
    func csrfToken(of session: WebSession) -> String { session.csrf }
}
