import Commerce
import Foundation

/// Model of `/admin/orders`.
struct AdminOrderListModel {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    let frame: AdminFrame
    let orders: [AdminOrderRow]
    let hasOrders: Bool
    let pageOptions: [Option]
    let stateOptions: [Option]
    /// A problem with the filter (unknown page or state).
    let filterProblem: String?
    let limit: Int
    let atLimit: Bool
    /// Where actions send the browser back.
    let back: String

    init(frame: AdminFrame, orders: [OrderDetails], pages: [Page], slug: String?, status: OrderStatus?,
         problem: String?, limit: Int) {
        self.frame = frame
        let titles = Dictionary(pages.map { ($0.slug, $0.title) }, uniquingKeysWith: { first, _ in first })
        self.orders = orders.map { AdminOrderRow($0, pageTitle: titles[$0.pageSlug] ?? $0.pageSlug) }
        hasOrders = !orders.isEmpty
        pageOptions = pages.map { Option(value: $0.slug, label: $0.title, selected: $0.slug == slug) }
        stateOptions = OrderStatus.allCases.map { Option(value: $0.rawValue, label: OrderStatusText.label($0), selected: $0 == status) }
        filterProblem = problem
        self.limit = limit
        atLimit = orders.count >= limit
        var query: [String] = []
        if let slug { query.append("page=\(AdminPaths.query(slug))") }
        if let status { query.append("state=\(status.rawValue)") }
        back = AdminPaths.orders + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }
}
