import Foundation

/// `./.cart-demo/`: the demo's database, keys and generated secrets.
struct DemoFolder {
    /// The folder itself.
    var path: URL

    static var `default`: DemoFolder {
        DemoFolder(path: URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".cart-demo"))
    }

    var databaseURL: String { "sqlite:\(path.appendingPathComponent("cart.sqlite").path)" }
    var keysDirectory: URL { path.appendingPathComponent("keys") }
    var secretFile: URL { path.appendingPathComponent("secret") }
    var dataKeyFile: URL { path.appendingPathComponent("data-key") }

    /// Creates the folder (mode 0700) if needed.
    func create() throws {
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }
}
