import ArgumentParser
import Foundation

/// Files that hold secrets (SumUp keys, generated demo secrets): readable, and not readable by
/// group or others.
enum SecretFile {
    /// The absolute path of `path` after checking it is a regular readable file of mode 0600 or stricter.
    static func checked(_ path: String) throws -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: absolute),
              (attributes[.type] as? FileAttributeType) == .typeRegular,
              FileManager.default.isReadableFile(atPath: absolute)
        else { throw ValidationError("\(path) is not a readable file") }
        let mode = (attributes[.posixPermissions] as? Int) ?? 0o777
        guard mode & 0o077 == 0 else {
            throw ValidationError("\(path) is readable by group or others (mode \(String(mode, radix: 8))); run chmod 600 \(path)")
        }
        return absolute
    }

    /// Reads a generated secret from `url`, creating it (mode 0600, 32 random bytes, base64url) if absent.
    static func generated(at url: URL, make: () -> String) throws -> String {
        if let existing = try? String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
           !existing.isEmpty {
            return existing
        }
        let value = make()
        let created = FileManager.default.createFile(atPath: url.path, contents: Data((value + "\n").utf8),
                                                     attributes: [.posixPermissions: 0o600])
        guard created else { throw ValidationError("cannot write \(url.path)") }
        return value
    }
}
