import Foundation

/// Reads a SumUp API key from a file only its owner can read (like the actor's private keys).
public enum SumUpKeyFile {
    /// The key in `path`, trimmed; refused when group/world readable, unreadable or empty.
    public static func read(_ path: String) throws(PaymentCredentialError) -> String {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw .keyFile(path: path, reason: "cannot be read (\(error.localizedDescription))")
        }
        if let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 {
            throw .keyFile(path: path, reason: "is readable by group or others; run chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .keyFile(path: path, reason: "cannot be read as UTF-8 text")
        }
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty, !key.contains(where: \.isWhitespace) else {
            throw .keyFile(path: path, reason: "must hold one API key on one line")
        }
        return key
    }
}
