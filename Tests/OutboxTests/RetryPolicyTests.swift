import Foundation
import Outbox
import Testing

/// The retry policy as a value: statuses, schedule, Retry-After.
@Suite("Retry policy")
struct RetryPolicyTests {
    let policy = RetryPolicy()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func scheduleSpansTwoToThreeDaysOverSixteenRetries() {
        let least = (0..<16).reduce(0) { $0 + policy.backoff(retry: $1, random: 0) }
        let most = (0..<16).reduce(0) { $0 + policy.backoff(retry: $1, random: 0.999) }
        #expect(least > 2 * 86_400 * 0.95 && most < 3 * 86_400)
        #expect(policy.backoff(retry: 0, random: 0) == 15)
        #expect(policy.backoff(retry: 2, random: 0.5) == 16 + 15 + 15 * 3)
    }

    @Test func statusesMapToDecisions() {
        #expect(policy.decide(.status(202, retryAfter: nil), attempts: 1, now: now) == .delivered)
        #expect(policy.decide(.status(410, retryAfter: nil), attempts: 1, now: now) == .gone)
        for dead in [400, 403, 404, 422] {
            guard case .dead = policy.decide(.status(dead, retryAfter: nil), attempts: 1, now: now) else {
                Issue.record("HTTP \(dead) should be given up"); continue
            }
        }
        for retried in [401, 408, 429, 500, 502, 503] {
            guard case .retry(let at, _) = policy.decide(.status(retried, retryAfter: nil), attempts: 1, now: now, random: 0) else {
                Issue.record("HTTP \(retried) should be retried"); continue
            }
            #expect(at == now.addingTimeInterval(15))
        }
        guard case .retry = policy.decide(.failed("connection refused", transient: true), attempts: 3, now: now) else {
            Issue.record("network errors are retried"); return
        }
        guard case .dead = policy.decide(.failed("refused address", transient: false), attempts: 1, now: now) else {
            Issue.record("a refused address is given up"); return
        }
    }

    @Test func retryAfterIsHonouredFor429And503Only() {
        #expect(policy.decide(.status(503, retryAfter: "120"), attempts: 1, now: now, random: 0)
                == .retry(at: now.addingTimeInterval(120), reason: "HTTP 503"))
        #expect(policy.decide(.status(429, retryAfter: "Fri, 15 Jan 2027 08:10:00 GMT"), attempts: 1, now: now, random: 0)
                == .retry(at: Date(timeIntervalSince1970: 1_800_000_600), reason: "HTTP 429"))
        #expect(policy.decide(.status(503, retryAfter: "999999999"), attempts: 1, now: now, random: 0)
                == .retry(at: now.addingTimeInterval(86_400), reason: "HTTP 503"), "capped at a day")
        #expect(policy.decide(.status(500, retryAfter: "120"), attempts: 1, now: now, random: 0)
                == .retry(at: now.addingTimeInterval(15), reason: "HTTP 500"), "only 429 and 503 carry Retry-After")
    }

    @Test func givesUpAfterTheLastRetry() {
        guard case .retry = policy.decide(.status(500, retryAfter: nil), attempts: 16, now: now) else {
            Issue.record("the 16th attempt still gets a retry"); return
        }
        guard case .dead(let reason) = policy.decide(.status(500, retryAfter: nil), attempts: 17, now: now) else {
            Issue.record("the 17th attempt is the last"); return
        }
        #expect(reason.contains("17 attempts"))
    }
}
