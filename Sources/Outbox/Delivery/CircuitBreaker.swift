import Foundation

/// One host's breaker, a pure state machine: closed until `threshold` consecutive failures, then
/// open (deliveries held without spending attempts) for `coolDown`, then half-open: one probe
/// goes out; its success closes the breaker, its failure opens it again.
public struct CircuitBreaker: Sendable, Hashable {
    /// Where the breaker stands.
    public enum State: Sendable, Hashable {
        /// Sending; `failures` consecutive failures so far.
        case closed(failures: Int)
        /// Holding deliveries until `until`.
        case open(until: Date)
        /// One probe is out (or may go out when `probing` is false).
        case halfOpen(probing: Bool)
    }

    /// What a delivery to the host may do now.
    public enum Permit: Sendable, Hashable {
        /// Send.
        case send
        /// Send as the half-open probe.
        case probe
        /// Do not send; hold until the date (no attempt spent).
        case hold(until: Date)
    }

    /// Consecutive failures that open the breaker.
    public var threshold: Int
    /// How long an open breaker holds.
    public var coolDown: TimeInterval
    /// The current state.
    public private(set) var state: State = .closed(failures: 0)

    /// A closed breaker.
    public init(threshold: Int = 5, coolDown: TimeInterval = 120) {
        self.threshold = max(1, threshold)
        self.coolDown = coolDown
    }

    /// Whether the breaker is open or half-open.
    public var isOpen: Bool {
        if case .closed = state { return false }
        return true
    }

    /// Asks to send at `now`.
    public mutating func permit(now: Date) -> Permit {
        switch state {
        case .closed: return .send
        case .open(let until):
            guard now >= until else { return .hold(until: until) }
            state = .halfOpen(probing: true)
            return .probe
        case .halfOpen(let probing):
            if probing { return .hold(until: now.addingTimeInterval(min(coolDown, 5))) }
            state = .halfOpen(probing: true)
            return .probe
        }
    }

    /// The host answered (2xx, or any answer that is not a host failure): closes the breaker.
    /// Returns whether it was open before (held deliveries can be released).
    @discardableResult
    public mutating func recordSuccess() -> Bool {
        let wasOpen = isOpen
        state = .closed(failures: 0)
        return wasOpen
    }

    /// The host failed at `now`. Returns the date until which it is now held, when this failure
    /// opened (or re-opened) the breaker.
    @discardableResult
    public mutating func recordFailure(now: Date) -> Date? {
        switch state {
        case .closed(let failures) where failures + 1 < threshold:
            state = .closed(failures: failures + 1)
            return nil
        case .open(let until):
            return until
        default:
            let until = now.addingTimeInterval(coolDown)
            state = .open(until: until)
            return until
        }
    }
}
