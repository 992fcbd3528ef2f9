/// What asked for a reconcile. Webhook and return-page triggers coalesce within the window;
/// sweeper and operator triggers read at once (still one in flight per order).
public enum ReconcileTrigger: String, Sendable, Hashable {
    /// The provider's webhook named the order's checkout.
    case webhook
    /// The browser came back from the hosted page.
    case returnPage
    /// The background sweeper found the attempt or order due.
    case sweeper
    /// `cart-actor orders recheck ID`.
    case `operator`

    /// Whether this trigger waits for the coalescing window after a recent read.
    var coalesces: Bool { self == .webhook || self == .returnPage }
}
