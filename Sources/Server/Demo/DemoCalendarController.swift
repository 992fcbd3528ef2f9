import Commerce
import Hummingbird

/// Demo only: `POST /demo/calendar/book` does what the calendar service would do over
/// ActivityPub — put an entry or tickets into the visitor's cart (by handle when anonymous).
struct DemoCalendarController: Sendable {
    let deps: Dependencies
    let demo: DemoCatalog

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.post("demo/calendar/book", use: book)
    }

    @Sendable func book(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.formFields(limit: deps.formLimit)
        try deps.csrf.check(request, form: form, session: context.session)
        guard let key = form["item"], let item = demo.calendarItems.first(where: { $0.key == key })?.item else {
            throw PageError.badRequest("That event is not offered here. Go back to the shop and choose another.")
        }
        let quantity = item.isTicket ? try QuantityField.parse(form["quantity"], range: CartLimits.quantity) : 1
        let (session, cookie) = try await deps.sessions.ensure(context)
        let reference: CartReference
        if session.user == nil {
            let handle = deps.sessions.handle(of: session)
            try await deps.carts.ensureCart(owner: session.owner, handle: handle)
            reference = .handle(handle)
        } else {
            reference = .owner(session.owner)
        }
        try await deps.carts.addCalendarItem(item, quantity: quantity, to: reference)
        return Dependencies.seeOther("/cart", cookie: cookie)
    }
}
