import Hummingbird

/// Resolves the `cart_session` cookie (signature, then the stored session) into
/// `context.session` for browser routes. Never creates a session: that waits for a state change.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let sessions: SessionManager

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.session = try await sessions.resolve(request)
        return try await next(request, context)
    }
}
