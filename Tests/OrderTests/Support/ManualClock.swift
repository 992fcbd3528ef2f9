import Commerce
import Foundation

/// A clock tests move by hand. Starts at the real time (whole milliseconds), because the fake
/// SumUp compares `valid_until` with the real time.
final class ManualClock: WallClock, @unchecked Sendable {
    // @unchecked Sendable: `current` is only touched under `lock`.
    private let lock = NSLock()
    private var current: Date

    init() { current = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000) }

    func now() -> Date { lock.withLock { current } }

    func advance(minutes: Double = 0, seconds: Double = 0) {
        lock.withLock { current = current.addingTimeInterval(minutes * 60 + seconds) }
    }
}
