import Commerce
import Hummingbird

/// `GET /`: in demo the sample page with add and booking forms; in serve a short page about the actor.
struct HomeController: Sendable {
    let deps: Dependencies
    /// The sample catalog (demo only).
    let demo: DemoCatalog?

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/", use: home)
    }

    struct ProductModel { let index: Int; let name: String; let price: String; let iri: String }
    struct CalendarModel { let key: String; let name: String; let price: String; let when: String; let isTicket: Bool }
    struct DemoModel { let pageTitle: String; let csrf: String?; let products: [ProductModel]; let calendarItems: [CalendarModel] }
    struct ServeModel { let handle: String }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let nav = try await deps.nav(context.session)
        guard let demo else {
            return deps.views.page(.serveHome, title: "Cart", model: ServeModel(handle: "cart@\(deps.base.authority)"), nav: nav)
        }
        let products = try await deps.catalog.products(pageIRI: demo.page.iri)
        let model = DemoModel(
            pageTitle: demo.page.title,
            csrf: context.session.map { deps.sessions.csrfToken(of: $0) },
            products: products.enumerated().map { ProductModel(index: $0.offset, name: $0.element.name,
                                                               price: $0.element.price.description, iri: $0.element.iri.value) },
            calendarItems: demo.calendarItems.map { entry in
                CalendarModel(key: entry.key, name: entry.item.name, price: entry.item.price.description,
                              when: entry.item.startTime.map(CartPageModel.format) ?? "", isTicket: entry.item.isTicket)
            })
        return deps.views.page(.demoHome, title: demo.page.title, model: model, nav: nav)
    }
}
