/// What a calendar's Accept or Reject of an order's hold did.
public enum CalendarAnswerOutcome: Sendable, Hashable {
    /// The answer changed the order (hold confirmed, order cancelled or owed).
    case applied
    /// Already answered that way, or the order already ended: nothing changed.
    case unchanged
    /// The calendar owns no entry or ticket of the order (or there is no such order).
    case notOwner
}
