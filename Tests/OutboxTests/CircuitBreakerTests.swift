import Foundation
import Outbox
import Testing

/// The per-host breaker as a pure state machine.
@Suite("Circuit breaker")
struct CircuitBreakerTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func opensAfterConsecutiveFailuresAndHolds() {
        var breaker = CircuitBreaker(threshold: 3, coolDown: 60)
        #expect(breaker.recordFailure(now: start) == nil)
        #expect(breaker.recordFailure(now: start) == nil)
        #expect(breaker.permit(now: start) == .send)
        #expect(breaker.recordFailure(now: start) == start.addingTimeInterval(60))
        #expect(breaker.permit(now: start.addingTimeInterval(59)) == .hold(until: start.addingTimeInterval(60)))
    }

    @Test func successInBetweenResetsTheCount() {
        var breaker = CircuitBreaker(threshold: 2, coolDown: 60)
        breaker.recordFailure(now: start)
        #expect(breaker.recordSuccess() == false)
        #expect(breaker.recordFailure(now: start) == nil)
    }

    @Test func halfOpenSendsOneProbeThenClosesOrReopens() {
        var breaker = CircuitBreaker(threshold: 1, coolDown: 60)
        breaker.recordFailure(now: start)
        let later = start.addingTimeInterval(60)
        #expect(breaker.permit(now: later) == .probe)
        #expect(breaker.permit(now: later) == .hold(until: later.addingTimeInterval(5)), "one probe at a time")
        #expect(breaker.recordFailure(now: later) == later.addingTimeInterval(60), "a failed probe re-opens")
        let again = later.addingTimeInterval(60)
        #expect(breaker.permit(now: again) == .probe)
        #expect(breaker.recordSuccess() == true)
        #expect(breaker.permit(now: again) == .send)
        #expect(!breaker.isOpen)
    }
}
