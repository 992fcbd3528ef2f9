import Commerce
import Foundation
import Hummingbird

/// Login and logout (contract §5): through the account service with a signed token, or in demo a
/// plain form. A login rotates the session and adopts the anonymous cart.
struct AuthController: Sendable {
    let deps: Dependencies

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("auth/login", use: login)
        router.get("auth/callback", use: callback)
        router.post("auth/logout", use: logout)
        if deps.isDemo { router.post("auth/login", use: demoSignIn) }
    }

    struct SignInModel { let usersBase: String; let returnTo: String; let csrf: String? }

    /// `GET /auth/login?return_to=PATH`.
    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let returnTo = try ReturnTarget.checked(request.queryFields["return_to"] ?? "/", siblings: [], allowSiblings: false)
        if deps.isDemo {
            let model = SignInModel(usersBase: deps.base.url("/users"), returnTo: returnTo,
                                    csrf: context.session.map { deps.sessions.csrfToken(of: $0) })
            return deps.views.page(.signIn, title: "Sign in", model: model, nav: try await deps.nav(context.session, returnTo: returnTo))
        }
        guard deps.login != nil, let loginURL = deps.configuration.accountLoginURL else {
            throw PageError(status: .serviceUnavailable, title: "Sign-in is not available",
                            message: "Sign-in is not configured on this server. You can still use your cart without signing in.",
                            link: PageLink(href: "/cart", label: "Back to your cart"))
        }
        let state = LoginStateCookie.start(returnTo: returnTo, now: deps.clock.now())
        let withReturn = ReturnTarget.adding("return_to", deps.base.url("/auth/callback"), to: loginURL)
        var response = Dependencies.seeOther(ReturnTarget.adding("state", state.state, to: withReturn))
        response.setCookie(state.cookie(secrets: deps.secrets, secure: deps.base.isHTTPS))
        return response
    }

    /// `GET /auth/callback?token=JWT`: verify, claim the `jti`, adopt, rotate, go back.
    @Sendable func callback(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let verifier = deps.login else { throw PageError.notFound() }
        if let retryAfter = await deps.loginLimiter.spend(context.client.text) {
            throw PageError.tooManyRequests(retryAfter: retryAfter)
        }
        let now = deps.clock.now()
        let state = request.cookies[LoginStateCookie.name].flatMap {
            LoginStateCookie(value: $0.value, secrets: deps.secrets, now: now)
        }
        do {
            guard let state else { throw LoginError.noLoginInProgress }
            guard let token = request.queryFields["token"], !token.isEmpty else { throw LoginError.missingToken }
            let verified = try verifier.verify(token, nonce: state.state, now: now)
            guard try await deps.sessionStore.claimTokenID(verified.tokenID, expires: verified.expires) else {
                throw LoginError.replayed
            }
            return try await signIn(verified.user, from: context.session, returnTo: state.returnTo)
        } catch let error as LoginError {
            context.logger.warning("login refused", metadata: ["reason": "\(error)", "client": "\(context.client.text)"])
            var page = PageError(status: .badRequest, title: "Sign-in failed",
                                 message: "We could not sign you in (\(error)). Start again from the sign-in link.",
                                 link: PageLink(href: "/auth/login?return_to=" + Self.encoded(state?.returnTo ?? "/"), label: "Try again"))
            page.headers[.setCookie] = LoginStateCookie.cleared(secure: deps.base.isHTTPS).description
            throw page
        }
    }

    /// Demo only: `POST /auth/login` with `name` signs in as `BASE/users/NAME`.
    @Sendable func demoSignIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.formFields(limit: deps.formLimit)
        try deps.csrf.check(request, form: form, session: context.session)
        let returnTo = try ReturnTarget.checked(form["return_to"] ?? "/", siblings: [], allowSiblings: false)
        guard let name = form["name"], Self.isValidName(name), let user = IRI(deps.base.url("/users/\(name)")) else {
            throw PageError(status: .badRequest, title: "Choose another name",
                            message: "A name is 1-32 lower-case letters, digits or underscores.",
                            link: PageLink(href: "/auth/login?return_to=" + Self.encoded(returnTo), label: "Try again"))
        }
        return try await signIn(user, from: context.session, returnTo: returnTo)
    }

    /// `POST /auth/logout`: end the session, clear the cookie.
    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.formFields(limit: deps.formLimit)
        try deps.csrf.check(request, form: form, session: context.session)
        let cookie = try await deps.sessions.end(context.session)
        return Dependencies.seeOther("/", cookie: cookie)
    }

    // MARK: Helpers

    /// Adopts the anonymous cart, rotates the session, answers 303 without a referrer.
    private func signIn(_ user: IRI, from old: WebSession?, returnTo: String) async throws -> Response {
        if let old, old.user == nil {
            try await deps.carts.adopt(.owner(.anonymous(sessionKey: old.key)), into: user)
        }
        let (_, cookie) = try await deps.sessions.rotate(from: old, to: user)
        var response = Dependencies.seeOther(returnTo, cookie: cookie)
        response.setCookie(LoginStateCookie.cleared(secure: deps.base.isHTTPS))
        response.headers[.referrerPolicy] = "no-referrer"
        return response
    }

    static func isValidName(_ name: String) -> Bool {
        (1...32).contains(name.utf8.count) && name.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_")
        }
    }

    private static func encoded(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "%2F"
    }
}
