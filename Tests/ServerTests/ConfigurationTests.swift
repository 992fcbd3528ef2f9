import Server
import Testing

@Suite("Serve configuration checks")
struct ConfigurationTests {
    static func valid() -> AppConfiguration {
        var configuration = AppConfiguration(mode: .serve)
        configuration.baseURL = "https://cart.example"
        configuration.databaseURL = "sqlite:/tmp/x.sqlite"
        configuration.keysDirectory = "/tmp/keys"
        configuration.secret = String(repeating: "s", count: 32)
        return configuration
    }

    static func problems(_ change: (inout AppConfiguration) -> Void) -> [String] {
        var configuration = valid()
        change(&configuration)
        do {
            try configuration.validateForServe()
            return []
        } catch {
            return error.problems
        }
    }

    @Test func completeConfigurationPasses() { #expect(Self.problems { _ in }.isEmpty) }

    @Test func missingBaseURLRefused() {
        #expect(Self.problems { $0.baseURL = nil }.contains { $0.contains("missing base URL") })
    }

    @Test func httpBaseURLNeedsPrivateNetworks() {
        #expect(Self.problems { $0.baseURL = "http://cart.example" }.contains { $0.contains("CART_BASE_URL is http") })
        #expect(Self.problems { $0.baseURL = "http://cart.example"; $0.allowPrivateNetworks = true }.isEmpty)
    }

    @Test func baseURLWithPathRefused() {
        #expect(Self.problems { $0.baseURL = "https://cart.example/shop" }.contains { $0.contains("without a path") })
    }

    @Test func shortSecretRefused() {
        #expect(Self.problems { $0.secret = "short" }.contains { $0.contains("at least 32") })
        #expect(Self.problems { $0.secret = nil }.contains { $0.contains("missing secret") })
    }

    @Test func missingKeysDirectoryRefused() {
        #expect(Self.problems { $0.keysDirectory = nil }.contains { $0.contains("CART_KEYS_DIR") })
    }

    @Test func missingDatabaseRefused() {
        #expect(Self.problems { $0.databaseURL = nil }.contains { $0.contains("CART_DATABASE_URL") })
    }

    @Test func partialAccountSettingsRefused() {
        #expect(Self.problems { $0.accountIssuer = "https://account.example" }.contains { $0.contains("CART_ACCOUNT_KEY") })
    }

    @Test func badSiblingOriginRefused() {
        #expect(Self.problems { $0.siblingOrigins = ["market.example"] }.contains { $0.contains("CART_SIBLING_ORIGINS") })
    }

    @Test func everyProblemIsOneLine() {
        let problems = Self.problems { $0 = AppConfiguration(mode: .serve) }
        #expect(problems.count >= 4)
        #expect(problems.allSatisfy { !$0.contains("\n") })
    }
}
