import Commerce
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing
import TestSupport

/// A signed-in visitor's cart handle names the user's cart, so a calendar can book into it.
@Suite("Signed-in cart handle")
struct SignedInHandleTests {
    @Test(arguments: Backend.available)
    func signedInHandleNamesTheUsersCart(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let app = try await buildApplication(configuration: TestApp.configuration(), database: database, logger: TestApp.logger)
            // Checked inside the test client's scope: the app closes the database when it stops.
            try await app.test(.router) { client in
                var browser = Browser(client)
                try await browser.post("/auth/login", [("name", "alice"), ("return_to", "/")])
                try await browser.refreshToken() // the session rotated at sign-in
                #expect(try await browser.addOatMilk("3").status == .seeOther)
                let back = TestApp.sibling + "/events/31"
                let response = try await browser.get(
                    "/cart/handle?return_to=\(back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
                #expect(response.status == .seeOther)
                let location = try #require(response.location)
                let handle = String(location.dropFirst((back + "?cart_handle=").count))
                let carts = CartService(store: SQLCommerceStore(database: database))
                let byHandle = try await carts.view(.handle(handle))
                #expect(byHandle.itemCount == 3, "the handle must name alice's cart")
                let alice = try #require(IRI(TestApp.base + "/users/alice"))
                #expect(byHandle == (try await carts.view(.owner(.user(alice)))))
            }
        }
    }
}
