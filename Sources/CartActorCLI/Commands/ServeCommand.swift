import ActorIdentity
import ArgumentParser
import Foundation
import Hummingbird
import Server

/// `serve`: production. Every setting from flags or environment; refuses to start, with a
/// one-line reason, when one is missing or unsafe. Never generates keys or secrets.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run in production: every setting from flags or environment (see README.md).")
    @OptionGroup var options: ServiceOptions

    func run() async throws {
        try await OneLineErrors.run {
            let settings = try ResolvedSettings(options, env: .process, mode: .serve)
            let configuration = settings.appConfiguration()
            try configuration.validateForServe()
            if let keysDirectory = settings.keysDirectory {
                _ = try ActorKeyring.load(from: URL(fileURLWithPath: keysDirectory))
            }
            let app = try await buildApplication(configuration: configuration)
            try await app.runService()
        }
    }
}
