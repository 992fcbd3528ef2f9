import Hummingbird
import Mustache

/// The compiled templates (parsed once at start) and the helpers that turn models into pages.
struct Views: Sendable {
    private let library: MustacheLibrary

    /// Template names.
    enum Name: String, CaseIterable {
        case layout, demoHome, serveHome, cart, message, signIn, cartMini, accountNavItem
        case order, orderList, retry
        case sandboxPay
        case adminFrame, adminOrderActions, adminAttention, adminOrders, adminOrder, adminFollows, adminDeliveries, adminPages

        var source: String {
            switch self {
            case .layout: LayoutTemplate.source
            case .demoHome: DemoHomeTemplate.source
            case .serveHome: ServeHomeTemplate.source
            case .cart: CartTemplate.source
            case .message: MessageTemplate.source
            case .signIn: SignInTemplate.source
            case .cartMini: FragmentTemplates.cartMini
            case .accountNavItem: FragmentTemplates.accountNavItem
            case .order: OrderTemplate.source
            case .orderList: OrderListTemplate.source
            case .retry: RetryTemplate.source
            case .sandboxPay: SandboxPayTemplate.source
            case .adminFrame: AdminFrameTemplate.frame
            case .adminOrderActions: AdminFrameTemplate.orderActions
            case .adminAttention: AdminAttentionTemplate.source
            case .adminOrders: AdminOrdersTemplate.source
            case .adminOrder: AdminOrderTemplate.source
            case .adminFollows: AdminFollowsTemplate.source
            case .adminDeliveries: AdminDeliveriesTemplate.source
            case .adminPages: AdminPagesTemplate.source
            }
        }
    }

    /// Parses every template; throws on a template syntax error (a build defect).
    init() throws {
        var library = MustacheLibrary()
        for name in Name.allCases { try library.register(name.source, named: name.rawValue) }
        self.library = library
    }

    /// `model` rendered by template `name`, without the layout.
    func render(_ name: Name, _ model: Any) -> String {
        library.render(model, withTemplate: name.rawValue) ?? ""
    }

    /// A full page: `name` rendered into the layout.
    func page(_ name: Name, title: String, model: Any, nav: NavModel, status: HTTPResponse.Status = .ok,
              refreshSeconds: Int? = nil) -> Response {
        let body = render(name, model)
        let html = render(.layout, LayoutModel(title: title, nav: nav, body: body, refreshSeconds: refreshSeconds))
        return Self.html(html, status: status)
    }

    /// An HTML response that is never cached (pages show per-session state).
    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status,
                 headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// What the layout shows.
struct LayoutModel {
    let title: String
    let nav: NavModel
    let body: String
    /// When set, the browser reloads the page after this many seconds (orders awaiting payment).
    var refreshSeconds: Int? = nil
}
