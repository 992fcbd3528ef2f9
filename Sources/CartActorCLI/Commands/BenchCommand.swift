import ArgumentParser
import ActorIdentity
import Foundation

/// `bench …`: benchmarks that print their figures (recorded in docs/BENCHMARKS.md).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks that print their figures; build with -c release for numbers worth recording.",
        subcommands: [BenchCartCommand.self, BenchCheckoutCommand.self, Signatures.self, BenchFanoutCommand.self,
                      BenchInboxCommand.self]
    )

    struct Signatures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Single-threaded RSA-2048 sign/s and verify/s of our OpenSSL wrapper beside `openssl speed rsa2048`.",
            discussion: "The two are measured in alternating rounds and compared by their medians, so a burst of load on this machine lands on both sides rather than skewing one.")
        @Option(help: "Seconds per measurement") var seconds: Int = 2
        @Option(help: "Alternating rounds of ours and openssl's") var rounds: Int = 5

        func run() async throws {
            #if DEBUG
            print("note: debug build; run `swift run -c release cart-actor bench signatures` for figures worth recording")
            #endif
            print("RSA-2048, one thread, \(rounds) alternating rounds of \(seconds) s each")
            var ours: [(Double, Double)] = []
            var reference: [(Double, Double)] = []
            for round in 1...max(1, rounds) {
                let mine = try SignatureBenchmark.run(seconds: Double(seconds))
                let theirs = try OpenSSLSpeed.rsa2048(seconds: seconds)
                ours.append((mine.signsPerSecond, mine.verifiesPerSecond))
                reference.append((theirs.signsPerSecond, theirs.verifiesPerSecond))
                print(String(format: "  round %d: sign %6.0f vs %6.0f/s, verify %7.0f vs %7.0f/s", round,
                             mine.signsPerSecond, theirs.signsPerSecond, mine.verifiesPerSecond, theirs.verifiesPerSecond))
            }
            let sign = (median(ours.map(\.0)), median(reference.map(\.0)))
            let verify = (median(ours.map(\.1)), median(reference.map(\.1)))
            print(String(format: "  sign:   ours %8.0f/s   openssl speed %8.0f/s   %5.1f%% (target >= 95%%) [medians]",
                         sign.0, sign.1, sign.0 / sign.1 * 100))
            print(String(format: "  verify: ours %8.0f/s   openssl speed %8.0f/s   %5.1f%% (target >= 85%%) [medians]",
                         verify.0, verify.1, verify.0 / verify.1 * 100))
        }

        private func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2]
                                         : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
    }
}
