import Foundation

/// The per-host concurrency cap: at most `limit` requests in flight to one host from this
/// process; further ones wait their turn (first come, first served).
actor HostSlots {
    private let limit: Int
    private var busy: [String: Int] = [:]
    private var queued: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// A cap of `limit` per host.
    init(limit: Int) { self.limit = max(1, limit) }

    /// Waits for a slot of `host`.
    func acquire(_ host: String) async {
        if busy[host, default: 0] < limit {
            busy[host, default: 0] += 1
            return
        }
        await withCheckedContinuation { queued[host, default: []].append($0) }
    }

    /// Frees a slot of `host`, handing it straight to the next waiter if any.
    func release(_ host: String) {
        if var waiting = queued[host], !waiting.isEmpty {
            let next = waiting.removeFirst()
            queued[host] = waiting.isEmpty ? nil : waiting
            next.resume()
            return
        }
        let count = busy[host, default: 1] - 1
        busy[host] = count > 0 ? count : nil
    }
}
