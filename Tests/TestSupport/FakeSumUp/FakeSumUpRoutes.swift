import Commerce
import Foundation
import Payments

/// Turns one HTTP request into the fake SumUp's answer.
struct FakeSumUpRoutes: Sendable {
    let fake: FakeSumUp
    let validator: SchemaValidator
    var state: FakeSumUpState { fake.state }

    func answer(_ request: ServerRequest) async -> ServerResponse {
        let (path, query) = Self.split(request.path)
        let parts = path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        if parts.first == "pay", parts.count == 2 {
            return await FakeHostedPage(fake: fake).answer(request, checkoutID: parts[1])
        }
        if path == "/sink" { return ServerResponse(status: 204) }  // webhooks of tests that do not watch them
        let line = "\(request.method) \(path)"
        if let status = await state.admit(line) { return Self.error(status, "injected failure", code: "INJECTED") }
        let delay = await state.delay
        if delay > .zero { try? await Task.sleep(for: delay) }
        guard request.header("Authorization") == "Bearer \(fake.apiKey)" else {
            return Self.json(.object([WireMember("type", .string("https://developer.sumup.com/problem/unauthorized")),
                                      WireMember("title", .string("Unauthorized")), WireMember("status", .number("401"))]),
                             status: 401)
        }
        switch (request.method, parts.count, parts.first, parts.dropFirst().first) {
        case ("POST", 2, "v0.1", "checkouts"): return await create(request, line: line)
        case ("GET", 2, "v0.1", "checkouts"): return await list(reference: query["checkout_reference"])
        case ("GET", 3, "v0.1", "checkouts"): return await read(parts[2])
        case ("DELETE", 3, "v0.1", "checkouts"): return await deactivate(parts[2])
        case ("POST", 6, "v1.0", "merchants") where parts[3] == "payments" && parts[5] == "refunds":
            return await refund(request, line: line, merchant: parts[2], transaction: parts[4])
        case ("GET", 4, "v2.1", "merchants") where parts[3] == "transactions":
            return await transaction(merchant: parts[2], query: query, line: line)
        default: return Self.error(404, "no such endpoint \(line)", code: "NOT_FOUND")
        }
    }

    /// Parses and validates a body against the operation's schema; violations are recorded.
    private func body(_ request: ServerRequest, template: String, line: String) async -> BodyCheck {
        let json: WireJSON
        do {
            json = try WireJSON.parse(request.body)
        } catch {
            await state.record(violations: ["body is not JSON: \(error)"], request: line)
            return .refused(Self.error(400, "body is not JSON", code: "INVALID"))
        }
        guard request.header("Content-Type")?.lowercased().hasPrefix("application/json") == true else {
            await state.record(violations: ["Content-Type is not application/json"], request: line)
            return .refused(Self.error(400, "Content-Type must be application/json", code: "INVALID"))
        }
        guard let schema = validator.document.requestSchema(method: request.method, path: template) else {
            await state.record(violations: ["no schema for \(request.method) \(template)"], request: line)
            return .refused(Self.error(400, "no schema", code: "INVALID"))
        }
        let problems = validator.violations(of: json, against: schema)
        guard problems.isEmpty else {
            await state.record(violations: problems, request: line)
            return .refused(Self.error(400, "Validation error: " + problems.joined(separator: "; "), code: "INVALID"))
        }
        return .valid(json)
    }

    private func create(_ request: ServerRequest, line: String) async -> ServerResponse {
        let json: WireJSON
        switch await body(request, template: "/v0.1/checkouts", line: line) {
        case .valid(let value): json = value
        case .refused(let response): return response
        }
        let parsed: FakeCheckout
        switch FakeCheckoutRequest.parse(json, merchant: fake.merchantCode) {
        case .success(let checkout): parsed = checkout
        case .failure(let problem):
            await state.record(violations: [problem.message], request: line)
            return Self.error(problem.status, problem.message, code: "INVALID")
        }
        guard let (created, status) = await state.create(parsed) else {
            return Self.error(409, "Checkout with this checkout reference and pay to email already exists", code: "DUPLICATED_CHECKOUT")
        }
        guard status == 201 else { return Self.error(status, "injected answer after create", code: "INJECTED") }
        return Self.json(created.json(hostedBase: fake.apiBase, reportedAmount: nil), status: 201)
    }

    private func list(reference: String?) async -> ServerResponse {
        var elements: [WireJSON] = []
        let found = reference == nil ? [] : await state.checkouts(reference: reference ?? "")
        for checkout in found {
            elements.append(checkout.json(hostedBase: fake.apiBase, reportedAmount: await state.reported(checkout.id)))
        }
        return Self.json(.array(elements), status: 200)
    }

