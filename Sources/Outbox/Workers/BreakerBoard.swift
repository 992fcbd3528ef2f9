import Foundation

/// Every host's `CircuitBreaker` in this process (each instance keeps its own; the failing
/// days that make a host unavailable are in the database and shared).
actor BreakerBoard {
    private let template: CircuitBreaker
    private var breakers: [String: CircuitBreaker] = [:]

    /// Breakers configured like `template`.
    init(template: CircuitBreaker) { self.template = template }

    /// Asks `host`'s breaker whether to send now.
    func permit(_ host: String, now: Date) -> CircuitBreaker.Permit {
        guard var breaker = breakers[host] else { return .send }
        let permit = breaker.permit(now: now)
        breakers[host] = breaker
        return permit
    }

    /// Records an answer from `host`; true when its breaker was open (release held deliveries).
    func success(_ host: String) -> Bool {
        breakers.removeValue(forKey: host)?.isOpen ?? false
    }

    /// Records a failure of `host`; returns the hold date when the breaker (re)opened.
    func failure(_ host: String, now: Date) -> Date? {
        var breaker = breakers[host] ?? template
        let until = breaker.recordFailure(now: now)
        breakers[host] = breaker
        return until
    }

    /// The hosts whose breakers are open or half-open now (for metrics).
    func openHosts() -> [String] { breakers.filter { $0.value.isOpen }.map(\.key).sorted() }
}
