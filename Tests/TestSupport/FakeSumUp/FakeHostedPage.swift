import Foundation

/// The fake's hosted checkout page: GET shows Pay and Decline buttons; POST pays or declines,
/// sends the webhook, then sends the browser to `redirect_url` (303).
struct FakeHostedPage: Sendable {
    let fake: FakeSumUp

    func answer(_ request: ServerRequest, checkoutID: String) async -> ServerResponse {
        guard let checkout = await fake.checkout(checkoutID) else { return .text("no such checkout", status: 404) }
        if request.method == "GET" {
            let id = Self.escape(checkoutID)
            let html = """
                <!doctype html><html><head><title>Pay \(Self.escape(checkout.amount.description))</title></head><body>
                <h1>\(Self.escape(checkout.description))</h1><p>\(Self.escape(checkout.amount.description)) — \(checkout.status.rawValue)</p>
                <form method="post" action="/pay/\(id)"><button name="action" value="pay">Pay</button></form>
                <form method="post" action="/pay/\(id)"><button name="action" value="decline">Decline</button></form>
                </body></html>
                """
            return ServerResponse(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(html.utf8))
        }
        guard request.method == "POST" else { return .text("method not allowed", status: 405) }
        let form = String(decoding: request.body, as: UTF8.self)
        if form.contains("action=decline") {
            _ = await fake.fail(checkoutID)
        } else {
            do {
                try await fake.pay(checkoutID)
            } catch {
                return .text("this checkout cannot take payment: \(error)", status: 409)
            }
        }
        return .redirect(to: checkout.redirectURL ?? "/", status: 303)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
