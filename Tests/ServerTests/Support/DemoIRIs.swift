import HummingbirdTesting
/// IRIs of the demo catalog under the test base URL.
enum DemoIRIs {
    static let oatMilk = TestApp.base + "/demo/products/oat-milk"
    static let sourdough = TestApp.base + "/demo/products/sourdough"
    static let pageSlug = "market-day"
}

extension Browser {
    /// Adds `quantity` oat milk through the shop's own form and returns the response.
    @discardableResult
    mutating func addOatMilk(_ quantity: String = "1", extra: [(String, String)] = []) async throws -> TestResponse {
        try await post("/cart/items", [("product", DemoIRIs.oatMilk), ("quantity", quantity)] + extra)
    }

    /// The first line id on `/cart` (from a `/cart/items/{id}` form action).
    mutating func firstLineID() async throws -> String? {
        let html = try await get("/cart").text
        guard let range = html.range(of: "action=\"/cart/items/") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(where: { $0 == "\"" || $0 == "/" }) else { return nil }
        return String(rest[..<end])
    }
}
