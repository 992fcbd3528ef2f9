import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TestSupport

@Suite("Login through the account service")
struct LoginTests {
    // MARK: Helpers

    /// Starts a login, sends the token `make(state)` builds, and expects a refusal naming `reason`.
    static func expectRefused(_ backend: Backend = .sqlite, reason: String,
                              _ make: @escaping @Sendable (String) throws -> String) async throws {
        try await TestApp.run(backend, try LoginTokens.configuration(), prepare: LoginTokens.seedCatalog) { client in
            var browser = Browser(client)
            let state = try #require(try await browser.startLogin())
            let response = try await browser.callback(try make(state))
            #expect(response.status == .badRequest)
            #expect(response.text.contains("Sign-in failed"))
            #expect(response.text.contains(reason), "expected reason '\(reason)' in \(response.text)")
            #expect(response.text.contains("Try again"))
            #expect(!(try await browser.get("/cart").text.contains("Signed in as")))
        }
    }

    // MARK: Tests

    @Test(arguments: Backend.available)
    func goodTokenSignsInRotatesSessionAndMergesCart(backend: Backend) async throws {
        try await TestApp.run(backend, try LoginTokens.configuration(), prepare: LoginTokens.seedCatalog) { client in
            var browser = Browser(client)
            #expect(try await browser.addOatMilk("2").status == .seeOther)
            let oldCookie = try #require(browser.cookies["cart_session"])

            let login = try await browser.get("/auth/login?return_to=%2Fcart")
            #expect(login.status == .seeOther)
            let location = try #require(login.location)
            #expect(location.hasPrefix(LoginTokens.loginURL + "?return_to=" + "http%3A%2F%2F127.0.0.1%3A8080%2Fauth%2Fcallback"))
            #expect(login.headers[values: .setCookie].contains { $0.hasPrefix("cart_login=") && $0.contains("HttpOnly") })
            let state = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "state" }?.value)

            let response = try await browser.callback(try LoginTokens.token(LoginTokens.claims(nonce: state)))
            #expect(response.status == .seeOther)
            #expect(response.location == "/cart")
            #expect(response.headers[.referrerPolicyField] == "no-referrer")
            let newCookie = try #require(browser.cookies["cart_session"])
            #expect(newCookie != oldCookie)

            let cart = try await browser.get("/cart").text
            #expect(cart.contains("Signed in as \(LoginTokens.user)"))
            #expect(cart.contains("Oat milk"))
            #expect(cart.contains("value=\"2\""))

