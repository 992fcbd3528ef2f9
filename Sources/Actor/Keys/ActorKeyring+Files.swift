import Foundation

extension ActorKeyring {
    /// File names in `directory`, or `directoryMissing`.
    static func listing(of directory: URL) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
              isDirectory.boolValue
        else { throw KeyringError.directoryMissing(path: directory.path) }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw KeyringError.io(file: directory.path, reason: error.localizedDescription)
        }
    }

    /// RSA key ids ("k<n>") present as `rsa-k<n>.pem`, oldest (lowest n) first.
    static func rsaKeyIDs(in names: [String]) -> [String] {
        names.compactMap { name -> (Int, String)? in
            guard name.hasPrefix("rsa-k"), name.hasSuffix(".pem") else { return nil }
            let id = String(name.dropFirst(4).dropLast(4))
            guard let number = Int(id.dropFirst()), number > 0 else { return nil }
            return (number, id)
        }
        .sorted { $0.0 < $1.0 }
        .map(\.1)
    }

    /// Generates an RSA-2048 key and stores it under the next free id; retries past ids that
    /// another instance claimed meanwhile.
    static func claimNewRSAKey(in directory: URL) throws -> String {
        let pem = try SigningKey.generateRSA(bits: 2048).pem()
        var next = (rsaKeyIDs(in: try listing(of: directory)).compactMap { Int($0.dropFirst()) }.max() ?? 0) + 1
        while true {
            let id = "k\(next)"
            if try KeyFiles.createExclusively(directory.appendingPathComponent("rsa-\(id).pem"), with: pem) {
                return id
            }
            next += 1
        }
    }

    /// Reads one private key file after checking it is 0600 (or stricter).
    static func loadKey(id: String, file: URL) throws -> ActorKey {
        try KeyFiles.checkPrivate(file)
        let pem: String
        do {
            pem = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw KeyringError.io(file: file.path, reason: error.localizedDescription)
        }
        do {
            return ActorKey(id: id, key: try SigningKey(pem: pem), createdAt: try KeyFiles.modificationDate(file))
        } catch let error as CryptoError {
            throw KeyringError.badKeyFile(file: file.path, reason: error.description)
        }
    }

    /// The id in `current-key`.
    static func readPointer(in directory: URL) throws -> String {
        let file = directory.appendingPathComponent(pointerName)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw KeyringError.currentPointerInvalid(file: file.path, reason: "missing or unreadable")
        }
        let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !id.isEmpty else { throw KeyringError.currentPointerInvalid(file: file.path, reason: "empty") }
        return id
    }
}
