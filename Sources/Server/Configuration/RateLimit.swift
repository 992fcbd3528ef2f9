/// A budget: at most `count` events per `perSeconds` window, per client address.
public struct RateLimit: Sendable, Equatable {
    /// Events allowed in one window.
    public var count: Int
    /// Window length in seconds.
    public var perSeconds: Double

    /// A budget of `count` per `perSeconds`.
    public init(count: Int, perSeconds: Double) {
        self.count = count
        self.perSeconds = perSeconds
    }
}