            var stale = Browser(client)
            stale.cookies["cart_session"] = oldCookie
            let old = try await stale.get("/cart").text
            #expect(old.contains("Your cart is empty"))
            #expect(!old.contains("Signed in as"))
        }
    }

    @Test
    func hs256TokenRefused() async throws {
        try await Self.expectRefused(reason: "algorithm HS256") { try LoginTokens.token(LoginTokens.claims(nonce: $0), alg: "HS256") }
    }

    @Test
    func unsignedNoneTokenRefused() async throws {
        try await Self.expectRefused(reason: "algorithm none") { try LoginTokens.token(LoginTokens.claims(nonce: $0), alg: "none") }
    }

    @Test
    func rs256AgainstEd25519KeyRefused() async throws {
        try await Self.expectRefused(reason: "algorithm RS256") { try LoginTokens.token(LoginTokens.claims(nonce: $0), alg: "RS256") }
    }

    @Test
    func tamperedSignatureRefused() async throws {
        try await Self.expectRefused(reason: "signature does not verify") { state in
            let good = try LoginTokens.token(LoginTokens.claims(nonce: state))
            var claims = LoginTokens.claims(nonce: state)
            claims["sub"] = "https://account.example/users/mallory"
            let forged = try LoginTokens.token(claims)
            return forged.split(separator: ".").prefix(2).joined(separator: ".") + "." + good.split(separator: ".")[2]
        }
    }

    @Test
    func wrongIssuerRefused() async throws {
        try await Self.expectRefused(reason: "is not CART_ACCOUNT_ISSUER") { state in
            var claims = LoginTokens.claims(nonce: state)
            claims["iss"] = "https://evil.example"
            return try LoginTokens.token(claims)
        }
    }

    @Test
    func wrongAudienceRefused() async throws {
        try await Self.expectRefused(reason: "aud does not name") { state in
            var claims = LoginTokens.claims(nonce: state)
            claims["aud"] = ["https://other.example"]
            return try LoginTokens.token(claims)
        }
    }

    @Test
    func expiredTokenRefused() async throws {
        try await Self.expectRefused(reason: "expired") { state in
            try LoginTokens.token(LoginTokens.claims(nonce: state, now: Date().addingTimeInterval(-300)))
        }
    }

    @Test
    func expiryTooFarAfterIssueRefused() async throws {
        try await Self.expectRefused(reason: "at most 120 s") { state in
            var claims = LoginTokens.claims(nonce: state)
            claims["exp"] = (claims["iat"] as? Int ?? 0) + 121
            return try LoginTokens.token(claims)
        }
    }

    @Test
    func missingIssuedAtRefused() async throws {
        try await Self.expectRefused(reason: "iat missing") { state in
            var claims = LoginTokens.claims(nonce: state)
            claims["iat"] = nil
            return try LoginTokens.token(claims)
        }
    }

    @Test
    func missingNonceRefused() async throws {
        try await Self.expectRefused(reason: "nonce missing") { _ in try LoginTokens.token(LoginTokens.claims(nonce: nil)) }
    }

    @Test
    func wrongNonceRefused() async throws {
        try await Self.expectRefused(reason: "nonce does not match") { _ in try LoginTokens.token(LoginTokens.claims(nonce: "someone-elses-state")) }
    }

    @Test
    func subjectNotAnIRIRefused() async throws {
        try await Self.expectRefused(reason: "sub is missing or not") { state in
            var claims = LoginTokens.claims(nonce: state)
            claims["sub"] = "alice"
            return try LoginTokens.token(claims)
        }
    }

    @Test
    func malformedTokenRefused() async throws {
        try await Self.expectRefused(reason: "malformed") { _ in "only.two" }
    }

    @Test(arguments: Backend.available)
    func replayedTokenIDRefused(backend: Backend) async throws {
        try await TestApp.run(backend, try LoginTokens.configuration(), prepare: LoginTokens.seedCatalog) { client in
            var first = Browser(client)
            let state = try #require(try await first.startLogin())
            var claims = LoginTokens.claims(nonce: state)
            claims["jti"] = "jti-used-once"
            #expect(try await first.callback(try LoginTokens.token(claims)).status == .seeOther)

            var second = Browser(client)
            let state2 = try #require(try await second.startLogin())
            var replay = LoginTokens.claims(nonce: state2)
            replay["jti"] = "jti-used-once"
            let response = try await second.callback(try LoginTokens.token(replay))
            #expect(response.status == .badRequest)
            #expect(response.text.contains("already used"))
        }
    }

    @Test
    func callbackWithoutLoginStateRefused() async throws {
        try await TestApp.run(.sqlite, try LoginTokens.configuration()) { client in
            var browser = Browser(client)
            let response = try await browser.callback(try LoginTokens.token(LoginTokens.claims(nonce: "x")))
            #expect(response.status == .badRequest)
            #expect(response.text.contains("no login state"))
        }
    }

    @Test
    func callbackIsRateLimited() async throws {
        var configuration = try LoginTokens.configuration()
        configuration.limits.loginCallback = RateLimit(count: 2, perSeconds: 60)
        try await TestApp.run(.sqlite, configuration) { client in
            var browser = Browser(client)
            for _ in 0..<2 { #expect(try await browser.callback("x.y.z").status == .badRequest) }
            let limited = try await browser.callback("x.y.z")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
        }
    }

    @Test
    func loginReturnToMustBeLocal() async throws {
        try await TestApp.run(.sqlite, try LoginTokens.configuration()) { client in
            var browser = Browser(client)
            let response = try await browser.get("/auth/login?return_to=https%3A%2F%2Fevil.example")
            #expect(response.status == .badRequest)
        }
    }

    @Test
    func signInNotConfiguredSaysSo() async throws {
        try await TestApp.run(.sqlite, TestApp.configuration(.serve)) { client in
            var browser = Browser(client)
            let response = try await browser.get("/auth/login")
            #expect(response.status == .serviceUnavailable)
            #expect(response.text.contains("Sign-in is not configured"))
            #expect(try await browser.get("/auth/callback?token=a.b.c").status == .notFound)
        }
    }
}
