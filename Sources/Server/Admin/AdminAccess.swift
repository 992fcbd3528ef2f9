import Commerce
import Hummingbird

/// Who may use `/admin`: users signed in with an IRI listed in `CART_ADMINS`. Everyone else,
/// anonymous or signed in, gets the same 404 as an address that does not exist, so the pages
/// do not reveal that they are there.
struct AdminAccess: Sendable {
    /// Normalised admin IRIs.
    let admins: Set<String>

    /// The admins of `configuration` (IRIs that do not parse were refused at start).
    init(admins: [String]) {
        self.admins = Set(admins.map { IRI($0)?.value ?? $0 })
    }

    /// The signed-in admin of this request, or the shop's ordinary 404 page.
    func admin(_ context: AppRequestContext) throws -> IRI {
        guard let user = context.session?.user, admins.contains(user.value) else { throw PageError.notFound() }
        return user
    }
}

/// Answers 404 for every `/admin` route unless an admin is signed in; runs before any form is
/// read, so a non-admin's POST is a 404 too, never a 403.
struct AdminGateMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let access: AdminAccess

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        _ = try access.admin(context)
        return try await next(request, context)
    }
}
