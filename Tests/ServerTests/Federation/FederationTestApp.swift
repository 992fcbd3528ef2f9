import ActorIdentity
import Foundation
import Hummingbird
import HummingbirdTesting
import Server

/// A plain router mounting only the federation routes, over a keyring in a temporary directory.
enum FederationTestApp {
    static let base = "https://cart.example:8443"
    static let urls = Result { try ActorURLs(baseURL: base) }

    /// One key directory for the whole run: RSA generation is slow. Never rotated.
    static let sharedKeys = Result { try ActorKeyring.generate(in: temporaryDirectory()) }

    /// A fresh, empty temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("federation-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The app; `keysDirectory` is read through a `ReloadingKeyring`, as `serve` does.
    static func application(
        keysDirectory: URL? = nil, profile: ActorProfile = ActorProfile()
    ) throws -> some ApplicationProtocol {
        let keys = ReloadingKeyring(directory: try keysDirectory ?? sharedKeys.get().directory)
        let controller = FederationController(
            urls: try urls.get(), profile: profile, software: SoftwareInfo(version: "9.8.7"),
            keyring: { try await keys.current() })
        let router = Router()
        router.addRoutes(controller.routes())
        return Application(router: router)
    }

    /// Parses a JSON object body.
    static func object(_ body: ByteBuffer) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(String(buffer: body).utf8)) as? [String: Any] ?? [:]
    }
}
