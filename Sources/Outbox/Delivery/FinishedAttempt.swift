import Foundation

/// One attempt's outcome waiting to be recorded: the claimed delivery and what happened.
public struct FinishedAttempt: Sendable {
    /// The delivery as claimed (its claim id makes a late report of a timed-out claim harmless).
    public var delivery: ClaimedDelivery
    /// What the attempt did.
    public var report: DeliveryReport

    /// An outcome; see the properties.
    public init(delivery: ClaimedDelivery, report: DeliveryReport) {
        self.delivery = delivery
        self.report = report
    }
}
