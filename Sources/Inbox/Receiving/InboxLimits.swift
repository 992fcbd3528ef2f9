/// The inbox's caps (contract §3): body size, JSON shape, per-origin rate.
public struct InboxLimits: Sendable {
    /// Largest body accepted; larger answers 413 (256 KiB).
    public var maxBodyBytes: Int
    /// The JSON parser's depth and container limits.
    public var parser: BoundedJSONParser
    /// Activities per origin per window.
    public var perOriginCount: Int
    /// The window, in seconds.
    public var perOriginSeconds: Double

    /// The contract's defaults: 256 KiB, depth 32, 3,000 activities per origin per minute (50/s).
    public init(maxBodyBytes: Int = 256 * 1024, parser: BoundedJSONParser = BoundedJSONParser(),
                perOriginCount: Int = 3_000, perOriginSeconds: Double = 60) {
        self.maxBodyBytes = maxBodyBytes
        self.parser = parser
        self.perOriginCount = perOriginCount
        self.perOriginSeconds = perOriginSeconds
    }
}
