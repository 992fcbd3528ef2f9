import COpenSSL

/// A failed OpenSSL operation: what was being done and what OpenSSL's error queue said.
public struct CryptoError: Error, Sendable, CustomStringConvertible {
    /// What the code was doing, e.g. "reading a private key PEM".
    public let operation: String
    /// OpenSSL's error strings, oldest first (empty when OpenSSL queued nothing).
    public let openSSLErrors: [String]

    /// One line for logs and operators.
    public var description: String {
        openSSLErrors.isEmpty
            ? "crypto error while \(operation)"
            : "crypto error while \(operation): \(openSSLErrors.joined(separator: "; "))"
    }

    /// Builds the error and drains this thread's OpenSSL error queue (it is per thread, so this
    /// must run before any `await`).
    init(_ operation: String) {
        self.operation = operation
        self.openSSLErrors = OpenSSLErrorQueue.drain()
    }
}

/// OpenSSL's per-thread error queue.
enum OpenSSLErrorQueue {
    /// Every queued error as text, leaving the queue empty.
    static func drain() -> [String] {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages
    }

    /// Forgets queued errors after an expected failure (a signature that does not verify).
    static func clear() { ERR_clear_error() }
}
