/// Bounds on what one cart may hold (contract §5 and the cart issue).
public enum CartLimits {
    /// Allowed quantity of a product or ticket line.
    public static let quantity: ClosedRange<Int> = 1...99
    /// Most lines one cart may hold.
    public static let maxLines = 100
    /// Anonymous carts idle this long are deleted.
    public static let anonymousIdleDays = 30
}
