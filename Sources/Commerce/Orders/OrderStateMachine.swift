/// Something that happens to an order, as the state machine sees it.
public enum OrderEvent: Sendable, Hashable {
    /// The provider reported money taken, matching the attempt (newly seen).
    case paymentConfirmed
    /// The provider reported something that does not match the attempt (amount, currency, …).
    case paymentMismatch(String)
    /// No attempt can take money any more and none did (before the hold ran out).
    case paymentEndedWithoutMoney
    /// The hold ran out (attempts already deactivated where possible).
    case holdExpired
    /// The buyer edited a locked line (attempts already deactivated).
    case cancelRequested
    /// A calendar refused its hold.
    case calendarRefused
}

/// A side effect of a transition, applied once, in the transaction of the state change.
public enum OrderEffect: Sendable, Hashable {
    /// Record a domain event of this kind with the order's new snapshot.
    case recordEvent(String)
    /// Soft-delete the locked cart lines (paid).
    case archiveLines
    /// Release the locked cart lines (ended without payment).
    case unlockLines
    /// Flag the order for operators; it is never paid by this report.
    case flagMismatch(String)
    /// Remember that a calendar refused.
    case markCalendarRefused
}

/// The outcome of one event: the new state and the effects to apply.
public struct OrderTransition: Sendable, Hashable {
    /// State after the event.
    public var status: OrderStatus
    /// Effects, in order.
    public var effects: [OrderEffect]

    /// A transition; see the properties.
    public init(status: OrderStatus, effects: [OrderEffect] = []) {
        self.status = status
        self.effects = effects
    }
}

/// The order state machine: pure, no storage, no clock. `awaiting_payment -> paid | failed |
/// expired | cancelled`; `owed` when money arrives with nothing to cover it.
public enum OrderStateMachine {
    /// What `event` does to an order in `status` (`calendarRefused`: whether a calendar refused before).
    public static func apply(_ event: OrderEvent, to status: OrderStatus, calendarRefused: Bool = false) -> OrderTransition {
        let refusalMark: [OrderEffect] = calendarRefused ? [] : [.markCalendarRefused]
        switch (status, event) {
        case (_, let .paymentMismatch(reason)):
            return OrderTransition(status: status, effects: [.flagMismatch(reason)])
        case (.awaitingPayment, .paymentConfirmed):
            return OrderTransition(status: .paid, effects: [.recordEvent(DomainEventKind.orderPaid), .archiveLines])
        case (.awaitingPayment, .paymentEndedWithoutMoney):
            // Holds are released like a cancellation (the calendar hears `order.cancelled`).
            return OrderTransition(status: .failed, effects: [.recordEvent(DomainEventKind.orderCancelled), .unlockLines])
        case (.awaitingPayment, .holdExpired):
            return OrderTransition(status: .expired, effects: [.recordEvent(DomainEventKind.orderExpired), .unlockLines])
        case (.awaitingPayment, .cancelRequested):
            return OrderTransition(status: .cancelled, effects: [.recordEvent(DomainEventKind.orderCancelled), .unlockLines])
        case (.awaitingPayment, .calendarRefused):
            return OrderTransition(status: .cancelled,
                                   effects: refusalMark + [.recordEvent(DomainEventKind.orderCancelled), .unlockLines])
        case (.failed, .paymentConfirmed), (.expired, .paymentConfirmed), (.cancelled, .paymentConfirmed):
            // Late money: the goods were released, so the buyer is owed.
            return OrderTransition(status: .owed)
        case (.paid, .calendarRefused):
            return OrderTransition(status: .owed, effects: refusalMark)
        case (_, .calendarRefused):
            return OrderTransition(status: status, effects: refusalMark)
        default:
            return OrderTransition(status: status)
        }
    }
}
