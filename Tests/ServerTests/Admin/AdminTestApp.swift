import ActorIdentity
import Foundation
import Hummingbird
import HummingbirdTesting
import Outbox
import Server
import Storage
import Testing
import TestSupport

/// The app with one operator, `BASE/users/admin`, as the demo configures it; `body` gets the
/// client and the database (to seed the ledger and read it back).
enum AdminTestApp {
    /// The operator's IRI.
    static let admin = TestApp.base + "/users/admin"

    /// `configuration` with the admin listed in `CART_ADMINS`.
    static func withAdmin(_ configuration: AppConfiguration) -> AppConfiguration {
        var configuration = configuration
        configuration.admins = [admin]
        return configuration
    }

    /// Runs the app (services included: the outbox publishes and delivers) over a fresh database.
    static func run(_ backend: Backend, _ configuration: AppConfiguration = withAdmin(TestApp.configuration()),
                    prepare: (Database) async throws -> Void = { _ in },
                    _ body: @escaping @Sendable (any TestClientProtocol, Database) async throws -> Void) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            try await prepare(database)
            let app = try await buildApplication(configuration: configuration, database: database, logger: TestApp.logger)
            try await app.test(.router) { client in try await body(client, database) }
        }
    }

    /// Runs the app paying through a fresh `FakeSumUp` (webhooks lost: reconciles come from the
    /// return page or the admin's re-check), with the admin configured.
    static func runPaying(_ backend: Backend,
                          _ body: @escaping @Sendable (any TestClientProtocol, FakeSumUp, Database) async throws -> Void) async throws {
        try await FakeSumUp.run { fake in
            await fake.loseWebhooks()
            try await run(backend, withAdmin(OrderTestApp.configuration(fake))) { client, database in
                try await body(client, fake, database)
            }
            #expect(await fake.violations().isEmpty)
        }
    }

    /// Runs `body` with a signature-checking receiver, stopping it afterwards whatever happens.
    static func withReceiver(_ body: (ReceiverHost) async throws -> Void) async throws {
        let receiver = try await receiver()
        do {
            try await body(receiver)
        } catch {
            await receiver.down()
            throw error
        }
        await receiver.down()
    }

    /// The ledger the app uses.
    static func ledger(_ database: Database) throws -> SQLOutboxStore {
        SQLOutboxStore(database: database, urls: try ActorURLs(baseURL: TestApp.base))
    }

    /// A receiver that checks signatures with the test app's current key.
    private static func receiver() async throws -> ReceiverHost {
        let keyring = try ActorKeyring.load(from: URL(fileURLWithPath: try TestApp.keysDirectory.get(), isDirectory: true))
        let urls = try ActorURLs(baseURL: TestApp.base)
        let resolver = SenderKeyResolver(keyID: urls.key(id: keyring.current.id), owner: urls.actor,
                                         key: keyring.current.key.publicKey)
        return try await ReceiverHost.start(resolver: resolver)
    }

    /// Waits up to `seconds` for `condition`, checking every 100 ms.
    static func eventually(_ seconds: Double = 20, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await condition()
    }
}

extension Browser {
    /// Signs in through the demo form as `name` (`BASE/users/NAME`).
    mutating func signIn(_ name: String) async throws {
        let response = try await post("/auth/login", [("name", name), ("return_to", "/")])
        #expect(response.status == .seeOther, "sign-in as \(name)")
        try await refreshToken()
    }

    /// Signs in as the admin and opens `/admin` (picking up the page's token).
    mutating func signInAsAdmin() async throws {
        try await signIn("admin")
        let home = try await get("/admin")
        #expect(home.status == .ok)
    }

    /// The text of the `role="status"` or `role="alert"` notice on `html`, if any.
    static func notice(in html: String) -> String? {
        guard let range = html.range(of: #"<p role="(status|alert)"[^>]*>.*?</p>"#, options: .regularExpression) else { return nil }
        return String(html[range])
    }
}
