/// Where one delivery (one activity to one inbox) stands in the ledger (contract §3, issue 5).
public enum DeliveryState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting for its first attempt, or for its turn behind an earlier activity of the same order.
    case pending
    /// Claimed by a worker; a request is (or was, before a crash) on the wire.
    case inFlight = "in_flight"
    /// A 2xx answer was received.
    case delivered
    /// The last attempt failed; another is scheduled at `nextAttemptAt`.
    case failed
    /// Given up: a permanent answer, attempts exhausted, or an earlier activity of the order died.
    case dead

    /// Still owed to its inbox: pending, in flight or failed.
    public var isOpen: Bool { self == .pending || self == .inFlight || self == .failed }
}
