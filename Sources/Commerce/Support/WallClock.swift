import Foundation

/// Where the shop reads the time; tests inject their own.
public protocol WallClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The system's clock.
public struct SystemWallClock: WallClock {
    /// The system clock.
    public init() {}
    public func now() -> Date { Date() }
}
