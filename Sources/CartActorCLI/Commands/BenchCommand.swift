import ArgumentParser
import ActorIdentity
import Foundation

/// `bench …`: benchmarks that print their figures (recorded in docs/BENCHMARKS.md).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks that print their figures; build with -c release for numbers worth recording.",
        subcommands: [BenchCartCommand.self, Signatures.self]
    )

    struct Signatures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Single-threaded RSA-2048 sign/s and verify/s of our OpenSSL wrapper beside `openssl speed rsa2048`.")
        @Option(help: "Seconds per measurement") var seconds: Int = 3

        func run() async throws {
            #if DEBUG
            print("note: debug build; run `swift run -c release cart-actor bench signatures` for figures worth recording")
            #endif
            let ours = try SignatureBenchmark.run(seconds: Double(seconds))
            let reference = try OpenSSLSpeed.rsa2048(seconds: seconds)
            let signRatio = ours.signsPerSecond / reference.signsPerSecond * 100
            let verifyRatio = ours.verifiesPerSecond / reference.verifiesPerSecond * 100
            print("RSA-2048, one thread, \(seconds) s each")
            print(String(format: "  sign:   ours %8.0f/s   openssl speed %8.0f/s   %5.1f%% (target >= 95%%)",
                         ours.signsPerSecond, reference.signsPerSecond, signRatio))
            print(String(format: "  verify: ours %8.0f/s   openssl speed %8.0f/s   %5.1f%% (target >= 85%%)",
                         ours.verifiesPerSecond, reference.verifiesPerSecond, verifyRatio))
        }
    }
}
