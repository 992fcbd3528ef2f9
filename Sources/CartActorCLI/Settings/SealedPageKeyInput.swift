import ArgumentParser
import Payments
import Storage

/// `--sumup-key-file PATH`: the key read from a 0600 file and sealed with `CART_DATA_KEY` for
/// page `slug`. The key itself is never printed or logged; only its last four characters.
enum SealedPageKeyInput {
    static func read(_ path: String, slug: String, dataKey: DataKeyOption, database: DatabaseOption,
                     env: Environment = .process) throws -> StoredPageKey {
        let apiKey: String
        do {
            apiKey = try SumUpKeyFile.read(try SecretFile.checked(path))
        } catch let error as PaymentCredentialError {
            throw ValidationError(error.description)
        }
        let box = try dataKey.box(env, database: database)
        let sealed = try SealedCredentialSource.seal(apiKey: apiKey, slug: slug, with: box)
        return StoredPageKey(sealed: sealed, lastFour: SealedCredentialSource.lastFour(of: apiKey))
    }
}
