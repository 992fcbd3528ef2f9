import Commerce
import Foundation
import Synchronization

/// A clock tests move by hand, so days of retries run in seconds.
final class ManualClock: WallClock {
    private let current: Mutex<Date>

    /// A clock showing `start`.
    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = Mutex(start) }

    func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward.
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
