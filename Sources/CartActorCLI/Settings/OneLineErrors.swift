import ArgumentParser
import Foundation

/// Prints a failure as one line (`cart-actor: …`) on standard error and exits 1, as contract §2
/// asks of `serve`; argument errors still get ArgumentParser's usage text.
enum OneLineErrors {
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ValidationError {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch {
            let line = String(describing: error).replacingOccurrences(of: "\n", with: "; ")
            FileHandle.standardError.write(Data("cart-actor: \(line)\n".utf8))
            throw ExitCode.failure
        }
    }
}
