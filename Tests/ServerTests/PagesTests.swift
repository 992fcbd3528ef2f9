import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TestSupport

@Suite("Home pages and accessibility")
struct PagesTests {
    // MARK: Helpers

    /// Ids of visible form controls without a `<label for>` naming them.
    static func unlabelledControls(_ html: String) -> [String] {
        let labels = Set(matches(#"<label[^>]*for="([^"]+)""#, in: html))
        var unlabelled: [String] = []
        for control in matches(#"<(?:input|select|textarea)([^>]*)>"#, in: html) where !control.contains("type=\"hidden\"") {
            let id = matches(#"id="([^"]+)""#, in: control).first ?? "(no id)"
            if !labels.contains(id) { unlabelled.append(id) }
        }
        return unlabelled
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    // MARK: Tests

    @Test(arguments: Backend.available)
    func demoHomeOffersProductsAndEvents(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("Oat milk"))
            #expect(home.text.contains("3.50 GBP"))
            #expect(home.text.contains("action=\"/demo/calendar/book\""))
            #expect(home.text.contains("Pottery class"))
            #expect(home.text.contains("Sign in"))
            #expect(home.headers[.contentType] == "text/html; charset=utf-8")
            #expect(home.headers[.cacheControl] == "no-store")
        }
    }

    @Test
    func serveHomeShowsTheActorHandle() async throws {
        try await TestApp.run(.sqlite, TestApp.configuration(.serve)) { client in
            var browser = Browser(client)
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("cart@127.0.0.1:8080"))
            #expect(!home.text.contains("Oat milk"))
            #expect(try await browser.get("/demo/calendar/book").status == .notFound)
        }
    }

    @Test(arguments: Backend.available)
    func everyControlIsLabelled(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            try await browser.addOatMilk()
            try await browser.post("/demo/calendar/book", [("item", "concert"), ("quantity", "2")])
            for path in ["/", "/cart", "/pages/market-day/cart", "/auth/login"] {
                let html = try await browser.get(path).text
                #expect(html.contains("<input"), "\(path) has no form")
                #expect(Self.unlabelledControls(html).isEmpty, "\(path): \(Self.unlabelledControls(html))")
            }
        }
    }

    @Test(arguments: Backend.available)
    func textIsEscaped(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let page = try await browser.get("/auth/login?return_to=%2F%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            #expect(page.status == .ok)
            #expect(!page.text.contains("<script>alert(1)"))
            #expect(page.text.contains("&quot;&gt;&lt;script&gt;"))
        }
    }
}
