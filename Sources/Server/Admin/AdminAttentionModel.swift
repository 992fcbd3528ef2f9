import Foundation

/// Model of `/admin`.
struct AdminAttentionModel {
    let frame: AdminFrame
    let orders: [AdminOrderRow]
    let hasOrders: Bool
    /// Where actions send the browser back.
    let back = AdminPaths.home

    init(frame: AdminFrame, orders: [AdminOrderRow]) {
        self.frame = frame
        self.orders = orders
        hasOrders = !orders.isEmpty
    }
}
