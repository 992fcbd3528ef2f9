import ActorIdentity
import ArgumentParser
import Foundation
import Hummingbird
import Server

/// `demo`: the whole service on an embedded default — SQLite, keys and secrets under
/// `./.cart-demo/`, a sample page, the sandbox payment page, a plain sign-in form.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole service on an embedded default (./.cart-demo/); prints its URL.")
    @OptionGroup var options: ServiceOptions

    func run() async throws {
        try await OneLineErrors.run {
            var settings = try ResolvedSettings(options, env: .process, mode: .demo)
            let folder = DemoFolder.default
            try folder.create()
            let base = settings.baseURL ?? "http://\(Self.urlHost(settings.bindHost)):\(settings.bindPort)"
            settings.baseURL = base
            settings.databaseURL = settings.databaseURL ?? folder.databaseURL
            let keysDirectory = settings.keysDirectory.map(URL.init(fileURLWithPath:)) ?? folder.keysDirectory
            if (try? ActorKeyring.load(from: keysDirectory)) == nil {
                _ = try ActorKeyring.generate(in: keysDirectory)
            }
            settings.keysDirectory = keysDirectory.path
            settings.secret = try settings.secret ?? SecretFile.generated(at: folder.secretFile) { Base64URL.encode(SecureRandom.bytes(32)) }
            settings.dataKey = try settings.dataKey ?? SecretFile.generated(at: folder.dataKeyFile) { Base64URL.encode(SecureRandom.bytes(32)) }
            if settings.admins.isEmpty { settings.admins = ["\(base)/users/admin"] }

            let app = try await buildApplication(configuration: settings.appConfiguration())
            // Written straight to the file descriptor: print() would sit in a buffer when stdout is a pipe.
            FileHandle.standardOutput.write(Data("cart-actor demo: \(base)/ (data in \(folder.path.path); sign in as admin for /admin)\n".utf8))
            try await app.runService()
        }
    }

    /// A host as it appears in a URL (IPv6 in brackets).
    static func urlHost(_ host: String) -> String { host.contains(":") ? "[\(host)]" : host }
}
