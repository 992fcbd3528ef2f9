import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File operations for private keys: created 0600 from the first byte, replaced atomically.
enum KeyFiles {
    /// Writes `contents` to a new 0600 temp file beside `url` and returns the temp path.
    /// The mode is given to `open` itself, so no umask or race ever exposes the bytes.
    static func writeTemporary(_ contents: String, near url: URL) throws -> String {
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".tmp-\(Base64URL.encode(SecureRandom.bytes(9)))").path
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw KeyringError.io(file: temp, reason: errnoText()) }
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { write(fd, $0 + offset, buffer.count - offset) } ?? -1
            }
            guard written > 0 else {
                let reason = errnoText()
                unlink(temp)
                throw KeyringError.io(file: temp, reason: reason)
            }
            offset += written
        }
        guard fsync(fd) == 0 else { throw KeyringError.io(file: temp, reason: errnoText()) }
        return temp
    }

    /// Atomically replaces `url` with `contents` (temp file + rename).
    static func replace(_ url: URL, with contents: String) throws {
        let temp = try writeTemporary(contents, near: url)
        guard rename(temp, url.path) == 0 else {
            let reason = errnoText()
            unlink(temp)
            throw KeyringError.io(file: url.path, reason: reason)
        }
        syncDirectory(of: url)
    }

    /// Creates `url` with `contents` only if it does not exist yet; false when it already does.
    /// `link` fails on an existing name, so two processes never both claim one key id.
    static func createExclusively(_ url: URL, with contents: String) throws -> Bool {
        let temp = try writeTemporary(contents, near: url)
        defer { unlink(temp) }
        if link(temp, url.path) == 0 {
            syncDirectory(of: url)
            return true
        }
        if errno == EEXIST { return false }
        throw KeyringError.io(file: url.path, reason: errnoText())
    }

    /// Refuses a private key file that group or others may read or write.
    static func checkPrivate(_ url: URL) throws {
        var info = stat()
        guard stat(url.path, &info) == 0 else { throw KeyringError.io(file: url.path, reason: errnoText()) }
        let mode = UInt16(truncatingIfNeeded: info.st_mode) & 0o777
        if mode & 0o077 != 0 { throw KeyringError.insecurePermissions(file: url.path, mode: mode) }
    }

    /// The file's modification time.
    static func modificationDate(_ url: URL) throws -> Date {
        var info = stat()
        guard stat(url.path, &info) == 0 else { throw KeyringError.io(file: url.path, reason: errnoText()) }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }

    /// Flushes a rename or link to disk (best effort: some filesystems refuse directory fsync).
    private static func syncDirectory(of url: URL) {
        let fd = open(url.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
