/// Who asks to see an order: only its owner, a holder of its receipt link, or an operator may.
public enum OrderAccess: Sendable, Hashable {
    /// The signed-in user or anonymous session that made (or adopted) the order.
    case owner(CartOwner)
    /// The receipt link's key (`/orders/{id}?key=…`).
    case receipt(String)
    /// An operator (CLI, admin pages).
    case `operator`
}
