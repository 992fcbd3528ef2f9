import Foundation

/// How deliveries to one host are going: its breaker and its failures (`deliveries --host`,
/// metrics' open breakers).
public struct HostHealth: Sendable, Equatable {
    /// The host (`host[:port]`, lower-case).
    public var host: String
    /// The breaker: `closed`, `open` or `half_open`; `unknown` when the reader cannot see it
    /// (breakers live in the workers' memory, not in the ledger).
    public var breaker: String
    /// Failed attempts in a row since the last success.
    public var consecutiveFailures: Int
    /// Distinct days with failures and no success since the last success.
    public var failingDays: Int
    /// Marked unavailable (7 failing days): skipped at fan-out until cleared.
    public var unavailable: Bool
    /// Deliveries to it now `failed` (waiting for a retry).
    public var failing: Int
    /// Deliveries to it now `dead`.
    public var dead: Int
    /// When an attempt to it last succeeded.
    public var lastSuccessAt: Date?
    /// The last failure, in one line.
    public var lastError: String?

    /// A host's health; see the properties.
    public init(host: String, breaker: String, consecutiveFailures: Int, failingDays: Int, unavailable: Bool,
                failing: Int, dead: Int, lastSuccessAt: Date?, lastError: String?) {
        self.host = host
        self.breaker = breaker
        self.consecutiveFailures = consecutiveFailures
        self.failingDays = failingDays
        self.unavailable = unavailable
        self.failing = failing
        self.dead = dead
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
    }

    /// True while the breaker holds deliveries (open or probing).
    public var breakerOpen: Bool { breaker == "open" || breaker == "half_open" }
}
