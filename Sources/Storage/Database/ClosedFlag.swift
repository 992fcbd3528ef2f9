import Foundation

/// A flag set once, readable from any thread.
// @unchecked Sendable: the only state, `closed`, is read and written under `lock`.
final class ClosedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var closed = false

    /// Whether `close()` was called.
    var isClosed: Bool { lock.withLock { closed } }

    /// Sets the flag; true only for the first caller.
    func close() -> Bool {
        lock.withLock {
            defer { closed = true }
            return !closed
        }
    }
}
