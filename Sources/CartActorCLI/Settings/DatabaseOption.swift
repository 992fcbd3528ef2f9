import ArgumentParser
import Foundation

/// `--database` / `CART_DATABASE_URL`, defaulting to the demo's database inside a folder that
/// holds `.cart-demo/` (contract §2).
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("database"), help: "sqlite:PATH or postgres://user:pass@host:port/db (env CART_DATABASE_URL)")
    var database: String?

    /// The URL to use, or a one-line reason why there is none.
    func resolved(_ env: Environment, demoDefault: Bool = true) throws(SettingsError) -> String {
        if let database { return database }
        if let fromEnv = env["CART_DATABASE_URL"] { return fromEnv }
        if demoDefault, FileManager.default.fileExists(atPath: DemoFolder.default.path.path) {
            return DemoFolder.default.databaseURL
        }
        throw .missing("CART_DATABASE_URL", "pass --database sqlite:PATH or postgres://… (or run inside a folder holding .cart-demo/)")
    }
}
