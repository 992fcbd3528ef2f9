// `fake-sumup`: TestSupport's FakeSumUp (SumUp's Checkouts API, request bodies checked against
// SumUp's OpenAPI description, a hosted Pay page, webhooks to `return_url`) as its own process,
// for the end-to-end suite (Tests/EndToEnd/run). Loopback only.
//
//   fake-sumup --bind 127.0.0.6:PORT --api-key KEY --merchant CODE
//
// Prints `READY <apiBase>` once it listens. On SIGTERM or SIGINT it prints what it saw (checkouts,
// webhooks, and `VIOLATIONS n` for requests that broke SumUp's schema), then exits: 0 if there were
// no violations, 3 otherwise, so the run script can assert the service spoke SumUp's API exactly.
import Dispatch
import Foundation
import TestSupport

/// The command line, parsed by hand: three options, no dependency needed.
struct FakeSumUpOptions {
    var host = "127.0.0.6"
    var port = 0
    var apiKey = ""
    var merchant = "MFAKE001"

    /// Parses `arguments` (without the program name); a message says what is wrong.
    static func parse(_ arguments: [String]) -> Result<FakeSumUpOptions, UsageError> {
        var options = FakeSumUpOptions()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { return .failure(UsageError("\(flag) needs a value")) }
            switch flag {
            case "--bind":
                let parts = value.split(separator: ":")
                guard parts.count == 2, let port = Int(parts[1]), (0...65535).contains(port) else {
                    return .failure(UsageError("--bind wants HOST:PORT, got \(value)"))
                }
                guard parts[0].hasPrefix("127.") else { return .failure(UsageError("--bind must be a loopback address")) }
                options.host = String(parts[0])
                options.port = port
            case "--api-key": options.apiKey = value
            case "--merchant": options.merchant = value
            default: return .failure(UsageError("unknown option \(flag)"))
            }
        }
        guard !options.apiKey.isEmpty else { return .failure(UsageError("--api-key is required")) }
        return .success(options)
    }
}

/// A wrong command line: the message says what to pass.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = "fake-sumup: \(message)\nusage: fake-sumup --bind 127.0.0.6:PORT --api-key KEY --merchant CODE" }
}

/// Writes a line unbuffered: the run script waits for `READY` in the log file.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Waits for SIGTERM or SIGINT (the run script's trap sends SIGTERM).
func stopSignal() async -> Int32 {
    await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
        let once = SignalOnce(continuation)
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler { once.fire(number) }
            source.resume()
            SignalOnce.keep.append(source)
        }
    }
}

/// Resumes the continuation for the first signal only.
final class SignalOnce: @unchecked Sendable {
    // Safe: `fired` and `keep` are only touched on the main dispatch queue (signal handlers and setup).
    nonisolated(unsafe) static var keep: [any DispatchSourceSignal] = []
    private var continuation: CheckedContinuation<Int32, Never>?
    init(_ continuation: CheckedContinuation<Int32, Never>) { self.continuation = continuation }
    func fire(_ number: Int32) {
        continuation?.resume(returning: number)
        continuation = nil
    }
}

let options: FakeSumUpOptions
switch FakeSumUpOptions.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(let parsed): options = parsed
case .failure(let error):
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(2)
}

do {
    let violations = try await FakeSumUp.run(apiKey: options.apiKey, merchantCode: options.merchant,
                                             host: options.host, port: options.port) { fake in
        say("READY \(fake.apiBase)")
        let number = await stopSignal()
        say("STOP signal \(number)")
        for checkout in await fake.checkouts() {
            say("CHECKOUT \(checkout.id) \(checkout.status.rawValue) \(checkout.amount)")
        }
        for webhook in await fake.webhooks() {
            say("WEBHOOK \(webhook.checkoutID) \(webhook.url) \(webhook.status.map(String.init) ?? "not delivered")")
        }
        let violations = await fake.violations()
        say("VIOLATIONS \(violations.count)")
        for violation in violations { say("VIOLATION \(violation)") }
        return violations.count
    }
    exit(violations == 0 ? 0 : 3)
} catch {
    FileHandle.standardError.write(Data("fake-sumup: could not run: \(error)\n".utf8))
    exit(1)
}
