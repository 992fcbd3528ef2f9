import Foundation

/// Single-threaded RSA-2048 sign/verify throughput over a realistic cavage signing string
/// (`cart-actor bench signatures`).
public enum SignatureBenchmark {
    /// Signs for `seconds`, then verifies for `seconds`; operations per second of each.
    public static func run(seconds: Double) throws -> (signsPerSecond: Double, verifiesPerSecond: Double) {
        let key = try SigningKey.generateRSA(bits: 2048)
        let body = Array(#"{"@context":"https://www.w3.org/ns/activitystreams","type":"Create","id":"https://shop.example/activities/1"}"#.utf8)
        let message = Array("""
            (request-target): post /inbox
            host: peer.example
            date: \(HTTPDate.format(Date()))
            digest: \(BodyDigest.digestHeader(for: body))
            """.utf8)
        let signature = try key.sign(message)
        let publicKey = key.publicKey
        var failures = 0
        let signs = try measure(seconds: seconds) { _ = try key.sign(message) }
        let verifies = try measure(seconds: seconds) {
            if !publicKey.verify(signature: signature, message: message) { failures += 1 }
        }
        guard failures == 0 else { throw CryptoError("benchmark: \(failures) verifications failed") }
        return (signs, verifies)
    }

    /// Runs `operation` repeatedly for about `seconds`; calls per second.
    private static func measure(seconds: Double, _ operation: () throws -> Void) throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        let limit = Duration.milliseconds(Int64(seconds * 1000))
        var count = 0
        while true {
            for _ in 0..<16 { try operation() }
            count += 16
            let elapsed = clock.now - start
            if elapsed >= limit {
                let (wholeSeconds, attoseconds) = elapsed.components
                return Double(count) / (Double(wholeSeconds) + Double(attoseconds) / 1e18)
            }
        }
    }
}
