import Foundation
import Hummingbird
import Logging
import NIOCore

/// A minimal stand-in for SumUp's Checkouts API for `bench checkout`: answers create, read,
/// look-up and deactivate after a fixed delay, keeps checkouts in memory, takes no money.
/// (The tests' `FakeSumUp` lives in TestSupport, which the CLI cannot import; this one skips
/// its schema validation and knobs so it spends little of the CPU the server under test shares.)
actor BenchSumUpStore {
    private var checkouts: [String: String] = [:]
    private var byReference: [String: String] = [:]

    /// Stores a new PENDING checkout built from a create body; returns its JSON.
    func create(body: String, hostedBase: String) -> String? {
        guard let reference = Self.field("checkout_reference", in: body), let amount = Self.number("amount", in: body),
              let currency = Self.field("currency", in: body), let merchant = Self.field("merchant_code", in: body)
        else { return nil }
        if let existing = byReference[reference] { return checkouts[existing] }
        let id = UUID().uuidString.lowercased()
        let json = #"{"id":"\#(id)","checkout_reference":"\#(reference)","amount":\#(amount),"currency":"\#(currency)","merchant_code":"\#(merchant)","status":"PENDING","hosted_checkout_url":"\#(hostedBase)/pay/\#(id)","transactions":[]}"#
        checkouts[id] = json
        byReference[reference] = id
        return json
    }

    /// A stored checkout's JSON.
    func checkout(id: String) -> String? { checkouts[id] }

    /// Checkouts carrying `reference`, as a JSON array.
    func list(reference: String) -> String {
        "[" + (byReference[reference].flatMap { checkouts[$0] }.map { [$0] } ?? []).joined(separator: ",") + "]"
    }

    /// The value of a string member (no escapes: the bench's own values have none).
    private static func field(_ name: String, in body: String) -> String? { match(#""\#(name)"\s*:\s*"([^"\\]*)""#, body) }
    /// The text of a number member, kept exact.
    private static func number(_ name: String, in body: String) -> String? { match(#""\#(name)"\s*:\s*([0-9.]+)"#, body) }

    private static func match(_ pattern: String, _ text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(found.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }
}

/// The HTTP face of `BenchSumUpStore`.
enum BenchSumUp {
    /// An application on `127.0.0.1:port` answering every call after `delay`.
    static func application(port: Int, delay: Duration) -> some ApplicationProtocol {
        let store = BenchSumUpStore()
        let base = "http://127.0.0.1:\(port)"
        let router = Router()
        router.post("/v0.1/checkouts") { request, _ -> Response in
            var request = request
            let body = String(buffer: try await request.collectBody(upTo: 64 * 1024))
            try await Task.sleep(for: delay)
            guard let created = await store.create(body: body, hostedBase: base) else { return json(400, #"{"message":"bad body"}"#) }
            return json(201, created)
        }
        router.get("/v0.1/checkouts") { request, _ -> Response in
            try await Task.sleep(for: delay)
            let reference = request.uri.queryParameters.get("checkout_reference") ?? ""
            return json(200, await store.list(reference: reference))
        }
        router.get("/v0.1/checkouts/:id") { _, context -> Response in
            try await Task.sleep(for: delay)
            guard let found = await store.checkout(id: try context.parameters.require("id")) else { return json(404, "{}") }
            return json(200, found)
        }
        router.delete("/v0.1/checkouts/:id") { _, context -> Response in
            try await Task.sleep(for: delay)
            guard let found = await store.checkout(id: try context.parameters.require("id")) else { return json(404, "{}") }
            return json(200, found.replacingOccurrences(of: #""status":"PENDING""#, with: #""status":"EXPIRED""#))
        }
        var logger = Logger(label: "bench.sumup")
        logger.logLevel = .error
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
    }

    private static func json(_ status: Int, _ body: String) -> Response {
        Response(status: .init(code: status), headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
