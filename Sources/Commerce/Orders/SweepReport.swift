/// What one `OrderService.sweep()` did, for logs and metrics.
public struct SweepReport: Sendable, Hashable {
    /// Orders whose attempts were re-read because they were due.
    public var reread: Int
    /// Orders that expired in this sweep.
    public var expired: Int
    /// Orders that became `paid` or `owed` in this sweep (late or lost-webhook payments).
    public var moneyFound: Int
    /// Orders whose reconcile failed, or refunds whose read failed (provider down, …); they stay due.
    public var failures: Int
    /// Open refunds whose transaction was read.
    public var refundsRechecked: Int
    /// Refunds that reached succeeded or failed in this sweep.
    public var refundsSettled: Int

    /// A report; see the properties.
    public init(reread: Int = 0, expired: Int = 0, moneyFound: Int = 0, failures: Int = 0,
                refundsRechecked: Int = 0, refundsSettled: Int = 0) {
        self.reread = reread
        self.expired = expired
        self.moneyFound = moneyFound
        self.failures = failures
        self.refundsRechecked = refundsRechecked
        self.refundsSettled = refundsSettled
    }
}