    private func read(_ id: String) async -> ServerResponse {
        guard let checkout = await state.checkout(id) else { return Self.error(404, "Resource not found", code: "NOT_FOUND") }
        return Self.json(checkout.json(hostedBase: fake.apiBase, reportedAmount: await state.reported(id)), status: 200)
    }

    private func deactivate(_ id: String) async -> ServerResponse {
        switch await state.deactivate(id) {
        case .none: return Self.error(404, "Resource not found", code: "NOT_FOUND")
        case .some(.none): return Self.error(409, "Checkout is already processed", code: "CHECKOUT_PROCESSED")
        case .some(.some(let checkout)): return Self.json(checkout.json(hostedBase: fake.apiBase, reportedAmount: nil), status: 200)
        }
    }

    private func refund(_ request: ServerRequest, line: String, merchant: String, transaction: String) async -> ServerResponse {
        let json: WireJSON
        if request.body.isEmpty {
            json = .object([])
        } else {
            switch await body(request, template: "/v1.0/merchants/{merchant_code}/payments/{transaction_id}/refunds", line: line) {
            case .valid(let value): json = value
            case .refused(let response): return response
            }
        }
        guard merchant == fake.merchantCode else { return Self.error(404, "Transaction not found", code: "NOT_FOUND") }
        let currency = await state.checkouts.values.first { $0.transaction?.id == transaction }?.amount.currency
        var amount: Money?
        if let text = json["amount"]?.numberText, let currency {
            guard let parsed = try? SumUpAmount.parse(text, currency: currency) else {
                await state.record(violations: ["refund amount \(text) is not exact in \(currency.code)"], request: line)
                return Self.error(400, "amount is invalid", code: "INVALID")
            }
            amount = parsed
        }
        switch await state.refund(transactionID: transaction, amount: amount) {
        case .none: return Self.error(404, "Transaction not found", code: "NOT_FOUND")
        case .some(false): return Self.error(409, "The transaction is not refundable in its current state", code: "CONFLICT")
        case .some(true):
            let status = await state.refundAnswerStatus()
            guard status == 201 else { return Self.error(status, "injected answer after refund", code: "INJECTED") }
            return Self.json(.object([]), status: 201)
        }
    }

    /// `GET /v2.1/merchants/{merchant}/transactions?id=` (exactly one of SumUp's four selectors;
    /// the fake knows `id` and `transaction_code`).
    private func transaction(merchant: String, query: [String: String], line: String) async -> ServerResponse {
        let selectors = ["id", "transaction_code", "foreign_transaction_id", "client_transaction_id"].filter { query[$0] != nil }
        guard selectors.count == 1 else {
            await state.record(violations: ["transaction read needs exactly one selector, got \(selectors)"], request: line)
            return Self.error(400, "exactly one of id, transaction_code, foreign_transaction_id, client_transaction_id", code: "INVALID")
        }
        guard merchant == fake.merchantCode else { return Self.error(404, "Resource not found", code: "NOT_FOUND") }
        let found = await state.allCheckouts().first { checkout in
            guard let transaction = checkout.transaction else { return false }
            return transaction.id == query["id"] || transaction.code == query["transaction_code"]
        }
        guard let found, let json = found.transactionJSON() else { return Self.error(404, "Resource not found", code: "NOT_FOUND") }
        return Self.json(json, status: 200)
    }

    /// A parsed body, or the 400 answer for it.
    enum BodyCheck {
        case valid(WireJSON)
        case refused(ServerResponse)
    }

    static func split(_ target: String) -> (String, [String: String]) {
        let pieces = target.split(separator: "?", maxSplits: 1)
        let path = pieces.first.map(String.init) ?? "/"
        var query: [String: String] = [:]
        if pieces.count == 2 {
            for pair in pieces[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ") }
                let key = kv[0].removingPercentEncoding ?? kv[0]
                query[key] = kv.count == 2 ? (kv[1].removingPercentEncoding ?? kv[1]) : ""
            }
        }
        return (path, query)
    }

    static func json(_ value: WireJSON, status: Int) -> ServerResponse {
        ServerResponse(status: status, headers: [("Content-Type", "application/json")], body: value.serializedBytes())
    }

    static func error(_ status: Int, _ message: String, code: String) -> ServerResponse {
        json(.object([WireMember("message", .string(message)), WireMember("error_code", .string(code))]), status: status)
    }
}
