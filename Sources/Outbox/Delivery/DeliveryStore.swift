import Foundation

/// A delivery a worker claimed: in flight until it reports, or until the lease runs out.
public struct ClaimedDelivery: Sendable, Hashable {
    /// The delivery row.
    public var id: UUID
    /// The activity (= its event id).
    public var activityID: UUID
    /// Where to POST.
    public var inbox: String
    /// `host[:port]` of the inbox.
    public var host: String
    /// Attempts made before this one.
    public var attempts: Int
    /// The claim this attempt belongs to (a late report of a timed-out claim is ignored).
    public var claim: UUID
    /// The activity's bytes.
    public var body: [UInt8]

    /// A claimed delivery; see the properties.
    public init(id: UUID, activityID: UUID, inbox: String, host: String, attempts: Int, claim: UUID, body: [UInt8]) {
        self.id = id
        self.activityID = activityID
        self.inbox = inbox
        self.host = host
        self.attempts = attempts
        self.claim = claim
        self.body = body
    }
}

/// What one attempt did, for the ledger.
public struct DeliveryReport: Sendable {
    /// What happens next.
    public var decision: DeliveryDecision
    /// The HTTP status, when there was one.
    public var status: Int?
    /// Why it failed, when it did.
    public var error: String?
    /// When the attempt started.
    public var startedAt: Date
    /// When it ended.
    public var finishedAt: Date
    /// Whether it counts against the host (failing days), for it (clears them), or neither.
    public var hostFailed: Bool?

    /// A report; see the properties.
    public init(decision: DeliveryDecision, status: Int?, error: String?, startedAt: Date, finishedAt: Date, hostFailed: Bool?) {
        self.decision = decision
        self.status = status
        self.error = error
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.hostFailed = hostFailed
    }
}

/// The delivery ledger as workers use it (`SQLOutboxStore` implements it).
public protocol DeliveryStore: Sendable {
    /// Claims up to `limit` due deliveries (pending and due, or in flight past their lease) whose
    /// earlier activities of the same order are delivered to that inbox, in flight until
    /// `leaseUntil`. PostgreSQL: `FOR UPDATE SKIP LOCKED`, so instances never claim the same row.
    func claimDue(limit: Int, now: Date, leaseUntil: Date) async throws -> [ClaimedDelivery]
    /// Records attempts, all in one transaction: each delivered, retry, dead (later activities of
    /// the order for that inbox die too) or gone (the followers at that inbox are removed); updates
    /// the hosts' failing days and availability. An attempt whose claim is no longer current (the
    /// lease ran out and another worker took the delivery) is ignored.
    func finish(_ attempts: [FinishedAttempt]) async throws
    /// Puts a claimed delivery back without spending an attempt (host breaker open).
    func hold(_ delivery: ClaimedDelivery, until: Date, reason: String) async throws
    /// Holds every pending delivery to `host` due before `until` (the breaker opened).
    func holdHost(_ host: String, until: Date, reason: String) async throws
    /// Makes the held deliveries of `host` due at `now` (the breaker closed).
    func releaseHeld(host: String, now: Date) async throws
}

extension DeliveryStore {
    /// Records one attempt (see `finish(_:)`).
    public func finish(_ delivery: ClaimedDelivery, report: DeliveryReport) async throws {
        try await finish([FinishedAttempt(delivery: delivery, report: report)])
    }
}
