import Foundation
import Testing

/// The benchmark commands as an operator runs them (short runs of the debug build): their load
/// generator sends what it plans to and the figures count only the answers they name.
@Suite("bench commands", .serialized)
struct BenchCommandTests {
    @Test func benchCartSendsTheFixedRateScheduleAndEveryChangeIsAnswered303() throws {
        let run = try CommandRun.run(["bench", "cart", "--seconds", "0.5", "--rate", "200", "--connections", "5"])
        #expect(run.status == 0, "bench cart failed: \(run.stderr)")
        let answered = Int(Browser.capture(#"capacity: \d+ quantity changes/s answered 303 \((\d+) answered 303, 0 other\)"#, in: run.stdout) ?? "")
        #expect((answered ?? 0) > 0, "capacity line: \(run.stdout)")
        // 0.5 s at 200/s over 5 connections: 20 scheduled requests each, every one measured.
        #expect(run.stdout.contains("(100 samples, 0 not 303)"), "latency line: \(run.stdout)")
    }

    @Test func benchInboxPostsEachSignedFollowOnceAndAllAreAccepted() throws {
        let run = try CommandRun.run(["bench", "inbox", "--strangers", "--activities", "300", "--concurrency", "8"])
        #expect(run.status == 0, "bench inbox failed: \(run.stderr)")
        #expect(run.stdout.contains("accepted: 300 answered 202"), "\(run.stdout)")
        #expect(run.stdout.contains("other statuses: none"), "\(run.stdout)")
        #expect(run.stdout.contains("all handled: 300 in"), "\(run.stdout)")
    }
}
