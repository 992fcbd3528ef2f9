import ActorIdentity
import ArgumentParser
import Foundation

/// `--data-key` / `CART_DATA_KEY`: the key sealing stored SumUp keys. Inside a folder holding
/// `.cart-demo/` (and with no explicit database) the demo's generated `data-key` file is the default.
struct DataKeyOption: ParsableArguments {
    @Option(name: .customLong("data-key"), help: "Seals stored SumUp keys: 64 hex digits, base64 of 32 bytes, or ≥ 32 characters (env CART_DATA_KEY)")
    var dataKey: String?

    /// The sealing box, or a one-line reason why there is none.
    func box(_ env: Environment, database: DatabaseOption) throws -> SecretBox {
        let text: String
        if let dataKey {
            text = dataKey
        } else if let fromEnv = env["CART_DATA_KEY"] {
            text = fromEnv
        } else if database.database == nil, env["CART_DATABASE_URL"] == nil,
                  let demo = try? String(contentsOf: DemoFolder.default.dataKeyFile, encoding: .utf8) {
            text = demo
        } else {
            throw ValidationError("storing a SumUp key needs CART_DATA_KEY (or --data-key); serve must run with the same key")
        }
        do {
            return try SecretBox(dataKey: text)
        } catch {
            throw ValidationError("CART_DATA_KEY: \(error)")
        }
    }
}
